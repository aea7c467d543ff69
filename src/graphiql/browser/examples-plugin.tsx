// GraphiQL (browser): the Examples panel — the example queries from src/graphiql/examples.ts,
// each loaded into its own tab with one click, with what it answers, its caveats and its link.
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { useEffect, useState } from 'react';
import type { GraphiQLExample } from '../example.js';
import { exampleLink } from './share-link.js';

export function createExamplesPlugin(examples: readonly GraphiQLExample[]): GraphiQLPlugin {
  // GraphiQL wants a component type; this one closes over the examples of this page.
  const Content = () => <ExamplesPanel examples={examples} />;
  return { title: 'Examples', icon: ExamplesIcon, content: Content };
}

function ExamplesPanel({ examples }: { examples: readonly GraphiQLExample[] }) {
  const editor = useEditorContext({ nonNull: true });
  const [pending, setPending] = useState<{ example: GraphiQLExample; newTab: boolean } | null>(
    null,
  );

  // Runs after the render in which GraphiQL switched or added the tab: addTab() resets the
  // editors during that render, so the example's query can only go in afterwards.
  useEffect(() => {
    if (!pending || !editor.queryEditor) return;
    if (pending.newTab) {
      editor.queryEditor.setValue(pending.example.query);
      editor.variableEditor?.setValue(pending.example.variables ?? '');
    }
    // GraphiQL reads the operation name from the editor 100 ms after a change; a run before
    // that would send the previous tab's name ("Unknown operation named …"). Set it now.
    const name = /^\s*query\s+(\w+)/m.exec(pending.example.query)?.[1];
    if (name) editor.setOperationName(name);
    setPending(null);
  }, [pending, editor]);

  const open = (example: GraphiQLExample) => {
    // An example already open (unchanged) in a tab is shown again rather than duplicated.
    const index = editor.tabs.findIndex((tab) => tab.query?.trim() === example.query.trim());
    if (index >= 0) editor.changeTab(index);
    else editor.addTab();
    setPending({ example, newTab: index < 0 });
  };

  return (
    <section className="armstrail-examples" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="armstrail-examples-intro">
        Click an example to open it in a tab, then press the run button. The Docs panel explains
        every field. TIV is SIPRI&rsquo;s volume index in millions, not money.
      </p>
      <ul>
        {examples.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              className="armstrail-example"
              data-example-id={example.id}
              onClick={() => open(example)}
            >
              <span className="armstrail-example-title">{example.title}</span>
              <span className="armstrail-example-explanation">{example.explanation}</span>
            </button>
            <div className="armstrail-example-more">
              {example.notes && (
                <details>
                  <summary>Caveats and how to read it</summary>
                  <p>{withCode(example.notes)}</p>
                </details>
              )}
              <a href={exampleLink('', window.location.pathname, example)}>
                Link<span className="armstrail-visually-hidden"> to “{example.title}”</span>
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The notes are Markdown-ish (docs/queries.md): `code` spans become <code>, the rest is text. */
function withCode(text: string) {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

function ExamplesIcon() {
  // A lightbulb, drawn like GraphiQL's own icons (stroke in currentColor).
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
      <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.6.5 1.1 1.3 1.1 2.2h5c0-.9.5-1.7 1.1-2.2A6 6 0 0 0 12 3Z" />
    </svg>
  );
}
