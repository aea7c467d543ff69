// References that a write stores to other records. A merged-away actor or platform leads to the
// record it was merged into, so that nothing new points at a tombstone; a deleted record is
// refused with NOT_FOUND; an ID that matches nothing is a problem of the input like any other.
import { nodeLoader, type Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { NodeType } from './global-id.js';
import type { InputProblems } from './input-validation.js';

// Merges can chain (A into B, later B into C); a longer chain means corrupt data.
const MAX_REDIRECTS = 10;

/** A row of any node type, as its by-ID loader gives it. */
type NodeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof nodeLoader>['load']>>>;

interface Tombstoned {
  id: string;
  deletedAt?: Date | null;
  mergedIntoId?: string | null;
}

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

export interface Reference {
  /** The argument path, for messages: `input.items[0].platform`. */
  path: string;
  type: NodeType;
  /** The decoded ID; null when it was malformed (already a problem of the input). */
  uuid: string | null;
  /** The global ID as the client sent it. */
  id: string;
}

/**
 * The IDs to store for `references`, in order: a live record's own, a merged record's winner's;
 * null for a malformed or unknown ID (added to `problems`). Throws NOT_FOUND for a deleted one.
 */
export async function resolveReferences(
  ctx: Context,
  problems: InputProblems,
  references: readonly Reference[],
): Promise<(string | null)[]> {
  const rows = await Promise.all(
    references.map(({ type, uuid }) =>
      uuid ? followMerges(ctx, type, uuid) : Promise.resolve(null),
    ),
  );
  return references.map(({ path, type, uuid, id }, i) => {
    const row = rows[i] as Tombstoned | null | undefined;
    if (!uuid) return null;
    if (!row) {
      problems.add(path, `no ${type} has the ID "${id}"`);
      return null;
    }
    if (row.deletedAt) throw new NotFoundError(path, type, id, true);
    return row.id;
  });
}

/** resolveReferences for one reference. */
export async function resolveReference(
  ctx: Context,
  problems: InputProblems,
  reference: Reference,
): Promise<string | null> {
  const [id] = await resolveReferences(ctx, problems, [reference]);
  return id ?? null;
}
