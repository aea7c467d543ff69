// GraphiQL (browser): keeps the page's URL on the operation being edited, so the address bar is
// always a share link. replaceState, not pushState: editing is not navigation, and Back should
// leave the page rather than step through keystrokes.
import { shareLink, type SharedOperation } from './share-link.js';

interface TabsLike {
  activeTabIndex: number;
  tabs: { query: string | null; variables?: string | null }[];
}

/** Handlers for GraphiQL's onEditQuery, onEditVariables and onTabChange props. */
export function followEditedOperation(initial: SharedOperation | null) {
  const current: SharedOperation = {
    query: initial?.query ?? '',
    variables: initial?.variables ?? '',
  };
  const write = () => {
    if (current.query.trim() === '') return;
    const link = shareLink('', window.location.pathname, current);
    if (link !== `${window.location.pathname}${window.location.search}`) {
      window.history.replaceState(null, '', link);
    }
  };
  return {
    query: (value: string) => {
      current.query = value;
      write();
    },
    variables: (value: string) => {
      current.variables = value;
      write();
    },
    tabs: (state: TabsLike) => {
      const tab = state.tabs[state.activeTabIndex];
      current.query = tab?.query ?? '';
      current.variables = tab?.variables ?? '';
      write();
    },
  };
}
