// GraphiQL (browser): long lines wrap in the query, variables and headers editors, as GraphiQL
// already makes them wrap in the result pane. At 1366×768 with the Examples panel open the query
// editor is about 370 px wide: without wrapping, an example's comment lines and long filters are
// cut at its edge and need sideways scrolling. In every editor and the result pane, a wrapped
// line's continuation starts under its first character rather than at the left margin, so the
// nesting of the query and of the answer stays readable.
import { useEditorContext } from '@graphiql/react';
import { useEffect } from 'react';

type Editor = NonNullable<ReturnType<typeof useEditorContext>>['queryEditor'];

export function useLineWrapping(): void {
  const { queryEditor, variableEditor, headerEditor, responseEditor } = useEditorContext({
    nonNull: true,
  });
  useEffect(() => {
    const editors = [queryEditor, variableEditor, headerEditor, responseEditor].filter(
      (editor): editor is NonNullable<Editor> => editor !== null,
    );
    for (const editor of editors) {
      editor.setOption('lineWrapping', true);
      editor.on('renderLine', indentContinuation);
      // Lines already drawn are drawn again, with their indentation.
      editor.refresh();
    }
    return () => {
      for (const editor of editors) editor.off('renderLine', indentContinuation);
    };
  }, [queryEditor, variableEditor, headerEditor, responseEditor]);
}

/** CodeMirror's own left padding of a line (its stylesheet's `.CodeMirror-line`), in px. */
const LINE_PADDING = 4;

/**
 * CodeMirror's "indented wrapped lines" recipe: the line is padded by its indentation, and its
 * first row pulled back by as much, so only the rows after the first start indented.
 */
function indentContinuation(
  editor: { defaultCharWidth(): number },
  line: { text: string },
  element: HTMLElement,
) {
  const indent = /^[ \t]*/.exec(line.text)![0].length * editor.defaultCharWidth();
  element.style.textIndent = `-${indent}px`;
  element.style.paddingLeft = `${LINE_PADDING + indent}px`;
}
