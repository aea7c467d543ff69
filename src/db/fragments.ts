// Shared SQL fragments: subqueries that several modules filter by.
import { sql, type SQL } from 'drizzle-orm';
import { actors, platforms } from './schema.js';

/** IDs of the states with these alpha-3 codes and of the companies and groups based in them. */
export function actorIdsInCountries(alpha3: string[]): SQL {
  if (alpha3.length === 0) return sql`(select null::uuid where false)`;
  return sql`(select a.id from ${actors} a where a.iso_alpha3 in ${alpha3}
    or a.country_id in (select c.id from ${actors} c where c.iso_alpha3 in ${alpha3}))`;
}

/** IDs of these platforms and all their variants, at any depth of the family tree. */
export function platformFamilyIds(ids: string[]): SQL {
  if (ids.length === 0) return sql`(select null::uuid where false)`;
  // UNION (not UNION ALL) stops at rows already seen, so a bad cycle cannot loop forever.
  return sql`(with recursive family(id) as (
      select p.id from ${platforms} p where p.id in ${ids}
      union
      select p.id from ${platforms} p join family on p.parent_id = family.id
    ) select id from family)`;
}
