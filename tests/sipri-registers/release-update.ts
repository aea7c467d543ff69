// A yearly SIPRI update as a researcher makes it: the 2024 register imported, then the 2026
// one over it (by ../sipri-registers.test.ts). The default view must then count the 2026 release
// alone, the 2024 release must stay readable as SIPRI published it, and the changes between them
// must be listed.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { importSipriRegister } from '../../src/import/import-sipri-register.js';
import { graphql } from '../support/graphql/index.js';
import type { DealFilter, ReleaseChangeKind } from '../support/graphql/graphql.js';
import { readRegisterRows, REGISTER_2024, REGISTER_2026 } from '../support/sipri-data.js';
import { dataOf } from '../support/test-api.js';
import { LONG, type RegisterChain } from './chain.js';
import { volumesBy } from './volumes-by-party.js';

/** What the API shows after the update, and a second import of the 2026 file (last). */
export function releaseUpdate(chain: RegisterChain): void {
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(chain.api.database.db, query);

  /**
   * Each party's TIV delivered in the API against the file's own sums, party by party: every
   * name the file uses belongs to exactly one group (by the actor's name or an alias).
   */
  async function expectVolumesEqualFile(
    file: string,
    role: 'recipient' | 'supplier',
    filter: DealFilter,
  ): Promise<void> {
    const fromFile = new Map<string, number>();
    for (const row of readRegisterRows(file)) {
      fromFile.set(row[role], (fromFile.get(row[role]) ?? 0) + (row.tivDeliveredCents ?? 0));
    }
    const groups = await volumesBy(chain.api, role, filter);
    const claimed = new Set<string>();
    const wrong: string[] = [];
    for (const group of groups) {
      const actor = group[role]!;
      const names = [...new Set([actor.name, ...actor.aliases.map((a) => a.name)])].filter((n) =>
        fromFile.has(n),
      );
      const expected = names.reduce((sum, n) => sum + fromFile.get(n)!, 0);
      for (const n of names) claimed.add(n);
      const actual = Math.round(Number(group.tivDelivered ?? 0) * 100);
      if (Math.abs(actual - expected) > 1)
        wrong.push(`${actor.name}: ${actual / 100} ≠ ${expected / 100}`);
    }
    expect(wrong).toEqual([]);
    // Every name of the file found its group: nothing counted outside the comparison.
    expect([...fromFile.keys()].filter((n) => !claimed.has(n))).toEqual([]);
  }

  it('matches most rows and says how', () => {
    expect(chain.update.rowsRead).toBe(29_916);
    expect(chain.update.matches.SAME_KEY).toBeGreaterThan(20_000);
    for (const kind of ['RESPELLED', 'RENAMED', 'CORRECTED'] as const) {
      expect(chain.update.matches[kind]).toBeGreaterThan(0);
    }
    expect(chain.update.retired.length).toBeGreaterThan(0);
    expect(chain.update.review.filter((e) => e.action === 'RETIRED')).toHaveLength(
      chain.update.retired.length,
    );
  });

  it.each(['recipient', 'supplier'] as const)(
    'counts the 2026 release alone by default, for every %s',
    async (role) => {
      await expectVolumesEqualFile(REGISTER_2026, role, {});
    },
    LONG,
  );

  it.each(['recipient', 'supplier'] as const)(
    'shows the 2024 release as SIPRI published it, for every %s',
    async (role) => {
      await expectVolumesEqualFile(REGISTER_2024, role, { release: chain.release2024 });
    },
    LONG,
  );

  it('lists the 2026 rows plus the records not from SIPRI, and each release its own rows', async () => {
    const [others] = await rows<{ n: number }>(
      sql`select count(*)::int as n from deals
        where deleted_at is null and (import_key is null or import_key not like 'sipri:%')`,
    );
    expect(others!.n).toBeGreaterThan(0); // the seeded Kazan record
    const count = async (filter: DealFilter) =>
      dataOf(
        await chain.api.query(
          graphql(`
            query ReleaseUpdateDealCount($f: DealFilter) {
              deals(filter: $f, first: 1) {
                totalCount
              }
            }
          `),
          { f: filter },
        ),
      ).deals.totalCount;
    expect(await count({})).toBe(29_916 + others!.n);
    expect(await count({ release: chain.release2024 })).toBe(27_951);
    expect(await count({ release: chain.release2026 })).toBe(29_916);
    expect(await count({ includeRetired: true })).toBe(
      29_916 + others!.n + chain.update.retired.length + chain.first.dealsAddedRetired,
    );
  });

  it.each([
    ['respelled', 'AW139', 'AW-139'],
    ['renamed', 'Bell-47/OH-13', 'Bell-47'],
    ['renamed', 'Mi-24D/Mi-25', 'Mi-24D'],
  ])('resolves a %s designation (%s → %s) to one deal', async (_kind, before, after) => {
    const pairs = await rows<{ deal_id: string; retired: boolean }>(
      sql`select old.deal_id, d.retired_at is not null as retired
        from sipri_rows old join sipri_rows new on new.deal_id = old.deal_id
        join deals d on d.id = old.deal_id
        where old.release_id = ${chain.first.releaseId} and old.fields[7] = ${before}
          and new.release_id = ${chain.update.releaseId} and new.fields[7] = ${after}`,
    );
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => !p.retired)).toBe(true);
    // No live deal still shows the older designation alone.
    const [orphans] = await rows<{ n: number }>(
      sql`select count(*)::int as n from sipri_rows r join deals d on d.id = r.deal_id
        where r.release_id = ${chain.first.releaseId} and r.fields[7] = ${before}
          and d.retired_at is null and d.deleted_at is null
          and not exists (select 1 from sipri_rows n where n.deal_id = r.deal_id
            and n.release_id = ${chain.update.releaseId})`,
    );
    expect(orphans!.n).toBe(0);
  });

  it('keeps a corrected deal (Algeria SM-4 120mm, ordered 18 → 6) as one deal with both rows', async () => {
    const [deal] = await rows<{ deal_id: string }>(
      sql`select new.deal_id from sipri_rows new
        join sipri_rows old on old.deal_id = new.deal_id and old.release_id = ${chain.first.releaseId}
        where new.release_id = ${chain.update.releaseId} and new.fields[1] = 'Algeria'
          and new.fields[7] = 'SM-4 120mm' and old.quantity_ordered = 18 and new.quantity_ordered = 6`,
    );
    expect(deal).toBeDefined();
    const node = dataOf(
      await chain.api.query(
        graphql(`
          query ReleaseUpdateCorrectedDeal($id: ID!) {
            node(id: $id) {
              ... on Deal {
                retirement {
                  retiredAt
                }
                items {
                  quantityOrdered {
                    value
                  }
                }
                sipriRecords {
                  match
                  matchNote
                  release {
                    id
                  }
                }
              }
            }
          }
        `),
        { id: toGlobalId('Deal', deal!.deal_id) },
      ),
    ).node!;
    expect(node.retirement).toBeNull();
    expect(node.items[0]!.quantityOrdered?.value).toBe(6);
    expect(node.sipriRecords.map((r) => r.release.id)).toEqual([
      chain.release2026,
      chain.release2024,
    ]);
    expect(node.sipriRecords[0]).toMatchObject({ match: 'CORRECTED' });
    expect(node.sipriRecords[0]!.matchNote).toContain('number ordered 18 → 6');
  });

  it('keeps retired deals reachable, with a revision naming the release that dropped them', async () => {
    const retired = chain.update.retired[0]!;
    const id = toGlobalId('Deal', retired.dealId);
    const node = dataOf(
      await chain.api.query(
        graphql(`
          query ReleaseUpdateRetiredDeal($id: ID!) {
            node(id: $id) {
              ... on Deal {
                retirement {
                  retiredAt
                  release {
                    id
                    generatedText
                  }
                }
                history {
                  action
                  reason
                }
              }
            }
          }
        `),
        { id },
      ),
    ).node!;
    expect(node.retirement?.release.id).toBe(chain.release2026);
    const last = node.history.at(-1)!;
    expect(last.action).toBe('RETIRE');
    expect(last.reason).toContain('18 May 2026');
    // Out of the default list, in it with includeRetired.
    const [where] = await rows<{ recipient_id: string; order_year: number }>(
      sql`select recipient_id, order_year from deals where id = ${retired.dealId}`,
    );
    const listed = async (includeRetired: boolean) =>
      dataOf(
        await chain.api.query(
          graphql(`
            query ReleaseUpdateDealIds($f: DealFilter) {
              deals(filter: $f, first: 100) {
                nodes {
                  id
                }
              }
            }
          `),
          {
            f: {
              includeRetired,
              recipient: [toGlobalId('Actor', where!.recipient_id)],
              orderYear: { from: where!.order_year, to: where!.order_year },
            },
          },
        ),
      ).deals.nodes.map((n) => n.id);
    expect(await listed(false)).not.toContain(id);
    expect(await listed(true)).toContain(id);
  });

  it('lists the changes between the releases: added, retired and changed deals', async () => {
    const page = async (kind: ReleaseChangeKind) =>
      dataOf(
        await chain.api.query(
          graphql(`
            query ReleaseUpdateChanges($from: ID!, $to: ID!, $kind: [ReleaseChangeKind!]) {
              releaseChanges(from: $from, to: $to, kind: $kind, first: 5) {
                totalCount
                nodes {
                  kind
                  deal {
                    id
                  }
                  fromRecord {
                    line
                  }
                  toRecord {
                    line
                  }
                  changes {
                    field
                    from
                    to
                  }
                }
              }
            }
          `),
          { from: chain.release2024, to: chain.release2026, kind: [kind] },
        ),
      ).releaseChanges;
    const added = await page('ADDED');
    const retired = await page('RETIRED');
    const changed = await page('CHANGED');
    expect(added.nodes[0]).toMatchObject({ kind: 'ADDED', fromRecord: null });
    expect(retired.nodes[0]).toMatchObject({ kind: 'RETIRED', toRecord: null });
    expect(changed.nodes[0]!.fromRecord).not.toBeNull();
    expect(changed.nodes[0]!.changes.length).toBeGreaterThan(0);
    for (const c of changed.nodes[0]!.changes) expect(c.from).not.toEqual(c.to);
    // Deals the 2026 release retired are exactly the 2024 deals it no longer lists.
    const [gone] = await rows<{ n: number }>(
      sql`select count(*)::int as n from sipri_rows a where a.release_id = ${chain.first.releaseId}
        and not exists (select 1 from sipri_rows b where b.release_id = ${chain.update.releaseId}
          and b.deal_id = a.deal_id)`,
    );
    expect(retired.totalCount).toBe(gone!.n);
    expect(added.totalCount).toBeGreaterThan(0);
    expect(changed.totalCount).toBeGreaterThan(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from revisions`);
    const again = await importSipriRegister(chain.api.database.db, REGISTER_2026);
    expect(again).toMatchObject({ alreadyImported: true, dealsAdded: 0, dealsUpdated: 0 });
    expect(again.retired).toEqual([]);
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from revisions`);
    expect(after!.n).toBe(before!.n);
  });
}
