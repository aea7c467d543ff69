// References to records by ID: a merged-away actor or platform leads to the record it was merged
// into, for node(id) and for the references a write stores (see input-schema.ts's reference()).
import { nodeLoader, type Context } from '../context.js';
import type { NodeType } from './global-id.js';
import type { Lookup } from './input-schema.js';

// Merges can chain (A into B, later B into C); a longer chain means corrupt data.
const MAX_REDIRECTS = 10;

/** A row of any node type, as its by-ID loader gives it. */
type NodeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof nodeLoader>['load']>>>;

/** The record `uuid` names, or the one it was (in turn) merged into; null if there is none. */
export async function followMerges(
  ctx: Context,
  type: NodeType,
  uuid: string,
): Promise<NodeRow | null> {
  const loader = nodeLoader(ctx, type);
  let row: NodeRow | null = await loader.load(uuid);
  for (let hops = 0; row && 'mergedIntoId' in row && row.mergedIntoId; hops++) {
    if (hops >= MAX_REDIRECTS) break;
    row = await loader.load(row.mergedIntoId);
  }
  return row;
}

/** The lookup the input schemas check references with: this request's loaders, merges followed. */
export function lookupIn(ctx: Context): Lookup {
  return (type, uuid) => followMerges(ctx, type, uuid);
}
