// GraphiQL (browser): reads what the server embedded in the page — the endpoint and the examples.
import type { GraphiQLExample } from '../example.js';

export interface GraphiQLPageConfig {
  /** Path of the GraphQL endpoint, the same path the page was served from. */
  endpoint: string;
  examples: GraphiQLExample[];
}

/** The id of the JSON script element src/graphiql/serve-graphiql.ts writes. */
export const PAGE_CONFIG_ELEMENT_ID = 'armstrail-graphiql-config';

export function readPageConfig(): GraphiQLPageConfig {
  const element = document.getElementById(PAGE_CONFIG_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`#${PAGE_CONFIG_ELEMENT_ID} is missing`);
  return JSON.parse(element.textContent) as GraphiQLPageConfig;
}
