// GraphiQL: the shape of one example query, shared by the server (which embeds the examples in
// the page), the browser bundle (which lists them) and docs/queries.md. No imports, so both
// the Node and the browser TypeScript programs can include it.

export interface GraphiQLExample {
  /** Stable kebab-case key; docs/queries.md anchors and the tests use it. */
  id: string;
  /** Short stable name for the example's link, `/graphql?example=<link>` (e.g. "kazan"). */
  link: string;
  /** What a journalist would ask, in a few words. */
  title: string;
  /** One line: what the query returns. */
  explanation: string;
  /** The GraphQL document, with comments where a journalist might adapt it. */
  query: string;
  /** Its variables as JSON text, when the query takes any. */
  variables?: string;
  /** Caveats and how to read the answer; shown in docs/queries.md and under the example in the Examples panel. */
  notes?: string;
  /** True when the answer comes from the SIPRI Sahel excerpt rather than the Kazan record. */
  needsSipriExcerpt: boolean;
}
