// SIPRI's TIV tables reproduced through the API: transferVolumes per recipient and per supplier
// against SIPRI's published 1950–2024 totals, with the 2024 register imported (by
// ../sipri-registers.test.ts).
import { expect, it } from 'vitest';
import { EXPORTS_TABLE_2024, IMPORTS_TABLE_2024, readTivTable } from '../support/sipri-data.js';
import { dataOf } from '../support/test-api.js';
import { LONG, type RegisterChain } from './chain.js';
import { type Named, volumesBy } from './volumes-by-party.js';
import { graphql } from '../support/graphql/index.js';
import type { TypedDocumentString } from '../support/graphql/graphql.js';

interface ActorPage {
  nodes: Named[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** suppliers or recipients, a page at a time: a document per list, each aliased `actors`. */
const ACTORS_IN: Record<
  'suppliers' | 'recipients',
  TypedDocumentString<{ actors: ActorPage }, { after?: string | null }>
> = {
  suppliers: graphql(`
    query Volumes2024Suppliers($after: String) {
      actors: suppliers(first: 100, after: $after) {
        nodes {
          id
          name
          aliases {
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `),
  recipients: graphql(`
    query Volumes2024Recipients($after: String) {
      actors: recipients(first: 100, after: $after) {
        nodes {
          id
          name
          aliases {
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `),
};

export function volumesIn2024(chain: RegisterChain): void {
  /** Every actor of a role, through the API's own paginated list. */
  async function actorsIn(list: 'suppliers' | 'recipients'): Promise<Named[]> {
    const all: Named[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ActorPage = dataOf(await chain.api.query(ACTORS_IN[list], { after })).actors;
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  }

  it.each([
    ['recipient', 'recipients', IMPORTS_TABLE_2024, 261],
    ['supplier', 'suppliers', EXPORTS_TABLE_2024, 136],
  ] as const)(
    "gives every %s SIPRI's 1950–2024 total within ±1",
    async (role, list, table, expectedRows) => {
      const actors = await actorsIn(list);
      // The query limits cap a page at 100 rows: ask for the actors 100 at a time.
      const totals = new Map<string, number>();
      for (let i = 0; i < actors.length; i += 100) {
        const chunk = actors.slice(i, i + 100);
        const ids = chunk.map((a) => a.id);
        const f = role === 'recipient' ? { recipient: ids } : { supplier: ids };
        for (const row of await volumesBy(chain.api, role, f)) {
          const actor = row[role]!;
          // SIPRI's name for an actor is its name or one of its aliases.
          for (const name of new Set([actor.name, ...actor.aliases.map((a) => a.name)])) {
            totals.set(name, Number(row.tivDelivered ?? 0));
          }
        }
      }
      const expected = readTivTable(table);
      expect(expected.size).toBe(expectedRows);
      const off = [...expected]
        .filter(([name, total]) => !(Math.abs((totals.get(name) ?? NaN) - total) <= 1))
        .map(([name, total]) => ({ name, sipri: total, api: totals.get(name) }));
      expect(off).toEqual([]);
    },
    LONG,
  );
}
