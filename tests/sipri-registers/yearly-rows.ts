// transferVolumes grouped by delivery year over the whole database, page by page, against the
// register file's total TIV delivered: the default view must hold exactly one release's rows,
// each delivery apportioned to years without loss (run by ../sipri-registers.test.ts for the
// 2024 register, then for the 2026 one over it).
import { expect, it } from 'vitest';
import { openSipriRegister } from '../../src/import/sipri-csv-reader.js';
import { graphql } from '../support/graphql/index.js';
import { dataOf } from '../support/test-api.js';
import { LONG, type RegisterChain } from './chain.js';

/** TIV delivered over every row of the register file, in hundredths (exact). */
async function registerTivCents(file: string): Promise<number> {
  const { records } = await openSipriRegister(file);
  let cents = 0;
  for await (const record of records) {
    if (!('fields' in record)) throw new Error(`Unreadable record at line ${record.line}`);
    const tiv = record.fields[15]!.trim();
    if (tiv) cents += Math.round(Number(tiv) * 100);
  }
  return cents;
}

/** The yearly rows over everything add up to `file`'s total TIV delivered (`label` names it). */
export function yearlyRowsAddUp(chain: RegisterChain, file: string, label: string): void {
  it.each(['EVEN_SPLIT', 'SINGLE_YEAR_ONLY'] as const)(
    `adds the yearly rows over everything up to the ${label} register's total TIV delivered (%s)`,
    async (method) => {
      // Every group, page by page: the total says how many pages to expect.
      let after: string | null = null;
      let cents = 0;
      let groups = 0;
      let totalCount = 0;
      for (;;) {
        const page: {
          totalCount: number;
          nodes: { tivDelivered: string | null }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        } = dataOf(
          await chain.api.query(
            graphql(`
              query YearlyRowsTransferVolumes($after: String, $m: DeliveryYearMethod) {
                transferVolumes(
                  groupBy: [DELIVERY_YEAR]
                  deliveryYears: $m
                  first: 100
                  after: $after
                ) {
                  totalCount
                  nodes {
                    tivDelivered
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            `),
            { after, m: method },
          ),
        ).transferVolumes;
        totalCount = page.totalCount;
        groups += page.nodes.length;
        // Split years are rounded to 6 decimals: summed in millionths, compared in cents.
        cents += page.nodes.reduce((n, r) => n + Number(r.tivDelivered ?? 0) * 100, 0);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(groups).toBe(totalCount);
      const register = await registerTivCents(file);
      if (method === 'EVEN_SPLIT') {
        expect(Math.abs(cents - register)).toBeLessThan(1);
      } else {
        // Only single-year deliveries: a part of the total, never more.
        expect(cents).toBeLessThan(register);
      }
    },
    LONG,
  );
}
