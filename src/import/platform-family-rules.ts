// Platform families: the conservative, token-based rules that place a designation SIPRI uses
// (Mi-8T, Mi-24V/Mi-35) under a node of a known family tree. Pure: no database.

/**
 * The known family trees, from DESIGN.md (Mi-8 family → Mi-17 → Mi-171; Mi-24 family → Mi-35)
 * and seeded as platforms of these designations. Only model designations are nodes — a
 * lettered variant (Mi-171Sh, Mi-35M) is placed under its model like any other variant. To
 * add a family, add its root (and models) here; an existing database gets it at its next
 * import or through a migration.
 */
export const FAMILY_NODES: readonly { designation: string; parent: string | null }[] = [
  { designation: 'Mi-8', parent: null },
  { designation: 'Mi-17', parent: 'Mi-8' },
  { designation: 'Mi-171', parent: 'Mi-17' },
  { designation: 'Mi-24', parent: null },
  { designation: 'Mi-35', parent: 'Mi-24' },
];

/**
 * Other model names of a node's variants, as a model token → the node they vary. Each entry
 * needs a source: Mi-25 is SIPRI's own ("For Mi-25 (Mi-24D) combat helicopters", and the 2024
 * register's designation "Mi-24D/Mi-25").
 */
export const MODEL_ALIASES: Readonly<Record<string, string>> = { mi25: 'Mi-24' };

/** The rules, by the name the database records (`platforms.family_source = 'rule:<name>'`). */
export const FAMILY_RULES = {
  /** One designation: a node's model token with a variant suffix (Mi-8T, Mi-24D → their model). */
  'model-variant': 'a family model with a variant suffix (Mi-8T, Mi-24D)',
  /** Alternatives (Mi-24V/Mi-35): every one in the same family → their nearest common node. */
  'alternatives-agree': 'alternatives that all name one family (Mi-24V/Mi-35, Mi-8MT/Mi-17)',
} as const;
export type FamilyRule = keyof typeof FAMILY_RULES;

export type FamilyPlacement =
  { parent: string; rule: FamilyRule } | { parent: null; reason: string };

interface ParsedAlternative {
  /** Letters and number of the model, lower case, no separators: `mi` + `24` → `mi24`. */
  model: string;
  /** The variant after the model's number, lower case, no separators (`v`, `mtv1`); '' if none. */
  variant: string;
}

/**
 * Splits one alternative into model token and variant. The model's number is taken whole and
 * must end where the designation ends or a letter or separator begins, so Mi-2 is `mi2` (never
 * a prefix of Mi-24) and Mi-17-1V is `mi17` + `1v` (not Mi-171).
 */
export function parseDesignation(alternative: string): ParsedAlternative | null {
  const match = /^([a-z]+)[\s-]*(\d+)(?:[\s-]*([a-z0-9][a-z0-9\s-]*))?$/.exec(
    alternative.trim().toLowerCase(),
  );
  if (!match) return null;
  return { model: match[1]! + match[2]!, variant: (match[3] ?? '').replace(/[\s-]/g, '') };
}

const nodeByModel = new Map(
  FAMILY_NODES.map((n) => [parseDesignation(n.designation)!.model, n.designation]),
);
const parentOf = new Map(FAMILY_NODES.map((n) => [n.designation, n.parent]));

/** A node and its ancestors in the table, nearest first. */
export function lineage(node: string): string[] {
  const chain: string[] = [];
  for (let n: string | null | undefined = node; n; n = parentOf.get(n)) chain.push(n);
  return chain;
}

/**
 * Where a designation belongs, or why it is left unplaced. Placed only when unambiguous: every
 * "/" alternative parses, names a known model (or alias), and all name the same family; the
 * parent is the nearest node common to all of them. A designation that is a node's model
 * without a variant (the node itself, spelled differently) is left alone.
 */
export function familyPlacement(designation: string): FamilyPlacement {
  const alternatives = designation.split('/');
  const nodes: string[] = [];
  for (const alternative of alternatives) {
    const parsed = parseDesignation(alternative);
    if (!parsed) return { parent: null, reason: `"${alternative.trim()}" is not a model token` };
    const node = nodeByModel.get(parsed.model) ?? MODEL_ALIASES[parsed.model];
    if (!node) return { parent: null, reason: `no known family has model ${parsed.model}` };
    nodes.push(node);
  }
  const lineages = nodes.map(lineage);
  const common = lineages[0]!.find((n) => lineages.every((l) => l.includes(n)));
  if (!common) return { parent: null, reason: 'its alternatives name different families' };
  if (alternatives.length > 1) return { parent: common, rule: 'alternatives-agree' };
  const parsed = parseDesignation(alternatives[0]!)!;
  if (!parsed.variant && nodeByModel.has(parsed.model)) {
    return { parent: null, reason: `it is the model ${common} itself` };
  }
  return { parent: common, rule: 'model-variant' };
}

/** The root of a node's family. */
export function familyRootOf(node: string): string {
  return lineage(node).at(-1)!;
}
