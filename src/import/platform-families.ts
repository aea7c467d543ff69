// Platform families in a database: applies the rules of platform-family-rules.ts to every
// platform no editor has placed, and reports every designation's family and how it got there.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { platforms } from '../db/schema.js';
import { familyPlacement, lineage } from './platform-family-rules.js';

interface PlatformState {
  id: string;
  designation: string;
  category: string | null;
  parent_id: string | null;
  family_source: string | null;
}

export interface FamilyReportRow {
  designation: string;
  category: string | null;
  /** The family's root designation; null when unplaced. */
  family: string | null;
  parent: string | null;
  /** `editor`, `rule:<name>`, or null. */
  source: string | null;
  /** Why a rule left it unplaced (null when placed). */
  reason: string | null;
}

/** May a rule (re)place this platform? Never over an editor's choice, including "no family". */
const ruleMayPlace = (p: PlatformState) =>
  p.family_source === null ? p.parent_id === null : p.family_source.startsWith('rule:');

/**
 * Places every platform a rule may place (no revision, version unchanged: like the aliases an
 * import records, a derived link is not a researcher's edit), then reports every live platform.
 * The parent is the live platform named like the rule's node — of the same category when
 * several are — or, if the database has none, like its nearest ancestor in the table.
 */
export async function placePlatformFamilies(
  db: Db,
  options: { write: boolean },
): Promise<{ report: FamilyReportRow[]; changed: string[] }> {
  const rows = await queryRows<PlatformState>(
    db,
    sql`select id, designation, category, parent_id, family_source from ${platforms}
        where deleted_at is null order by lower(designation), id`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, PlatformState[]>();
  for (const r of rows)
    byName.set(r.designation.toLowerCase(), [
      ...(byName.get(r.designation.toLowerCase()) ?? []),
      r,
    ]);

  const nodeFor = (self: PlatformState, node: string): PlatformState | null => {
    for (const name of lineage(node)) {
      const named = (byName.get(name.toLowerCase()) ?? []).filter((p) => p.id !== self.id);
      const found = named.length === 1 ? named[0] : named.find((p) => p.category === self.category);
      if (found) return found;
    }
    return null;
  };
  const isAncestorOrSelf = (candidate: string, of: PlatformState): boolean => {
    for (
      let p: PlatformState | undefined = of;
      p;
      p = p.parent_id ? byId.get(p.parent_id) : undefined
    ) {
      if (p.id === candidate) return true;
    }
    return false;
  };

  const reasons = new Map<string, string>();
  const changed: string[] = [];
  for (const p of rows) {
    if (!ruleMayPlace(p)) continue;
    const placement = familyPlacement(p.designation);
    let parentId: string | null = null;
    let source: string | null = null;
    if (placement.parent === null) {
      reasons.set(p.id, placement.reason);
    } else {
      const node = nodeFor(p, placement.parent);
      if (!node) reasons.set(p.id, `no platform ${placement.parent} in this database`);
      else if (isAncestorOrSelf(p.id, node))
        reasons.set(p.id, `${node.designation} is its variant`);
      else [parentId, source] = [node.id, `rule:${placement.rule}`];
    }
    if (parentId === p.parent_id && source === p.family_source) continue;
    changed.push(p.id);
    // A report shows the database as it is; `changed` says what an import would change.
    if (options.write) {
      p.parent_id = parentId;
      p.family_source = source;
      await db
        .update(platforms)
        .set({ parentId, familySource: source })
        .where(eq(platforms.id, p.id));
    }
  }

  const hasVariants = new Set(rows.map((p) => p.parent_id));
  const report = rows.map((p): FamilyReportRow => {
    // A platform's family is the root of its tree, itself when it is a root with variants.
    let root: PlatformState | undefined = p.parent_id || hasVariants.has(p.id) ? p : undefined;
    while (root?.parent_id) root = byId.get(root.parent_id);
    return {
      designation: p.designation,
      category: p.category,
      family: root?.designation ?? null,
      parent: (p.parent_id && byId.get(p.parent_id)?.designation) ?? null,
      source: p.family_source,
      reason: reasons.get(p.id) ?? null,
    };
  });
  return { report, changed };
}
