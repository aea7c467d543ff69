// GraphiQL (browser): share links. The page's URL carries the operation being edited
// (`?query=…&variables=…`), so a link copied from the address bar or the "Copy link" button opens
// the same operation elsewhere; `?example=<link>` opens one of the examples by its short name.
// No DOM here: the functions take and return plain values, and tests call them from Node.
import type { GraphiQLExample } from '../example.js';

/** What a tab opens with: a query and its variables (JSON text, possibly empty). */
export interface SharedOperation {
  query: string;
  variables: string;
}

/**
 * The operation a page URL's search part names: `example` (by link or id) wins over `query`;
 * null when it names none, or an example that does not exist.
 */
export function sharedOperation(
  search: string,
  examples: readonly GraphiQLExample[],
): SharedOperation | null {
  const params = new URLSearchParams(search);
  const exampleName = params.get('example');
  if (exampleName !== null) {
    const example = examples.find((e) => e.link === exampleName || e.id === exampleName);
    return example ? { query: example.query, variables: example.variables ?? '' } : null;
  }
  const query = params.get('query');
  if (query === null || query.trim() === '') return null;
  return { query, variables: params.get('variables') ?? '' };
}

/**
 * The link to `pagePath` that opens `operation`. Empty variables are left out, so a query
 * without variables has the same link as a Deal.howToCite link.
 */
export function shareLink(origin: string, pagePath: string, operation: SharedOperation): string {
  const params = new URLSearchParams({ query: operation.query });
  if (operation.variables.trim() !== '') params.set('variables', operation.variables);
  return `${origin}${pagePath}?${params.toString()}`;
}

/** The stable link of an example: short, and unchanged when the example's text is edited. */
export function exampleLink(origin: string, pagePath: string, example: GraphiQLExample): string {
  return `${origin}${pagePath}?example=${encodeURIComponent(example.link)}`;
}
