// Shared SQL fragments: subqueries that several modules filter by.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { isUuid } from './stable-id.js';
import { FORMER_STATES } from '../reference/former-states.js';
import { actorAliases, actors, platforms } from './schema.js';

/**
 * A uuid[] value as one parameter (an array literal cast back), however many IDs: both
 * drivers pass the text through, and the statement stays the same for any number of keys.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${uuidArrayLiteral(ids)}::uuid[]`;
}

/**
 * `limit n` with n in the statement's text, not a parameter. A page's statement runs named
 * (statements.ts, queryPrepared), and PostgreSQL plans a named statement anew at every run
 * while its generic plan looks dearer than the custom ones: with the limit a parameter, the
 * generic plan guessed a tenth of the table and was never chosen. A page size is one of a few
 * values (1–100, usually the default), so the texts stay few.
 */
export function limitRows(rows: number): SQL {
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new Error(`a row limit must be a positive integer, got ${rows}`);
  }
  return sql.raw(`limit ${rows}`);
}

/** The text of a uuid[] literal: UUIDs need neither quotes nor escapes. */
export function uuidArrayLiteral(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * `column in ('…', '…')` with the IDs written into the statement's text rather than passed as
 * parameters, for statements built once per set of values (statementsByShape): PostgreSQL then
 * plans them once, for those very values. One ID is an equality, which an ordered index scan
 * can serve. The IDs must be UUIDs (they are checked: they go into the text).
 */
export function inUuids(column: SQL | PgColumn, ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  for (const id of ids) {
    if (!isUuid(id)) throw new Error(`inUuids: ${JSON.stringify(id)} is not a UUID`);
  }
  return sql`${column} in ${sql.raw(`(${ids.map((id) => `'${id}'`).join(', ')})`)}`;
}

/** Lower-case names of the former states among these codes (ISO 3166-3 alpha-3). */
function formerStateNames(alpha3: string[]): string[] {
  return FORMER_STATES.filter((s) => alpha3.includes(s.alpha3)).flatMap((s) => [
    s.sipriName.toLowerCase(),
    ...s.aliases.map((a) => a.alias.toLowerCase()),
  ]);
}

/**
 * IDs of the states with these alpha-3 codes and of the companies and groups based in them.
 * A former state's ISO 3166-3 code is stored by no actor (historical states have no ISO
 * 3166-1 codes), so it matches the state actor without codes named, or aliased, by one of
 * that state's names.
 */
export function actorIdsInCountries(alpha3: string[]): SQL {
  if (alpha3.length === 0) return sql`(select null::uuid where false)`;
  const names = formerStateNames(alpha3);
  const former =
    names.length === 0
      ? sql``
      : sql` or (c.kind = 'STATE' and c.iso_alpha3 is null and (lower(c.name) in ${names}
          or c.id in (select x.actor_id from ${actorAliases} x where lower(x.alias) in ${names})))`;
  const states = sql`select c.id from ${actors} c where c.iso_alpha3 in ${alpha3}${former}`;
  if (names.length === 0) {
    return sql`(select a.id from ${actors} a where a.iso_alpha3 in ${alpha3}
    or a.country_id in (${states}))`;
  }
  return sql`(select a.id from ${actors} a where a.id in (${states}) or a.country_id in (${states}))`;
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

/** A LIKE pattern that matches `text` anywhere, with its wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` contains `text`, in any case: what `ilike` matches, written as PostgreSQL computes
 * it for a multibyte encoding (`lower` of both sides, then `like`), with the pattern lowered
 * once for the statement (an InitPlan) instead of again at every row as `ilike` does. A name
 * filter over 258 actors and their 641 aliases cost ~0.47 ms of PostgreSQL with `ilike`,
 * ~0.34 ms so (issue 12).
 */
export function containsText(column: SQL | PgColumn, text: string): SQL {
  return sql`lower(${column}) like (select lower(${containsPattern(text)}))`;
}

/**
 * A name filter: `name` or one of the record's aliases (`aliases`, whose `owner` column names
 * the record's `id`) contains `text`, in any case (containsText).
 */
export function nameOrAliasContains(
  name: PgColumn,
  id: PgColumn,
  aliases: { table: PgTable; owner: PgColumn; alias: PgColumn },
  text: string,
): SQL {
  return sql`(${containsText(name, text)} or ${id} in
    (select ${aliases.owner} from ${aliases.table} where ${containsText(aliases.alias, text)}))`;
}
