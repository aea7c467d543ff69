// Docs: renders docs/queries.md from the GraphiQL examples, so the page, the GraphiQL picker and
// the example test cannot drift apart. `npm run docs:queries` writes it; a test compares it.
// Prettier leaves the file alone (.prettierignore): it would reformat the queries, and the page
// should show them exactly as GraphiQL does.
import { fileURLToPath } from 'node:url';
import type { GraphiQLExample } from '../src/graphiql/example.js';

export const QUERIES_DOC_PATH = fileURLToPath(new URL('../docs/queries.md', import.meta.url));

// Text about features to come goes stale the day they land ("once search exists (issue 7)"
// outlived search): examples describe today's API, and the page is not rendered otherwise.
const FUTURE_TALK = [
  /\(issue \d+\)/i,
  /\bonce\b[^.;]*?\b(exists?|lands?|can|supports?|is added|are added)\b/i,
  /\bnot yet\b/i,
];

/** Phrases of the examples that speak of features as future, with the example's id. */
export function futureTalk(examples: readonly GraphiQLExample[]): string[] {
  return examples.flatMap((example) =>
    [example.title, example.explanation, example.notes ?? '', example.query].flatMap((text) =>
      FUTURE_TALK.flatMap((pattern) => {
        const found = pattern.exec(text);
        return found ? [`${example.id}: ${found[0]}`] : [];
      }),
    ),
  );
}

/** The Markdown page; throws when an example speaks of features as future. */
export function renderQueriesDoc(examples: readonly GraphiQLExample[]): string {
  const stale = futureTalk(examples);
  if (stale.length) {
    throw new Error(
      `Examples must describe today's API, not features to come:\n${stale.join('\n')}`,
    );
  }
  const lines = [
    '# Example queries',
    '',
    '<!-- Generated from src/graphiql/examples.ts by `npm run docs:queries`; edit the examples there. -->',
    '',
    'Open <http://localhost:4000/graphql> in a browser after `npm start`: GraphiQL opens with the',
    '**Examples** panel on the left. Click an example to load it in a tab, then press the run',
    'button (or Ctrl+Enter). The **Docs** panel (book icon) explains every type and field.',
    'Above the answer, **Table** shows its main list as rows (sortable; **Download CSV** saves',
    'it), **Chart** draws `transferVolumes` answers, and **Copy JSON** copies the answer. The',
    'address bar always holds the query and its variables; **Copy link** (toolbar) copies it.',
    '',
    'Every example runs on the default database. Those marked _SIPRI excerpt_ answer from the',
    'SIPRI Sahel excerpt shipped with Armstrail; the others from the Kazan/Mali record.',
    '',
    'A note on numbers: SIPRI’s trend-indicator value (TIV) is a volume index in millions, not',
    'money. Reported deal values are in `reportedValue`, in the currency the source gives.',
    'A `null` quantity is unknown, never zero; `uncertain: true` is SIPRI’s “?”.',
    '',
    ...examples.map((e) => `- [${e.title}](#${e.id}) — ${e.explanation}`),
    '',
  ];
  // Each section ends with a blank line, so the file ends with exactly one newline.
  for (const example of examples) {
    lines.push(`<a id="${example.id}"></a>`, '', `## ${example.title}`, '', example.explanation);
    lines.push('', `Data: ${example.needsSipriExcerpt ? '_SIPRI excerpt_' : 'Kazan/Mali record'}.`);
    lines.push(`Link: <http://localhost:4000/graphql?example=${example.link}>.`);
    if (example.notes) lines.push('', example.notes);
    lines.push('', '```graphql', example.query.trimEnd(), '```', '');
    if (example.variables) lines.push('Variables:', '', '```json', example.variables, '```', '');
  }
  return lines.join('\n');
}
