// Search queries: one ranked statement over the search documents, for any mix of record types.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { SearchableType } from '../../graphql/record-types.js';
import { queryForms, type QueryForms } from './query-forms.js';

export interface SearchHitRow {
  record_type: SearchableType;
  record_id: string;
  score: number;
  snippet: string | null;
}

export interface SearchRequest {
  text: string;
  types: string[];
  offset: number;
  limit: number;
  /** Retired deals (a newer SIPRI release no longer lists them) are left out unless asked. */
  includeRetired?: boolean;
}

// Snippets: one fragment of 8 to 24 words around the match, matched words in «».
const HEADLINE = 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=«, StopSel=»';

const CONFIGS = ['armstrail_fr', 'armstrail_en', 'armstrail_ru', 'armstrail_simple'];

/**
 * Every spelling in each language (OR-ed), written inline rather than joined from a CTE: the
 * planner folds it to a constant and can then use the GIN index on tsv.
 */
function tsquery(forms: QueryForms): SQL {
  const parts = forms.words.flatMap((form) =>
    CONFIGS.map((config) => sql`websearch_to_tsquery(${config}::regconfig, ${form})`),
  );
  return sql`(${sql.join(parts, sql` || `)})`;
}

/** The query's compact form, as armstrail_compact makes it in SQL (for deciding only). */
function roughCompact(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Words match through the per-language stemmed tsvector (the query is read as French,
 * English, Russian and unstemmed at once); names match through their compact form, so
 * `mi 171 sh` finds Mi-171Sh. Every spelling of the query (query-forms.ts) is read, OR-ed.
 *
 * Fragments under 3 characters have no trigram: matching them by name would scan every
 * document, so short queries match by words only.
 */
function matches(r: SearchRequest, forms: QueryForms): SQL {
  const byName = forms.names
    .filter((form) => roughCompact(form).length >= 3)
    .map((form) => sql` or d.names like '%' || armstrail_compact(${form}) || '%'`);
  const live = r.includeRetired
    ? sql``
    : sql` and not exists (select 1 from deals x where x.id = d.record_id and x.retired_at is not null)`;
  return sql`d.record_type in ${r.types} and (d.tsv @@ ${tsquery(forms)}${sql.join(byName)})${live}`;
}

export async function searchDocuments(db: Db, r: SearchRequest): Promise<SearchHitRow[]> {
  return queryRows<SearchHitRow>(db, searchStatement(r));
}

/**
 * The ranked search statement (exported so that benchmarks can EXPLAIN it). Ranking, by
 * tiers that ts_rank (at most 1 here) cannot cross: a record whose own name, alias or model
 * code is the query (case, spaces and hyphens aside) first; then a deal listing a weapon of
 * that exact name; then name prefixes, then names containing the query; words rank within.
 */
export function searchStatement(r: SearchRequest): SQL {
  const forms = queryForms(r.text);
  const query = tsquery(forms);
  const compact = sql`armstrail_compact(${forms.names[0]!})`;
  return sql`with hits as (
        select d.record_type, d.record_id, d.body,
          least(ts_rank(d.tsv, ${query}), 1)
            + case when d.names like '% ' || ${compact} || ' %'
                     then case when d.record_type = 'Deal' then 2 else 4 end
                   when d.names like '% ' || ${compact} || '%' then 1
                   when d.names like '%' || ${compact} || '%' then 0.5
                   else 0 end as score
        from search_documents d
        where ${matches(r, forms)}
      )
      select record_type, record_id, score::float8 as score,
        -- The first language whose reading of the text highlights a match, else the plain one.
        coalesce(
          (select h from unnest(array[
              ts_headline('armstrail_fr', body, ${query}, ${HEADLINE}),
              ts_headline('armstrail_en', body, ${query}, ${HEADLINE}),
              ts_headline('armstrail_ru', body, ${query}, ${HEADLINE})]) h
            where h like '%«%' limit 1),
          ts_headline('armstrail_simple', body, ${query}, ${HEADLINE})) as snippet
      from (select * from hits order by score desc, record_id limit ${r.limit} offset ${r.offset}) page
      order by score desc, record_id`;
}

export async function countSearchHits(db: Db, r: SearchRequest): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from search_documents d where ${matches(r, queryForms(r.text))}`,
  );
  return row?.n ?? 0;
}
