// The Mi-8 and Mi-24 families on SIPRI's whole 2026 register: every register row whose
// designation is in them lands in them, each designation placed by the rule listed here. Run by
// ../sipri-registers.test.ts after the 2026 release has replaced 2024's: only live deals count,
// so a designation the 2026 release dropped (its deals retired) is not in the family's rows.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { readRegisterRows, REGISTER_2026 } from '../support/sipri-data.js';
import type { RegisterChain } from './chain.js';

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

export function familiesIn2026(chain: RegisterChain): void {
  it.each(Object.keys(EXPECTED))(
    'the %s family holds every 2026 register row of its designations',
    async (root) => {
      const rows = await queryRows<{
        designation: string;
        family_source: string | null;
        deals: number;
      }>(
        chain.api.database.db,
        sql`with recursive family as (
          select id, designation, family_source from platforms
            where designation = ${root} and parent_id is null and deleted_at is null
          union all
          select p.id, p.designation, p.family_source from platforms p join family f on p.parent_id = f.id
        )
        select f.designation, f.family_source, count(distinct d.id)::int as deals
        from family f join deal_items i on i.platform_id = f.id
        join deals d on d.id = i.deal_id and d.import_key is not null
          and d.retired_at is null and d.deleted_at is null
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
}
