// The columns a deal page selects: those the fields its query asks for read, not all 22. A page
// is up to 101 rows, and node-postgres spends about 0.4 µs on each column of each row (issue 12:
// a 101-row page of 10 columns costs the driver half of one of 22).
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { DealRow } from '../../db/schema.js';
import type { Deal } from '../../graphql/generated/resolvers-types.js';

export type DealKey = keyof DealRow;

const ORDER_DATE: DealKey[] = ['orderYear', 'orderMonth', 'orderDay', 'orderUncertain'];

/**
 * What each Deal field's resolver reads of the deal's row, besides `id` (always selected).
 * Typed by the schema's Deal type: a field added to the schema does not compile until it is
 * listed here. tests/deal-columns.test.ts checks each field, alone on a page, against the
 * same deal read whole.
 */
const DEAL_FIELD_COLUMNS: Record<Exclude<keyof Deal, '__typename'>, readonly DealKey[]> = {
  id: [],
  version: ['version'],
  history: [],
  stage: ['stage'],
  arrangement: ['arrangement'],
  supplier: ['supplierId'],
  recipient: ['recipientId'],
  orderDate: ORDER_DATE,
  reportedValue: ['valueAmount', 'valueCurrency', 'valueCovers'],
  comments: ['comments'],
  items: [],
  events: [],
  citations: [],
  // src/modules/citations: the record line (stage, order date) and both parties.
  howToCite: ['stage', ...ORDER_DATE, 'supplierId', 'recipientId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  // The row itself is the DealRetirement (src/modules/releases).
  retirement: ['retiredAt', 'retiredByReleaseId'],
  sipriReleases: [],
  sipriRecords: [],
};

const byField = new Map<string, readonly DealKey[]>(Object.entries(DEAL_FIELD_COLUMNS));

const selections = new WeakMap<FieldNode, ReadonlySet<DealKey>>();

/**
 * The deal columns a connection field's nodes need (`nodes { … }` and `edges { node { … } }`,
 * through fragments), with `id`. Worked out once per field of a parsed document: Apollo keeps
 * parsed documents, so a repeated query finds it here. Directives are not evaluated: a field
 * under @skip or @include counts, which selects a column too many, never one too few.
 */
export function dealColumnsSelected(info: GraphQLResolveInfo): ReadonlySet<DealKey> {
  const first = info.fieldNodes[0]!;
  let columns = selections.get(first);
  if (!columns) {
    const keys = new Set<DealKey>(['id']);
    const connection = info.fieldNodes;
    for (const node of [
      ...subfields(connection, 'nodes', info),
      ...subfields(subfields(connection, 'edges', info), 'node', info),
    ]) {
      for (const deal of fieldsOf([node], info)) {
        for (const key of byField.get(deal.name.value) ?? []) keys.add(key);
      }
    }
    columns = keys;
    selections.set(first, columns);
  }
  return columns;
}

/** The fields named `name` among those selected under `parents`. */
function subfields(
  parents: readonly FieldNode[],
  name: string,
  info: GraphQLResolveInfo,
): FieldNode[] {
  return fieldsOf(parents, info).filter((field) => field.name.value === name);
}

/** Every field selected directly under `parents`, through inline fragments and spreads. */
function fieldsOf(parents: readonly FieldNode[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const parent of parents) visit(parent.selectionSet);
  return fields;
}
