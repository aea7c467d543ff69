// GraphiQL (browser): mounts GraphiQL on the page the server sends for GET /graphql, with the
// Examples panel open. Bundled with esbuild by src/graphiql/assets.ts; talks only to its origin.
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './armstrail-graphiql.css';
import { createExamplesPlugin } from './examples-plugin.js';
import { readPageConfig } from './page-config.js';

const config = readPageConfig();

// A plain POST to the page's own origin: GraphiQL's toolkit fetcher would add multipart and
// websocket code this API does not use.
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      ...options?.headers,
      'content-type': 'application/json',
    },
    body: JSON.stringify(params),
  });
  // Apollo answers bad requests with a JSON error body and a 4xx status; show it as is.
  return (await response.json()) as ExecutionResult;
};

const examplesPlugin = createExamplesPlugin(config.examples);
// A first visit opens on the first example (the Kazan record): one click on Run answers.
const firstExample = config.examples[0];
// A shared link (Deal.howToCite) carries its query: GraphiQL opens it in a tab, ready to run.
const sharedQuery = new URLSearchParams(window.location.search).get('query') ?? undefined;

const root = document.getElementById('graphiql');
if (!root) throw new Error('#graphiql is missing');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={[examplesPlugin]}
      // A first visit has no stored tabs: it opens on the shared query, else the first example.
      // A returning visitor's tabs are kept, and `query` finds or adds the shared query's tab.
      defaultTabs={
        sharedQuery
          ? [{ query: sharedQuery }]
          : firstExample
            ? [{ query: firstExample.query }]
            : undefined
      }
      query={sharedQuery}
      defaultEditorToolsVisibility={false}
      // The Docs explorer then opens on the schema's own description of Armstrail.
      schemaDescription
    >
      <GraphiQL.Logo>Armstrail</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);

openExamplesPanel();

/**
 * Opens the Examples panel as a click on its sidebar button would. GraphiQL 4's `visiblePlugin`
 * prop cannot: the pane's hidden state is fixed on the first render, before the prop reaches
 * the plugin store, so the prop selects the plugin but leaves its pane closed.
 */
function openExamplesPanel(framesLeft = 300) {
  const button = document.querySelector<HTMLButtonElement>(
    `.graphiql-sidebar button[aria-label="Show ${examplesPlugin.title}"]`,
  );
  if (button) button.click();
  else if (framesLeft > 0) requestAnimationFrame(() => openExamplesPanel(framesLeft - 1));
}
