// GraphiQL (browser): mounts GraphiQL on the page the server sends for GET /graphql, with the
// Examples panel open. Bundled with esbuild by src/graphiql/assets.ts; talks only to its origin.
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './armstrail-graphiql.css';
import { CopyLinkButton } from './copy-link-button.js';
import { createExamplesPlugin } from './examples-plugin.js';
import { useHintDescriptions } from './hint-descriptions.js';
import { initialTab } from './initial-tab.js';
import { useLineWrapping } from './line-wrapping.js';
import { readPageConfig } from './page-config.js';
import { answerToShow } from './results/cost-block.js';
import { ResultsPanel } from './results/results-panel.js';
import { followEditedOperation } from './url-sync.js';

const config = readPageConfig();
/** Below this width the panes stack and the Examples panel is a drawer (see the stylesheet). */
const NARROW_SCREEN = '(max-width: 640px)';

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
  // Apollo answers bad requests with a JSON error body and a 4xx status; show it as is (less
  // the cost block, unless asked for).
  return answerToShow((await response.json()) as ExecutionResult);
};

const examplesPlugin = createExamplesPlugin(config.examples);
// A shared link (?query=, ?example=, Deal.howToCite) opens its operation in a tab, ready to run;
// a reload reopens the tab that was active; a first visit opens the first example (the Kazan
// record), so one click on Run answers.
const { operation } = initialTab(window.location.search, config.examples, window.localStorage);
const urlSync = followEditedOperation(operation);

const root = document.getElementById('graphiql');
if (!root) throw new Error('#graphiql is missing');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={[examplesPlugin]}
      // Used only when no tabs are stored (a first visit).
      defaultTabs={operation ? [operation] : undefined}
      query={operation?.query}
      variables={operation?.variables}
      onEditQuery={urlSync.query}
      onEditVariables={urlSync.variables}
      onTabChange={urlSync.tabs}
      defaultEditorToolsVisibility={false}
      // The Docs explorer then opens on the schema's own description of Armstrail.
      schemaDescription
    >
      <GraphiQL.Logo>Armstrail</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, merge, copy }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <CopyLinkButton pagePath={config.endpoint} />
          </>
        )}
      </GraphiQL.Toolbar>
      <GraphiQL.Footer>
        <ResultsPanel />
        <EditorBehaviour />
      </GraphiQL.Footer>
    </GraphiQL>
  </StrictMode>,
);

openExamplesPanel();

/**
 * Armstrail's changes to GraphiQL's editors (descriptions in the autocomplete list, wrapped long
 * lines). Draws nothing; it sits in the footer only to be inside GraphiQL's editor context.
 */
function EditorBehaviour() {
  useHintDescriptions();
  useLineWrapping();
  return null;
}

/**
 * Opens the Examples panel as a click on its sidebar button would. GraphiQL 4's `visiblePlugin`
 * prop cannot: the pane's hidden state is fixed on the first render, before the prop reaches
 * the plugin store, so the prop selects the plugin but leaves its pane closed. On a narrow
 * screen the panel is a drawer over the editors: it starts closed there.
 */
function openExamplesPanel(framesLeft = 300) {
  if (window.matchMedia(NARROW_SCREEN).matches) return;
  const button = document.querySelector<HTMLButtonElement>(
    `.graphiql-sidebar button[aria-label="Show ${examplesPlugin.title}"]`,
  );
  if (button) button.click();
  else if (framesLeft > 0) requestAnimationFrame(() => openExamplesPanel(framesLeft - 1));
}
