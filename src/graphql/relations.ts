// Relations: fields whose value is another row, or rows, of a per-request loader (a deal's
// supplier, its items, an item's platform). A list's relations are loaded before its rows are
// handed to the executor (loadRelations), so that each field finds its value settled and
// returns it as a value: graphql-jit builds the field at once, instead of the promise, the two
// callbacks and the microtask turns a loaded value costs it — about 5 µs a field, hundreds of
// fields a page (issue 12). The statements are the same ones, batched the same way: one per
// relation and level, as when the fields loaded their rows themselves.
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { BatchLoader } from '../db/batch.js';
import { required } from './rows.js';
import { fieldsUnder, type Fragments } from './selection.js';

/**
 * `one`: a row a foreign key guarantees, whose absence is an internal error (see `required`);
 * `optional`: a row or null (the key may be null); `many`: a list, empty when there are none.
 */
export type RelationKind = 'one' | 'optional' | 'many';

export interface Relation<P, V, K extends RelationKind = RelationKind> {
  kind: K;
  /** The GraphQL type of what it leads to: whose relations are loaded below it. */
  type: string;
  /**
   * The loader that holds it, for this parent and the field's nodes (what is selected of it:
   * a loader may read only the columns that selection needs).
   */
  loader: (
    parent: P,
    ctx: Context,
    fields: readonly FieldNode[],
    fragments: Fragments,
  ) => BatchLoader<V>;
  /** The key of the related row(s) in that loader; null when there is none. */
  key: (parent: P) => K extends 'optional' ? string | null : string;
}

/** Relations by GraphQL type and field name. */
export type Relations = Record<string, Record<string, Relation<never, unknown>>>;

type Resolved<V, K extends RelationKind> = K extends 'optional' ? V | null : NonNullable<V>;

/** The resolver of a relation: its settled value when there is one, else a load. */
export function relationResolver<P, V, K extends RelationKind>(relation: Relation<P, V, K>) {
  type R = Resolved<V, K>;
  return (parent: P, _args: unknown, ctx: Context, info: GraphQLResolveInfo): R | Promise<R> => {
    const key: string | null = relation.key(parent);
    if (key === null) return null as R;
    const loader = relation.loader(parent, ctx, info.fieldNodes, info.fragments);
    // A settled key is never a failed one (BatchLoader keeps the two apart): the usual case
    // costs one lookup.
    const value = loader.peek(key);
    // A missing row that must exist still fails through the load's promise, as it always
    // did: graphql-jit reports a thrown error and a rejected promise differently.
    if (value !== undefined && (value !== null || relation.kind !== 'one')) return value as R;
    const failure = loader.failure(key);
    if (failure !== undefined) return Promise.reject(failure);
    const loaded: Promise<V> = loader.load(key);
    if (relation.kind !== 'one') return loaded as Promise<R>;
    return loaded.then((value) => required(value) as R);
  };
}

/**
 * Loads, for rows of `type` about to be resolved, every relation that `fields` (the nodes the
 * rows answer) select, then what those select of theirs, level by level: the loads a level's
 * fields would make, all in one tick, so DataLoader batches them as before. A failed load is
 * left to the fields that need it, which fail with its error where they always did.
 */
export async function loadRelations(
  relations: Relations,
  ctx: Context,
  type: string,
  rows: readonly object[],
  fields: readonly FieldNode[],
  fragments: Fragments,
): Promise<void> {
  const ofType = relations[type];
  if (!ofType || rows.length === 0) return;
  // By response key, as the executor merges fields (an alias is a field of its own): each
  // group is the `info.fieldNodes` its resolver will see, so both pick the same loader.
  const selected = new Map<string, FieldNode[]>();
  for (const field of fieldsUnder(fields, fragments)) {
    if (!ofType[field.name.value]) continue;
    const responseKey = field.alias?.value ?? field.name.value;
    selected.set(responseKey, [...(selected.get(responseKey) ?? []), field]);
  }
  await Promise.all(
    [...selected.values()].map(async (group) => {
      // Under a directive it may not be asked for at all: its own resolver loads it if it is.
      if (group.some((field) => field.directives?.length)) return;
      const relation = ofType[group[0]!.name.value] as unknown as Relation<object, unknown>;
      // Each key once per loader (a page's 100 deals name some 20 parties), read in bulk:
      // no promise per key (BatchLoader.settle), the same statement as the fields' own loads.
      const keysByLoader = new Map<BatchLoader<unknown>, Set<string>>();
      for (const row of rows) {
        const key = relation.key(row);
        if (key === null) continue;
        const loader = relation.loader(row, ctx, group, fragments);
        let keys = keysByLoader.get(loader);
        if (!keys) keysByLoader.set(loader, (keys = new Set()));
        keys.add(key);
      }
      try {
        await Promise.all([...keysByLoader].map(([loader, keys]) => loader.settle(keys)));
      } catch {
        return;
      }
      const children: object[] = [];
      for (const [loader, keys] of keysByLoader) {
        for (const key of keys) {
          const value = loader.peek(key);
          if (Array.isArray(value)) children.push(...(value as object[]));
          else if (typeof value === 'object' && value !== null) children.push(value);
        }
      }
      await loadRelations(relations, ctx, relation.type, children, group, fragments);
    }),
  );
}
