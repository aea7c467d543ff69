// Test support: reading the change feed, which serves a transaction only once every older
// one in the PostgreSQL cluster has finished — other test files' transactions included.
import { dataOf, type TestApi } from './test-api.js';

export interface FeedEntry {
  recordId: string;
  action: string;
  reason: string | null;
  record: { id: string } | null;
}

const QUERY = `query($after: String) { changes(after: $after, first: 100) {
  nodes { recordId action reason record { id } } pageInfo { hasNextPage endCursor } } }`;

/** Follows the feed from its start until `done` holds for what it has read (or 30 s pass). */
export async function readFeedUntil(
  api: TestApi,
  done: (entries: FeedEntry[]) => boolean,
): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let after: string | null = null;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page: {
      nodes: FeedEntry[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } = dataOf(
      await api.query<{
        changes: {
          nodes: FeedEntry[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(QUERY, { after }),
    ).changes;
    entries.push(...page.nodes);
    after = page.pageInfo.endCursor;
    if (done(entries) || Date.now() > deadline) return entries;
    if (!page.pageInfo.hasNextPage) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
