// The Mi-8 and Mi-24 families on SIPRI's whole 2026 register: every register row whose
// designation is in them lands in them, each designation placed by the rule listed here.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import {
  readRegisterRows,
  REGISTER_2026,
  SHARED_DATA,
  sharedDataPresent,
} from './support/sipri-data.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const present = sharedDataPresent(REGISTER_2026);
if (!present) {
  console.warn(
    `Platform family conformance skipped: SIPRI's 2026 register is not in ${SHARED_DATA} (see SOURCES.md there).`,
  );
}

/** Every designation of the 2026 register in each family, with what places it there. */
const EXPECTED: Record<string, Record<string, string>> = {
  'Mi-8': {
    'Mi-8T': 'rule:model-variant',
    // The seeded node itself (DESIGN.md's tree), which SIPRI's rows find by name.
    'Mi-17': 'editor',
  },
  'Mi-24': {
    'Mi-24A': 'rule:model-variant',
    'Mi-24D': 'rule:model-variant',
    'Mi-24P': 'rule:model-variant',
    'Mi-24V/Mi-35': 'rule:alternatives-agree',
    'Mi-35M': 'editor',
  },
};

const LONG = 300_000;

describe.skipIf(!present)('the Mi-8 and Mi-24 families on the 2026 register', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await importSipriRegister(t.db, REGISTER_2026);
  }, LONG);
  afterAll(() => t?.close());

  it.each(Object.keys(EXPECTED))(
    'the %s family holds every register row of its designations',
    async (root) => {
      const rows = await queryRows<{
        designation: string;
        family_source: string | null;
        deals: number;
      }>(
        t.db,
        sql`with recursive family as (
          select id, designation, family_source from platforms
            where designation = ${root} and parent_id is null and deleted_at is null
          union all
          select p.id, p.designation, p.family_source from platforms p join family f on p.parent_id = f.id
        )
        select f.designation, f.family_source, count(distinct d.id)::int as deals
        from family f join deal_items i on i.platform_id = f.id
        join deals d on d.id = i.deal_id and d.import_key is not null
        group by f.designation, f.family_source`,
      );
      const inRegister = new Map<string, number>();
      for (const r of readRegisterRows(REGISTER_2026)) {
        if (r.designation in EXPECTED[root]!) {
          inRegister.set(r.designation, (inRegister.get(r.designation) ?? 0) + 1);
        }
      }
      expect(new Map(rows.map((r) => [r.designation, r.family_source]))).toEqual(
        new Map(Object.entries(EXPECTED[root]!)),
      );
      expect(new Map(rows.map((r) => [r.designation, r.deals]))).toEqual(inRegister);
    },
  );
});
