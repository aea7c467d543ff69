// Which operations the response cache may answer: queries whose answer is a function of the
// document, its variables and the committed data — nothing else.
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Root fields whose answer depends on more than the committed data, and so are never cached:
 * - `changes`, the feed, serves only transactions older than every running one (its horizon,
 *   src/modules/revisions/change-feed.ts): the same data version can give a shorter page while
 *   a writer runs and a longer one after, and a client polling it must see the longer one.
 * - `apiKeys` is ADMIN-only (never cached anyway); named so that no role change can cache it.
 * `exportUrl` is cached: it is the filter checked against the data plus PUBLIC_URL, which is
 * part of every key (see response-cache.ts). Introspection is cached: the schema is fixed for
 * the process and part of every key too.
 */
export const LIVE_ROOT_FIELDS: ReadonlySet<string> = new Set(['changes', 'apiKeys']);

/** Whether `operation` is a query that reaches no live root field, fragments followed. */
export function isCacheableOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition.selectionSet);
    }
  }
  const seen = new Set<string>();
  const reachesLiveField = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return LIVE_ROOT_FIELDS.has(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return reachesLiveField(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          // Validation has refused cycles already; `seen` only saves walking a fragment twice.
          if (seen.has(name)) return false;
          seen.add(name);
          const fragment = fragments.get(name);
          return fragment ? reachesLiveField(fragment) : false;
        }
      }
    });
  return !reachesLiveField(operation.selectionSet);
}
