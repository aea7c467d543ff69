// GraphiQL (browser): long lines wrap in the query, variables and headers editors, as GraphiQL
// already makes them wrap in the result pane. At 1366×768 with the Examples panel open the query
// editor is about 450 px wide: without wrapping, an example's comment lines and long filters are
// cut at its edge and need sideways scrolling.
import { useEditorContext } from '@graphiql/react';
import { useEffect } from 'react';

export function useLineWrapping(): void {
  const { queryEditor, variableEditor, headerEditor } = useEditorContext({ nonNull: true });
  useEffect(() => {
    for (const editor of [queryEditor, variableEditor, headerEditor]) {
      editor?.setOption('lineWrapping', true);
    }
  }, [queryEditor, variableEditor, headerEditor]);
}
