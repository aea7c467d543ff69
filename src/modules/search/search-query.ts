// Search queries: one ranked statement over the search documents, for any mix of record types.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { NodeType } from '../../graphql/global-id.js';

export interface SearchHitRow {
  record_type: Extract<NodeType, 'Deal' | 'Platform' | 'Actor' | 'Source'>;
  record_id: string;
  score: number;
  snippet: string | null;
}

export interface SearchRequest {
  text: string;
  types: string[];
  offset: number;
  limit: number;
}

/**
 * Words match through the per-language stemmed tsvector (the query is read as French,
 * English, Russian and unstemmed at once); names match through their compact form, so
 * `mi 171 sh` finds Mi-171Sh. Ranking: an exact name first, then a name prefix, then words.
 */
const HEADLINE = 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=«, StopSel=»';

/**
 * The query in each language (OR-ed), written inline rather than joined from a CTE: the
 * planner folds it to a constant and can then use the GIN index on tsv.
 */
const tsquery = (text: string) => sql`(websearch_to_tsquery('armstrail_fr', ${text})
  || websearch_to_tsquery('armstrail_en', ${text})
  || websearch_to_tsquery('armstrail_ru', ${text})
  || websearch_to_tsquery('armstrail_simple', ${text}))`;

/** The query's compact form, as armstrail_compact makes it in SQL (for deciding only). */
function roughCompact(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

// Fragments under 3 characters have no trigram: matching them by name would scan every
// document, so short queries match by words only.
function matches(r: SearchRequest): SQL {
  const byName =
    roughCompact(r.text).length >= 3
      ? sql` or d.names like '%' || armstrail_compact(${r.text}) || '%'`
      : sql``;
  return sql`d.record_type in ${r.types} and (d.tsv @@ ${tsquery(r.text)}${byName})`;
}

export async function searchDocuments(db: Db, r: SearchRequest): Promise<SearchHitRow[]> {
  return queryRows<SearchHitRow>(db, searchStatement(r));
}

/** The ranked search statement (exported so that benchmarks can EXPLAIN it). */
export function searchStatement(r: SearchRequest): SQL {
  const compact = sql`armstrail_compact(${r.text})`;
  return sql`with hits as (
        select d.record_type, d.record_id, d.body,
          ts_rank(d.tsv, ${tsquery(r.text)})
            + case when d.names like '% ' || ${compact} || ' %' then 2
                   when d.names like '% ' || ${compact} || '%' then 1
                   when d.names like '%' || ${compact} || '%' then 0.5
                   else 0 end as score
        from search_documents d
        where ${matches(r)}
      )
      select record_type, record_id, score::float8 as score,
        -- The first language whose reading of the text highlights a match, else the plain one.
        coalesce(
          (select h from unnest(array[
              ts_headline('armstrail_fr', body, ${tsquery(r.text)}, ${HEADLINE}),
              ts_headline('armstrail_en', body, ${tsquery(r.text)}, ${HEADLINE}),
              ts_headline('armstrail_ru', body, ${tsquery(r.text)}, ${HEADLINE})]) h
            where h like '%«%' limit 1),
          ts_headline('armstrail_simple', body, ${tsquery(r.text)}, ${HEADLINE})) as snippet
      from (select * from hits order by score desc, record_id limit ${r.limit} offset ${r.offset}) page
      order by score desc, record_id`;
}

export async function countSearchHits(db: Db, r: SearchRequest): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from search_documents d where ${matches(r)}`,
  );
  return row?.n ?? 0;
}
