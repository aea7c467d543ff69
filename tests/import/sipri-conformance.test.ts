// Conformance with SIPRI's own totals, on the real exports in ../shared/data when present.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import {
  importSipriRegister,
  type SipriImportSummary,
} from '../../src/import/import-sipri-register.js';
import {
  EXPORTS_TABLE_2024 as EXPORTS_TABLE,
  IMPORTS_TABLE_2024 as IMPORTS_TABLE,
  readTivTable,
  REGISTER_2024,
  REGISTER_2026,
  SHARED_DATA as DATA,
  sharedDataPresent,
} from '../support/sipri-data.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { count, writes } from './support.js';

const present = sharedDataPresent(REGISTER_2024, REGISTER_2026, IMPORTS_TABLE, EXPORTS_TABLE);

if (!present) {
  console.warn(
    `SIPRI conformance tests skipped: the real exports are not in ${DATA} (see SOURCES.md there).`,
  );
}

const LONG = 300_000;

describe.skipIf(!present)('SIPRI conformance (real exports)', () => {
  let t: TestDatabase;
  let first: SipriImportSummary;

  beforeAll(async () => {
    t = await createTestDatabase();
    first = await importSipriRegister(t.db, REGISTER_2024);
  }, LONG);
  afterAll(() => t?.close());

  it('imports every row of the 2024 register', () => {
    expect(first).toMatchObject({ rowsRead: 27_951, dealsAdded: 27_951, skipped: [] });
  });

  it.each([
    ['recipient', IMPORTS_TABLE, 'recipient_id', 261],
    ['supplier', EXPORTS_TABLE, 'supplier_id', 136],
  ] as const)(
    "matches SIPRI's TIV table for every %s within ±1",
    async (_role, table, column, rows) => {
      // Summed per SIPRI name: every name SIPRI used is an alias of the actor it became.
      const sums = await queryRows<{ alias: string; total: string }>(
        t.db,
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
        t.db,
        sql`select md5(string_agg(id::text || import_key, ',' order by import_key)) as ids from deals`,
      );
      t.statements.reset();
      const again = await importSipriRegister(t.db, REGISTER_2024);
      expect(again).toMatchObject({
        dealsAdded: 0,
        dealsUpdated: 0,
        dealsUnchanged: 27_951,
        citationsAdded: 0,
        missing: [],
      });
      expect(writes(t.statements.log)).toEqual([]);
      const idsAfter = await queryRows<{ ids: string }>(
        t.db,
        sql`select md5(string_agg(id::text || import_key, ',' order by import_key)) as ids from deals`,
      );
      expect(idsAfter).toEqual(idsBefore);
    },
    LONG,
  );

  it(
    'updates by key from the 2026 release and reports, without deleting, what it no longer has',
    async () => {
      const dealsBefore = await count(t.db, 'deals');
      const next = await importSipriRegister(t.db, REGISTER_2026);
      expect(next.rowsRead).toBe(29_916);
      expect(next.dealsAdded + next.dealsUpdated + next.dealsUnchanged).toBe(29_916);
      expect(next.dealsUpdated).toBeGreaterThan(0);
      expect(next.dealsUnchanged).toBeGreaterThan(0);
      expect(next.missing.length).toBeGreaterThan(0);
      expect(next.sourceId).not.toBe(first.sourceId);
      expect(await count(t.db, 'deals')).toBe(dealsBefore + next.dealsAdded);

      // Renamed actors match: the UAE deals of 2024 are now cited by both releases.
      const uae = await queryRows<{ name: string; aliases: string[]; both: number }>(
        t.db,
        sql`select a.name, array(select alias from actor_aliases x where x.actor_id = a.id order by alias) as aliases,
            (select count(*)::int from deals d where d.recipient_id = a.id
              and (select count(*) from citations c where c.deal_id = d.id) = 2) as both
          from actors a where a.iso_alpha3 = 'ARE'`,
      );
      // Both SIPRI spellings, beside the reference names every state gets.
      expect(uae[0]!.aliases).toEqual(expect.arrayContaining(['UAE', 'United Arab Emirates']));
      expect(uae[0]!.both).toBeGreaterThan(100);

      // Every missing deal is still there, still citing the 2024 release only.
      const missingIds = next.missing.map((m) => m.dealId);
      const stillThere = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from deals d
          where d.id = any(${`{${missingIds.join(',')}}`}::uuid[])
            and not exists (select 1 from citations c where c.deal_id = d.id and c.source_id = ${next.sourceId})`,
      );
      expect(stillThere[0]?.n).toBe(missingIds.length);

      // The Russia → Mali rows of 2026 are all there.
      const mali = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from deals d join citations c on c.deal_id = d.id and c.source_id = ${next.sourceId}
          where d.import_key like 'sipri:MLI|RUS|%'`,
      );
      expect(mali[0]?.n).toBe(14);
    },
    LONG,
  );
});
