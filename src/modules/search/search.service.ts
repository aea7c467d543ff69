// Search documents: rebuilt in SQL, in the writing transaction, for every record a write touches.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { uuidArray } from '../../db/fragments.js';

/** Records to rebuild, per type: IDs, a subquery of IDs, or 'all' (seeding, repairs). */
type Ids = readonly string[] | SQL | 'all';

export interface SearchScope {
  deals?: Ids;
  actors?: Ids;
  platforms?: Ids;
  sources?: Ids;
}

function idFilter(column: SQL, ids: Ids): SQL {
  if (ids === 'all') return sql`true`;
  if (Array.isArray(ids)) return sql`${column} = any(${uuidArray(ids)})`;
  return sql`${column} in (${ids as SQL})`;
}

// Each builder selects (record_id, record_type, names, body, tsv) for live records in scope.
const BUILDERS: Record<keyof SearchScope, (ids: Ids) => SQL> = {
  deals: (ids) => sql`
    select d.id, 'Deal',
      -- Only the weapons' names: a deal must not outrank its parties on their own names.
      ' ' || coalesce(it.names, '') || ' ',
      concat_ws(E'\\n', s.name || ' → ' || r.name || coalesce(': ' || it.designations, ''),
        d.comments, ev.text, ct.text),
      setweight(to_tsvector('armstrail_simple', concat_ws(' ', s.name, r.name, it.designations)), 'A')
        || setweight(to_tsvector('armstrail_en', concat_ws(' ', d.comments, ev.text)), 'B')
        || setweight(to_tsvector('armstrail_simple', coalesce(ev.text, '')), 'B')
        || setweight(coalesce(ct.tsv, ''::tsvector), 'C')
    from deals d
    join actors s on s.id = d.supplier_id
    join actors r on r.id = d.recipient_id
    left join lateral (
      select string_agg(p.designation, ', ' order by i.position) as designations,
        string_agg(concat_ws(' ', armstrail_compact(p.designation),
          (select string_agg(armstrail_compact(a.alias), ' ') from platform_aliases a where a.platform_id = p.id)), ' ') as names
      from deal_items i join platforms p on p.id = i.platform_id where i.deal_id = d.id
    ) it on true
    left join lateral (
      select string_agg(concat_ws(', ', e.place, e.description), E'\\n') as text
      from deal_events e where e.deal_id = d.id and e.deleted_at is null
    ) ev on true
    left join lateral (
      select string_agg(concat_ws(' ', c.excerpt, c.translation), E'\\n') as text,
        armstrail_tsvector_agg(to_tsvector(armstrail_ts_config(src.language), coalesce(c.excerpt, ''))
          || to_tsvector('armstrail_en', coalesce(c.translation, ''))) as tsv
      from (
        select c.excerpt, c.translation, c.source_id from citations c
        where c.deal_id = d.id and c.deleted_at is null
        union all
        select c.excerpt, c.translation, c.source_id from deal_events e
        join citations c on c.event_id = e.id
        where e.deal_id = d.id and e.deleted_at is null and c.deleted_at is null
      ) c join sources src on src.id = c.source_id
    ) ct on true
    where d.deleted_at is null and ${idFilter(sql`d.id`, ids)}`,
  actors: (ids) => sql`
    select a.id, 'Actor',
      ' ' || concat_ws(' ', armstrail_compact(a.name), lower(a.iso_alpha2), lower(a.iso_alpha3), al.names) || ' ',
      concat_ws(E'\\n', a.name, al.text, a.description),
      setweight(to_tsvector('armstrail_simple', concat_ws(' ', a.name, al.text, a.iso_alpha3)), 'A')
        || setweight(to_tsvector('armstrail_en', coalesce(a.description, '')), 'B')
    from actors a
    left join lateral (
      select string_agg(x.alias, ', ') as text, string_agg(armstrail_compact(x.alias), ' ') as names
      from actor_aliases x where x.actor_id = a.id
    ) al on true
    where a.deleted_at is null and ${idFilter(sql`a.id`, ids)}`,
  platforms: (ids) => sql`
    select p.id, 'Platform',
      ' ' || concat_ws(' ', armstrail_compact(p.designation), armstrail_model_code(p.designation), al.names) || ' ',
      concat_ws(E'\\n', p.designation, al.text, p.description),
      setweight(to_tsvector('armstrail_simple', concat_ws(' ', p.designation, al.text)), 'A')
        || setweight(to_tsvector('armstrail_en', coalesce(p.description, '')), 'B')
    from platforms p
    left join lateral (
      select string_agg(x.alias, ', ') as text, string_agg(armstrail_compact(x.alias), ' ') as names
      from platform_aliases x where x.platform_id = p.id
    ) al on true
    where p.deleted_at is null and ${idFilter(sql`p.id`, ids)}`,
  sources: (ids) => sql`
    select s.id, 'Source',
      ' ' || concat_ws(' ', armstrail_compact(s.publisher), armstrail_compact(s.title)) || ' ',
      concat_ws(E'\\n', s.title, s.publisher, s.url, ct.text),
      setweight(to_tsvector('armstrail_simple', concat_ws(' ', s.title, s.publisher)), 'A')
        || setweight(to_tsvector(armstrail_ts_config(s.language), coalesce(s.title, '')), 'A')
        || setweight(coalesce(ct.tsv, ''::tsvector), 'C')
    from sources s
    left join lateral (
      select string_agg(c.excerpt, E'\\n') as text,
        armstrail_tsvector_agg(to_tsvector(armstrail_ts_config(s.language), c.excerpt)) as tsv
      from citations c where c.source_id = s.id and c.deleted_at is null and c.excerpt is not null
    ) ct on true
    where s.deleted_at is null and ${idFilter(sql`s.id`, ids)}`,
};

const TABLES: Record<keyof SearchScope, SQL> = {
  deals: sql`deals`,
  actors: sql`actors`,
  platforms: sql`platforms`,
  sources: sql`sources`,
};

/**
 * Rebuilds the search documents of the records in scope and drops those of deleted ones.
 * Call it inside the transaction that wrote the records, so search never shows a state that
 * was not committed.
 */
export async function refreshSearchDocuments(tx: Db, scope: SearchScope): Promise<void> {
  for (const key of Object.keys(BUILDERS) as (keyof SearchScope)[]) {
    const ids = scope[key];
    if (!ids || (Array.isArray(ids) && ids.length === 0)) continue;
    await tx.execute(sql`
      insert into search_documents (record_id, record_type, names, body, tsv) ${BUILDERS[key](ids)}
      on conflict (record_id) do update set names = excluded.names, body = excluded.body,
        tsv = excluded.tsv, record_type = excluded.record_type`);
    await tx.execute(sql`
      delete from search_documents sd using ${TABLES[key]} t
      where sd.record_id = t.id and t.deleted_at is not null and ${idFilter(sql`t.id`, ids)}`);
  }
}

/** An actor's document and those of its deals, which show its name. */
export function refreshSearchForActors(tx: Db, actorIds: readonly string[]): Promise<void> {
  const ids = uuidArray(actorIds);
  return refreshSearchDocuments(tx, {
    actors: actorIds,
    deals: sql`select id from deals where supplier_id = any(${ids}) or recipient_id = any(${ids})`,
  });
}

/** A platform's document and those of the deals that list it. */
export function refreshSearchForPlatforms(tx: Db, platformIds: readonly string[]): Promise<void> {
  const ids = uuidArray(platformIds);
  return refreshSearchDocuments(tx, {
    platforms: platformIds,
    deals: sql`select deal_id from deal_items where platform_id = any(${ids})`,
  });
}
