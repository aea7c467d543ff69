// Conformance with SIPRI's own totals, on the real exports in ../shared/data: the 2024 register
// against SIPRI's TIV tables, then the 2026 release over it (run by ../sipri-registers.test.ts).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { importSipriRegister } from '../../src/import/import-sipri-register.js';
import { count, writes } from '../import/support.js';
import {
  decimalCents,
  EXPORTS_TABLE_2024 as EXPORTS_TABLE,
  IMPORTS_TABLE_2024 as IMPORTS_TABLE,
  readRegisterRows,
  readTivTable,
  type RegisterRow,
  REGISTER_2024,
  REGISTER_2026,
} from '../support/sipri-data.js';
import { LONG, type RegisterChain } from './chain.js';

/** The 2024 register as imported first: SIPRI's TIV tables, and a second import that changes nothing. */
export function conformsIn2024(chain: RegisterChain): void {
  it('imports every row of the 2024 register', () => {
    expect(chain.first).toMatchObject({ rowsRead: 27_951, dealsAdded: 27_951, skipped: [] });
  });

  it.each([
    ['recipient', IMPORTS_TABLE, 'recipient_id', 261],
    ['supplier', EXPORTS_TABLE, 'supplier_id', 136],
  ] as const)(
    "matches SIPRI's TIV table for every %s within ±1",
    async (_role, table, column, rows) => {
      // Summed per SIPRI name: every name SIPRI used is an alias of the actor it became.
      const sums = await queryRows<{ alias: string; total: string }>(
        chain.api.database.db,
        sql`select a.alias, sum(i.tiv_delivered)::text as total
          from actor_aliases a
          join deals d on ${sql.raw(`d.${column}`)} = a.actor_id and d.import_key like 'sipri:%'
          join deal_items i on i.deal_id = d.id
          group by a.alias`,
      );
      const fromDatabase = new Map(sums.map((s) => [s.alias, Number(s.total ?? 0)]));
      const expected = readTivTable(table);
      expect(expected.size).toBe(rows);
      const off = [...expected].filter(
        ([name, total]) => Math.abs((fromDatabase.get(name) ?? NaN) - total) > 1,
      );
      expect(off).toEqual([]);
    },
  );

  it(
    'changes nothing and keeps every ID on a second import of the same file',
    async () => {
      const idsBefore = await queryRows<{ ids: string }>(
        chain.api.database.db,
        sql`select md5(string_agg(id::text || import_key, ',' order by import_key)) as ids from deals`,
      );
      chain.api.database.statements.reset();
      const again = await importSipriRegister(chain.api.database.db, REGISTER_2024);
      expect(again).toMatchObject({
        alreadyImported: true,
        releaseId: chain.first.releaseId,
        dealsAdded: 0,
        dealsUpdated: 0,
        dealsUnchanged: 27_951,
        citationsAdded: 0,
        retired: [],
      });
      expect(writes(chain.api.database.statements.log)).toEqual([]);
      const idsAfter = await queryRows<{ ids: string }>(
        chain.api.database.db,
        sql`select md5(string_agg(id::text || import_key, ',' order by import_key)) as ids from deals`,
      );
      expect(idsAfter).toEqual(idsBefore);
    },
    LONG,
  );
}

/** The 2026 release over 2024: every row matched once, the default view, retirements. */
export function conformsIn2026(chain: RegisterChain): void {
  /** The live (not retired, not deleted) SIPRI deal(s) of a pair, year and designation. */
  const live = (recipient: string, supplier: string, year: number, designation: string) =>
    queryRows<{
      id: string;
      quantity_ordered: number | null;
      tiv_per_unit: string | null;
      comments: string | null;
      revisions: number;
    }>(
      chain.api.database.db,
      sql`select d.id, i.quantity_ordered, i.tiv_per_unit::text, d.comments,
            (select count(*)::int from revisions v where v.record_id = d.id) as revisions
          from deals d
          join deal_items i on i.deal_id = d.id and i.position = 0
          join platforms p on p.id = i.platform_id
          join actors r on r.id = d.recipient_id
          join actors s on s.id = d.supplier_id
          where d.import_key like 'sipri:%' and d.retired_at is null and d.deleted_at is null
            and r.name = ${recipient} and s.name = ${supplier} and d.order_year = ${year}
            and p.designation = ${designation}
          order by i.tiv_per_unit`,
    );

  it('matches every row once, by key or as a respelling, rename or correction', () => {
    expect(chain.update).toMatchObject({ rowsRead: 29_916, alreadyImported: false, skipped: [] });
    expect(chain.update.scope).toBe('FULL_REGISTER');
    expect(chain.update.sourceId).not.toBe(chain.first.sourceId);
    const { SAME_KEY, RESPELLED, RENAMED, CORRECTED, NEW_DEAL } = chain.update.matches;
    expect(SAME_KEY + RESPELLED + RENAMED + CORRECTED + NEW_DEAL).toBe(29_916);
    // Every 2024 deal is matched to exactly one 2026 row, or retired.
    expect(SAME_KEY + RESPELLED + RENAMED + CORRECTED + chain.update.retired.length).toBe(27_951);
    for (const kind of [RESPELLED, RENAMED, CORRECTED, NEW_DEAL]) expect(kind).toBeGreaterThan(0);
    // Issue 10 counted ~2,000 deals only respelled, renamed or corrected (1,891 on 2026-05-18).
    expect(RESPELLED + RENAMED + CORRECTED).toBeGreaterThan(1_500);
    // Every row is a deal of the default view: added, updated or unchanged; none history only.
    expect(
      chain.update.dealsAdded +
        chain.update.dealsUpdated +
        chain.update.dealsUnchanged +
        chain.update.dealsRestored,
    ).toBe(29_916);
    expect(chain.update.historyRows).toBe(0);
    expect(chain.update.dealsAddedRetired).toBe(0);
    expect(chain.update.dealsUpdated).toBeGreaterThan(0);
    expect(chain.update.dealsUnchanged).toBeGreaterThan(0);
    // The review report lists every match other than by key, every ambiguity, every retirement.
    const reviewed = (action: string) =>
      chain.update.review.filter((e) => e.action === action).length;
    expect(reviewed('MATCHED')).toBe(RESPELLED + RENAMED + CORRECTED);
    expect(reviewed('AMBIGUOUS')).toBe(chain.update.ambiguousRows);
    expect(reviewed('RETIRED')).toBe(chain.update.retired.length);
  });

  it('leaves exactly the 2026 rows in the default view, with the 2026 total TIV delivered', async () => {
    expect(await count(chain.api.database.db, 'deals')).toBe(
      chain.dealsBefore2026 + chain.update.dealsAdded,
    );
    const [liveDeals] = await queryRows<{ n: number; tiv: string }>(
      chain.api.database.db,
      sql`select count(*)::int as n, coalesce(sum(i.tiv_delivered), 0)::text as tiv
          from deals d join deal_items i on i.deal_id = d.id
          where d.import_key like 'sipri:%' and d.retired_at is null and d.deleted_at is null`,
    );
    const rows2026 = readRegisterRows(REGISTER_2026);
    const cents = rows2026.reduce((sum, r) => sum + (r.tivDeliveredCents ?? 0), 0);
    expect(liveDeals!.n).toBe(29_916);
    expect(decimalCents(liveDeals!.tiv)).toBe(cents);
  });

  it.each([
    ['recipient', 'recipient_id', (r: RegisterRow) => r.recipient],
    ['supplier', 'supplier_id', (r: RegisterRow) => r.supplier],
  ] as const)(
    "gives every %s the 2026 file's total TIV delivered (±0.01)",
    async (_role, column, nameOf) => {
      const expected = new Map<string, number>();
      for (const r of readRegisterRows(REGISTER_2026)) {
        expected.set(nameOf(r), (expected.get(nameOf(r)) ?? 0) + (r.tivDeliveredCents ?? 0));
      }
      // Summed per SIPRI name: every name SIPRI used is an alias of the actor it became.
      const sums = await queryRows<{ alias: string; total: string | null }>(
        chain.api.database.db,
        sql`select a.alias, sum(i.tiv_delivered)::text as total
          from actor_aliases a
          join deals d on ${sql.raw(`d.${column}`)} = a.actor_id and d.import_key like 'sipri:%'
            and d.retired_at is null and d.deleted_at is null
          join deal_items i on i.deal_id = d.id
          group by a.alias`,
      );
      const fromDatabase = new Map(sums.map((s) => [s.alias, decimalCents(s.total) ?? 0]));
      const off = [...expected].filter(
        ([name, total]) => Math.abs((fromDatabase.get(name) ?? NaN) - total) > 1,
      );
      expect(off).toEqual([]);
    },
  );

  it('resolves the respelled, renamed and corrected examples of issue 10 to one deal each', async () => {
    // Respelled: AW139 → AW-139.
    expect(await live('Algeria', 'Italy', 2011, 'AW-139')).toHaveLength(1);
    expect(await live('Algeria', 'Italy', 2011, 'AW139')).toHaveLength(0);
    // Renamed: Bell-47/OH-13 → Bell-47, Mi-24D/Mi-25 → Mi-24D.
    expect(await live('Argentina', 'United States', 1950, 'Bell-47')).toHaveLength(1);
    expect(await live('Argentina', 'United States', 1950, 'Bell-47/OH-13')).toHaveLength(0);
    expect(await live('Afghanistan', 'Soviet Union', 1984, 'Mi-24D')).toHaveLength(1);
    expect(await live('Afghanistan', 'Soviet Union', 1984, 'Mi-24D/Mi-25')).toHaveLength(0);
    // Corrected: Algeria's SM-4 mortars, ordered 18 in 2024's release, 6 in 2026's.
    const sm4 = await live('Algeria', 'China', 2017, 'SM-4 120mm');
    expect(sm4).toMatchObject([{ quantity_ordered: 6 }]);
    const correction = chain.update.review.find((e) => e.dealId === sm4[0]!.id);
    expect(correction).toMatchObject({
      action: 'MATCHED',
      match: 'CORRECTED',
      reason: 'number ordered 18 → 6',
    });
  });

  it('keeps the two 1974 Netherlands ship-engine rows with their own values, unchanged', async () => {
    const engines = await live('Netherlands', 'United Kingdom', 1974, 'ship engine');
    expect(engines).toHaveLength(2);
    expect(engines.map((e) => [e.tiv_per_unit, e.comments?.slice(0, 16)])).toEqual([
      ['1.5', 'Rolls-Royce Tyne'],
      ['6', 'Rolls-Royce Olym'],
    ]);
    // Only the CREATE of 2024: no false "tivPerUnit 1.5 → 6" from a swapped pairing.
    expect(engines.map((e) => e.revisions)).toEqual([1, 1]);
  });

  it('retires, without deleting, the deals the 2026 release no longer has', async () => {
    expect(chain.update.retired.length).toBeGreaterThan(1000);
    const retiredIds = `{${chain.update.retired.map((m) => m.dealId).join(',')}}`;
    const [state] = await queryRows<{
      retired: number;
      by_release: number;
      cited_by_2026: number;
      with_revision: number;
    }>(
      chain.api.database.db,
      sql`select count(*) filter (where d.retired_at is not null and d.deleted_at is null)::int as retired,
            count(*) filter (where d.retired_by_release_id = ${chain.update.releaseId})::int as by_release,
            count(*) filter (where exists (select 1 from citations c
              where c.deal_id = d.id and c.source_id = ${chain.update.sourceId}))::int as cited_by_2026,
            count(*) filter (where exists (select 1 from revisions v
              where v.record_id = d.id and v.action = 'RETIRE'
                and v.reason like '%sipri-trade-register-all-generated-2026-05-18.csv%'))::int
              as with_revision
          from deals d where d.id = any(${retiredIds}::uuid[])`,
    );
    const n = chain.update.retired.length;
    expect(state).toEqual({ retired: n, by_release: n, cited_by_2026: 0, with_revision: n });
  });

  it('cites the 2026 release on the deals it matched, beside 2024', async () => {
    // Renamed actors match: the UAE deals of 2024 are now cited by both releases.
    const uae = await queryRows<{ name: string; aliases: string[]; both: number }>(
      chain.api.database.db,
      sql`select a.name, array(select alias from actor_aliases x where x.actor_id = a.id order by alias) as aliases,
          (select count(*)::int from deals d where d.recipient_id = a.id
            and (select count(*) from citations c where c.deal_id = d.id) = 2) as both
        from actors a where a.iso_alpha3 = 'ARE'`,
    );
    // Both SIPRI spellings, beside the reference names every state gets.
    expect(uae[0]!.aliases).toEqual(expect.arrayContaining(['UAE', 'United Arab Emirates']));
    expect(uae[0]!.both).toBeGreaterThan(100);

    // The Russia → Mali rows of 2026 are all there.
    const mali = await queryRows<{ n: number }>(
      chain.api.database.db,
      sql`select count(*)::int as n from deals d join citations c on c.deal_id = d.id and c.source_id = ${chain.update.sourceId}
        where d.import_key like 'sipri:MLI|RUS|%' and d.retired_at is null`,
    );
    expect(mali[0]?.n).toBe(14);
  });
}
