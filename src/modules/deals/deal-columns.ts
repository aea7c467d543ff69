// The columns a deal page selects: those the fields its query asks for read, not all 22. A page
// is up to 101 rows, and node-postgres spends about 0.4 µs on each column of each row (issue 12:
// a 101-row page of 10 columns costs the driver half of one of 22).
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { DealRow } from '../../db/schema.js';
import type { Deal } from '../../graphql/generated/resolvers-types.js';
import { connectionNodes, fieldsUnder } from '../../graphql/selection.js';

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
 * parsed documents, so a repeated query finds it here. A field under @skip or @include counts
 * (src/graphql/selection.ts): a column too many, never one too few.
 */
export function dealColumnsSelected(info: GraphQLResolveInfo): ReadonlySet<DealKey> {
  const first = info.fieldNodes[0]!;
  let columns = selections.get(first);
  if (!columns) {
    const keys = new Set<DealKey>(['id']);
    const nodes = connectionNodes(info.fieldNodes, info.fragments);
    for (const field of fieldsUnder(nodes, info.fragments)) {
      for (const key of byField.get(field.name.value) ?? []) keys.add(key);
    }
    columns = keys;
    selections.set(first, columns);
  }
  return columns;
}
