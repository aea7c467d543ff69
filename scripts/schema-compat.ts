// The API's compatibility rule (`npm run schema:check`): schema.graphql may not break what the
// last release offered unless CHANGELOG.md says so. graphql-js's findBreakingChanges decides
// what breaks; a breaking change is allowed when the changelog's [Unreleased] section has a
// "### Breaking" subsection naming its schema coordinate in backticks (`Deal.stage`,
// `Actor.dealsAsSupplier(first:)`, `DealStage.CANCELLED`, `DealFilter`, `@name`). Dangerous
// changes (an optional argument added, a value added to an enum…) are printed as warnings.
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type BreakingChange,
  type GraphQLSchema,
} from 'graphql';

export interface SchemaChange {
  type: string;
  description: string;
  /** The schema coordinate the changelog names to allow it (breaking changes). */
  coordinate: string;
}

export interface SchemaCheckResult {
  /** Breaking changes the changelog names: allowed. */
  acknowledged: SchemaChange[];
  /** Breaking changes it does not name: the check fails. */
  unacknowledged: SchemaChange[];
  dangerous: SchemaChange[];
  /** Removals of what the release had not deprecated (allowed when named, but said). */
  notDeprecatedFirst: string[];
  ok: boolean;
}

// From graphql-js's descriptions (stable wording since graphql 15) to schema coordinates.
const COORDINATES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(\w+)\.(\w+) arg (\w+) /, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  [/^A required arg (\w+) on (\w+)\.(\w+) /, (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
  [/^A required field (\w+) on input type (\w+) /, (m) => `${m[2]}.${m[1]}`],
  [/^(\w+) was removed from enum type (\w+)\./, (m) => `${m[2]}.${m[1]}`],
  [/^(\w+) was removed from union type (\w+)\./, (m) => m[2]!],
  [/^(\w+)\.(\w+) /, (m) => `${m[1]}.${m[2]}`],
  [/^(\w+) no longer implements /, (m) => m[1]!],
  [/^(\w+) changed from /, (m) => m[1]!],
];

function coordinateOf(change: BreakingChange | { type: string; description: string }): string {
  const { type, description } = change;
  if (type.startsWith('DIRECTIVE_') || type === 'REQUIRED_DIRECTIVE_ARG_ADDED') {
    const arg = /^(\w+) was removed from (\w+)\.$/.exec(description);
    if (type === 'DIRECTIVE_ARG_REMOVED' && arg) return `@${arg[2]}(${arg[1]}:)`;
    const added = /^A required arg (\w+) on directive (\w+) /.exec(description);
    if (added) return `@${added[2]}(${added[1]}:)`;
    const directive =
      /^(\w+) was removed\.$/.exec(description) ?? /from (\w+)\.$/.exec(description);
    if (directive) return `@${directive[1]}`;
  }
  for (const [pattern, format] of COORDINATES) {
    const match = description.match(pattern);
    if (match) return format(match);
  }
  // A removed type ("Deal was removed.", "Standard scalar Int was removed because…").
  const removed = /(\w+) was removed/.exec(description);
  return removed ? removed[1]! : description;
}

/**
 * The backticked names in the "### Breaking" subsection of the changelog's [Unreleased]
 * section (up to the next release heading).
 */
export function namedBreakingChanges(changelog: string): Set<string> {
  const names = new Set<string>();
  let inUnreleased = false;
  let inBreaking = false;
  for (const line of changelog.split('\n')) {
    if (/^## /.test(line)) {
      inUnreleased = /^## \[?Unreleased\]?/i.test(line);
      inBreaking = false;
    } else if (/^### /.test(line)) {
      inBreaking = inUnreleased && /^### Breaking\b/i.test(line);
    } else if (inBreaking) {
      for (const match of line.matchAll(/`([^`]+)`/g)) names.add(match[1]!.trim());
    }
  }
  return names;
}

/** Compares two schemas' SDL under the changelog's acknowledgements. */
export function checkSchemaCompatibility(
  released: string,
  current: string,
  changelog: string,
): SchemaCheckResult {
  const before = buildSchema(released);
  const after = buildSchema(current);
  const named = namedBreakingChanges(changelog);
  const acknowledged: SchemaChange[] = [];
  const unacknowledged: SchemaChange[] = [];
  const notDeprecatedFirst: string[] = [];
  for (const change of findBreakingChanges(before, after)) {
    const coordinate = coordinateOf(change);
    const entry = { type: change.type, description: change.description, coordinate };
    (named.has(coordinate) ? acknowledged : unacknowledged).push(entry);
    if (isRemoval(change.type) && !wasDeprecated(before, coordinate)) {
      notDeprecatedFirst.push(coordinate);
    }
  }
  const dangerous = findDangerousChanges(before, after).map((change) => ({
    type: change.type,
    description: change.description,
    coordinate: coordinateOf(change),
  }));
  return {
    acknowledged,
    unacknowledged,
    dangerous,
    notDeprecatedFirst,
    ok: unacknowledged.length === 0,
  };
}

function isRemoval(type: string): boolean {
  return ['FIELD_REMOVED', 'VALUE_REMOVED_FROM_ENUM', 'ARG_REMOVED'].includes(type);
}

/** Whether the release marked `Type.field`, `Enum.VALUE` or `Type.field(arg:)` @deprecated. */
function wasDeprecated(schema: GraphQLSchema, coordinate: string): boolean {
  const match = /^(\w+)\.(\w+)(?:\((\w+):\))?$/.exec(coordinate);
  if (!match) return false;
  const [, typeName, member, argName] = match;
  const type = schema.getType(typeName!);
  if (isEnumType(type)) return Boolean(type.getValue(member!)?.deprecationReason);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const field = type.getFields()[member!];
    if (!field) return false;
    if (!argName) return Boolean(field.deprecationReason);
    const arg = 'args' in field ? field.args.find((a) => a.name === argName) : undefined;
    return Boolean(arg?.deprecationReason);
  }
  return false;
}

/** The report `npm run schema:check` prints, one line per change. */
export function formatSchemaCheck(result: SchemaCheckResult, release: string): string[] {
  const lines: string[] = [];
  for (const change of result.unacknowledged) {
    lines.push(
      `✗ breaking (${change.type}): ${change.description} ` +
        `Not named in CHANGELOG.md: keep it (deprecate with @deprecated instead of removing), ` +
        `or name \`${change.coordinate}\` under "### Breaking" in the [Unreleased] section.`,
    );
  }
  for (const change of result.acknowledged) {
    lines.push(`✓ breaking, named in CHANGELOG.md (${change.type}): ${change.description}`);
  }
  for (const coordinate of result.notDeprecatedFirst) {
    lines.push(
      `⚠ ${coordinate} is removed without having been deprecated in ${release}: ` +
        'integrations had no warning (removals go through @deprecated first).',
    );
  }
  for (const change of result.dangerous) {
    lines.push(`⚠ dangerous (${change.type}): ${change.description}`);
  }
  return lines;
}
