// GraphiQL (browser): which operation the page opens on. GraphiQL 4 restores the stored tabs
// only when its `query` and `variables` props match one of them; otherwise it appends a tab with
// those props, which on a plain reload are its own last-saved values or nothing at all: the stray
// "<untitled>" tab with the stock "Welcome" text that every reload used to add. So the page
// always names the operation: a shared one, else the stored active tab's, else the first example.
import type { GraphiQLExample } from '../example.js';
import { sharedOperation, type SharedOperation } from './share-link.js';

/** GraphiQL's localStorage key for its tabs (its storage namespace, then "tabState"). */
const TAB_STATE_KEY = 'graphiql:tabState';

/** localStorage's reading half (declared here: the Node tests have no DOM types). */
export interface KeyValueStore {
  getItem(key: string): string | null;
}

interface StoredTabs {
  activeTabIndex: number;
  tabs: { query: string | null; variables: string | null }[];
}

export interface InitialTab {
  operation: SharedOperation | null;
  /** True when the operation came from the URL: a new tab is fine then, it is the point. */
  fromUrl: boolean;
}

export function initialTab(
  search: string,
  examples: readonly GraphiQLExample[],
  storage: KeyValueStore,
): InitialTab {
  const shared = sharedOperation(search, examples);
  if (shared) return { operation: shared, fromUrl: true };
  const stored = storedActiveTab(storage);
  if (stored) return { operation: stored, fromUrl: false };
  const first = examples[0];
  return {
    operation: first ? { query: first.query, variables: first.variables ?? '' } : null,
    fromUrl: false,
  };
}

function storedActiveTab(storage: KeyValueStore): SharedOperation | null {
  try {
    const state = JSON.parse(storage.getItem(TAB_STATE_KEY) ?? 'null') as StoredTabs | null;
    const tab = state?.tabs[state.activeTabIndex];
    if (!tab) return null;
    // GraphiQL compares `query ?? ""` and `variables ?? ""`: the same here.
    return { query: tab.query ?? '', variables: tab.variables ?? '' };
  } catch {
    // Unreadable or foreign storage: GraphiQL starts afresh from defaultTabs, and so do we.
    return null;
  }
}
