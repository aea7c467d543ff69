// Search queries: one ranked statement over the search documents, for any mix of record types.
import { sql } from 'drizzle-orm';
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

/** The query in each language, and its compact form for names. */
const queryTerms = (text: string) => sql`q as (
  select websearch_to_tsquery('armstrail_fr', ${text})
      || websearch_to_tsquery('armstrail_en', ${text})
      || websearch_to_tsquery('armstrail_ru', ${text})
      || websearch_to_tsquery('armstrail_simple', ${text}) as tsq,
    armstrail_compact(${text}) as compact)`;

// Compact fragments under 3 characters have no trigram, so they would scan every document.
const matches = (types: string[]) => sql`d.record_type in ${types}
  and (d.tsv @@ q.tsq or (length(q.compact) >= 3 and d.names like '%' || q.compact || '%'))`;

export async function searchDocuments(db: Db, r: SearchRequest): Promise<SearchHitRow[]> {
  return queryRows<SearchHitRow>(
    db,
    sql`with ${queryTerms(r.text)}, hits as (
        select d.record_type, d.record_id, d.body, q.tsq,
          ts_rank(d.tsv, q.tsq)
            + case when d.names like '% ' || q.compact || ' %' then 2
                   when d.names like '% ' || q.compact || '%' then 1
                   when d.names like '%' || q.compact || '%' then 0.5
                   else 0 end as score
        from search_documents d, q
        where ${matches(r.types)}
      )
      select record_type, record_id, score::float8 as score,
        -- The first language whose reading of the text highlights a match, else the plain one.
        coalesce(
          (select h from unnest(array[
              ts_headline('armstrail_fr', body, tsq, ${HEADLINE}),
              ts_headline('armstrail_en', body, tsq, ${HEADLINE}),
              ts_headline('armstrail_ru', body, tsq, ${HEADLINE})]) h
            where h like '%«%' limit 1),
          ts_headline('armstrail_simple', body, tsq, ${HEADLINE})) as snippet
      from (select * from hits order by score desc, record_id limit ${r.limit} offset ${r.offset}) page
      order by score desc, record_id`,
  );
}

export async function countSearchHits(db: Db, r: SearchRequest): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with ${queryTerms(r.text)}
      select count(*)::int as n from search_documents d, q where ${matches(r.types)}`,
  );
  return row?.n ?? 0;
}
