// Test support: reading the change feed, which serves a transaction only once every older
// one in the PostgreSQL cluster has finished — other test files' transactions included.
import { graphql } from './graphql/index.js';
import type { FeedEntriesQuery } from './graphql/graphql.js';
import { dataOf, type TestApi } from './test-api.js';

type FeedPage = FeedEntriesQuery['changes'];
export type FeedEntry = FeedPage['nodes'][number];

const QUERY = graphql(`
  query FeedEntries($after: String) {
    changes(after: $after, first: 100) {
      nodes {
        recordId
        action
        reason
        record {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Follows the feed from its start until `done` holds for what it has read (or 30 s pass). */
export async function readFeedUntil(
  api: TestApi,
  done: (entries: FeedEntry[]) => boolean,
): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let after: string | null = null;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page: FeedPage = dataOf(await api.query(QUERY, { after })).changes;
    entries.push(...page.nodes);
    after = page.pageInfo.endCursor;
    if (done(entries) || Date.now() > deadline) return entries;
    if (!page.pageInfo.hasNextPage) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
