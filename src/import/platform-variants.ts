// Variant links: a SIPRI row lists a designation ("Mi-17") and its comment often names the
// variant delivered ("Mi-171Sh armed version"). The item keeps SIPRI's designation as its
// platform and, when the named variant is a platform of this database in the item's family,
// links to it as well (deal_items.variant_platform_id, and the same on the release's row).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';

/**
 * The rule, conservative on purpose (a wrong link would count deals under the wrong weapon):
 *
 * 1. Each `;`-separated clause of the item's note (the comment's "… version" clauses, see
 *    deriveVariantNote) is read as `[armed] <name> [armed] version`, case aside: "Mi-171Sh
 *    armed version", "Armed Mi-171Sh version", "Mi-171Sh version" all name Mi-171Sh. A clause
 *    with anything else around the name ("Probably Mi-171 version", "Incl 2 Mi-17P (Hip-K) EW
 *    version", "Mi-171 or Mi-171E version") names nothing: its name is not a platform's.
 * 2. The name must equal a live platform's designation or alias (case aside, nothing else).
 * 3. That platform must be below the item's platform in the family tree, at any depth
 *    (Mi-171Sh → Mi-171 → Mi-17): a variant refines SIPRI's designation. The platform itself
 *    ("Mi-17 version" on a Mi-17 row), an ancestor ("Mi-8 version") or another branch of the
 *    family ("Mi-35 version" on a Mi-24P row) is never linked.
 * 4. Exactly one platform must qualify across the clauses; two are ambiguous and give none.
 *
 * Only SIPRI's items are derived (an editor's item has no variant unless an editor says so).
 * The link is recomputed after every import over every SIPRI item and release row — like a
 * rule's family link, it follows the platform table (a variant platform added later is linked
 * at the next import) — without a revision or a version change: it is derived, not an edit.
 * Migration 0005 ran these same statements (VARIANT_LINK_STATEMENTS) for existing databases.
 */
const ANCESTRY = `"ancestry"("id", "ancestor_id") AS (
  SELECT p."id", p."parent_id" FROM "platforms" p WHERE p."parent_id" IS NOT NULL
  UNION
  SELECT a."id", p."parent_id" FROM "ancestry" a JOIN "platforms" p ON p."id" = a."ancestor_id"
  WHERE p."parent_id" IS NOT NULL
)`;
const NAMED = `"named"("id", "name") AS (
  SELECT p."id", lower(p."designation") FROM "platforms" p WHERE p."deleted_at" IS NULL
  UNION
  SELECT x."platform_id", lower(x."alias") FROM "platform_aliases" x
  JOIN "platforms" p ON p."id" = x."platform_id" WHERE p."deleted_at" IS NULL
)`;
const NAME_IN_CLAUSE = `substring(lower(trim(c."clause")) from '^(?:armed\\s+)?(.+?)(?:\\s+armed)?\\s+version$')`;

interface Target {
  table: 'deal_items' | 'sipri_rows';
  keys: string[];
  /** Restricts the rows derived (SIPRI's items only), on alias `t`. */
  scope: string | null;
}

const TARGETS: Target[] = [
  {
    table: 'deal_items',
    keys: ['id'],
    scope: `t."deal_id" IN (SELECT d."id" FROM "deals" d WHERE d."import_key" LIKE 'sipri:%')`,
  },
  { table: 'sipri_rows', keys: ['release_id', 'line'], scope: null },
];

/** Every row of the target that has a note or a link, with the variant the rule derives now. */
function derivedRows(target: Target): string {
  const scope = target.scope ? ` AND ${target.scope}` : '';
  const keys = target.keys.map((k) => `t."${k}"`).join(', ');
  return `WITH RECURSIVE ${ANCESTRY},
${NAMED},
"derived" AS (
  SELECT ${keys}, CASE WHEN count(DISTINCT n."id") = 1 THEN (array_agg(n."id"))[1] END AS "variant_id"
  FROM "${target.table}" t
  CROSS JOIN LATERAL regexp_split_to_table(t."note", ';') AS c("clause")
  JOIN "named" n ON n."name" = ${NAME_IN_CLAUSE}
  JOIN "ancestry" a ON a."id" = n."id" AND a."ancestor_id" = t."platform_id"
  WHERE t."note" IS NOT NULL${scope}
  GROUP BY ${keys}
),
"wanted" AS (
  SELECT ${keys}, "derived"."variant_id" FROM "${target.table}" t
  LEFT JOIN "derived" USING (${target.keys.map((k) => `"${k}"`).join(', ')})
  WHERE (t."note" IS NOT NULL OR t."variant_platform_id" IS NOT NULL)${scope}
)`;
}

function keysMatch(target: Target, a: string, b: string): string {
  return target.keys.map((k) => `${a}."${k}" = ${b}."${k}"`).join(' AND ');
}

/** The statements that set every derived link, as migration 0005 holds them verbatim. */
export const VARIANT_LINK_STATEMENTS: readonly string[] = TARGETS.map(
  (target) => `${derivedRows(target)}
UPDATE "${target.table}" AS u SET "variant_platform_id" = w."variant_id"
FROM "wanted" w
WHERE ${keysMatch(target, 'w', 'u')} AND u."variant_platform_id" IS DISTINCT FROM w."variant_id"`,
);

/** Rows whose link the rule would change now, per table: nothing after an import. */
export async function variantLinkChanges(
  db: Db,
): Promise<{ deal_items: number; sipri_rows: number }> {
  const counts = await Promise.all(
    TARGETS.map(async (target) => {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql.raw(`${derivedRows(target)}
SELECT count(*)::int AS "n" FROM "wanted" w JOIN "${target.table}" u ON ${keysMatch(target, 'w', 'u')}
WHERE u."variant_platform_id" IS DISTINCT FROM w."variant_id"`),
      );
      return row?.n ?? 0;
    }),
  );
  return { deal_items: counts[0]!, sipri_rows: counts[1]! };
}

/** The deals whose SIPRI item's link the rule would change now: they get a revision for it. */
export async function variantLinkDeals(db: Db): Promise<string[]> {
  const target = TARGETS[0]!;
  const rows = await queryRows<{ deal_id: string }>(
    db,
    sql.raw(`${derivedRows(target)}
SELECT DISTINCT u."deal_id" FROM "wanted" w JOIN "${target.table}" u ON ${keysMatch(target, 'w', 'u')}
WHERE u."variant_platform_id" IS DISTINCT FROM w."variant_id"`),
  );
  return rows.map((r) => r.deal_id);
}

/** Sets every SIPRI item's and release row's variant link by the rule above. */
export async function linkVariantPlatforms(db: Db): Promise<void> {
  for (const statement of VARIANT_LINK_STATEMENTS) await db.execute(sql.raw(statement));
}
