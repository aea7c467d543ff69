// The columns a list's rows need: those the fields its query selects read, not the table's all.
// node-postgres spends about 0.4 µs on each column of each row (issue 12: a 101-row deal page of
// 10 columns costs the driver half of one of 22), and a page is hundreds of rows.
import type { FieldNode } from 'graphql';
import { fieldsUnder, type Fragments } from './selection.js';

/**
 * What a type's fields read of its row, by GraphQL field name. Typed by the schema's type in the
 * modules (`Record<keyof Type, …>`): a field added to the schema does not compile until listed.
 */
export type FieldColumns<K extends string> = Record<string, readonly K[]>;

/**
 * The columns that `nodes` (the fields whose selections are the rows') need, in `order` (the
 * table's), `always` included. Worked out once per field of a parsed document: Apollo keeps
 * parsed documents, so a repeated query finds it here. A field under @skip or @include counts
 * (src/graphql/selection.ts): a column too many, never one too few.
 */
export function columnSelector<K extends string>(
  fieldColumns: FieldColumns<K>,
  always: readonly K[],
  order: readonly K[],
): (nodes: readonly FieldNode[], fragments: Fragments) => readonly K[] {
  const known = new WeakMap<FieldNode, readonly K[]>();
  return (nodes, fragments) => {
    const first = nodes[0];
    let columns = first && known.get(first);
    if (!columns) {
      const wanted = new Set<K>(always);
      for (const field of fieldsUnder(nodes, fragments)) {
        for (const key of fieldColumns[field.name.value] ?? []) wanted.add(key);
      }
      columns = order.filter((key) => wanted.has(key));
      if (first) known.set(first, columns);
    }
    return columns;
  };
}
