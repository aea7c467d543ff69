// GraphiQL (browser): the schema's description of each field, type and argument beside its name
// in the query editor's autocomplete list.
//
// GraphiQL 4 (@graphiql/react 0.34) has a description side panel in the list, but it fills it
// from a "select" listener it attaches after an `await import('codemirror')`, while CodeMirror's
// show-hint signals "select" for the first entry synchronously, as it opens the list: the panel
// stays empty until the user moves the selection with the arrow keys, and a list reopened by
// the next keystroke starts empty again. codemirror-graphql's own "hasCompletion" event comes
// synchronously, before the list is drawn, with the entries and their descriptions: giving each
// entry show-hint's documented `render` function puts its description in its row, every time.
import { useEditorContext } from '@graphiql/react';
import { useEffect } from 'react';

/** An entry of codemirror-graphql's hint list (its hint.js): show-hint's Hint, described. */
interface GraphQLHint {
  text: string;
  description?: string | null;
  render?: (element: HTMLLIElement, data: unknown, hint: GraphQLHint) => void;
}

type HasCompletion = (editor: unknown, results: { list: GraphQLHint[] }) => void;

/** The part of a CodeMirror 5 editor used here; "hasCompletion" is codemirror-graphql's event. */
interface CompletingEditor {
  on(event: 'hasCompletion', handler: HasCompletion): void;
  off(event: 'hasCompletion', handler: HasCompletion): void;
}

/** Describes the query editor's autocomplete entries while the calling component is mounted. */
export function useHintDescriptions(): void {
  const { queryEditor } = useEditorContext({ nonNull: true });
  useEffect(() => {
    if (!queryEditor) return;
    const editor = queryEditor as unknown as CompletingEditor;
    const describe: HasCompletion = (_editor, results) => {
      for (const hint of results.list) if (hint.description) hint.render = renderDescribed;
    };
    editor.on('hasCompletion', describe);
    return () => editor.off('hasCompletion', describe);
  }, [queryEditor]);
}

/** The entry's name, then its description on the same line (cut to fit; whole in the tooltip). */
function renderDescribed(element: HTMLLIElement, _data: unknown, hint: GraphQLHint) {
  const description = (hint.description ?? '').replace(/\s+/g, ' ').trim();
  const name = document.createElement('span');
  name.className = 'armstrail-hint-name';
  name.textContent = hint.text;
  const text = document.createElement('span');
  text.className = 'armstrail-hint-description';
  text.textContent = description;
  element.title = description;
  element.append(name, text);
}
