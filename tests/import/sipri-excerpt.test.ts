// The committed Sahel excerpt: seeded into every default database, Russia → Mali queryable.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../../src/seed/kazan-mali.js';
import { SIPRI_EXCERPT_FILE, seedSipriExcerpt } from '../../src/seed/sipri-excerpt.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { importedDeals, writes, type ImportedDeal } from './support.js';

describe('the committed SIPRI excerpt', () => {
  let t: TestDatabase;
  let russiaToMali: ImportedDeal[];

  beforeAll(async () => {
    t = await createTestDatabase();
    const summary = await seedSipriExcerpt(t.db);
    expect(summary).toMatchObject({ rowsRead: 402, dealsAdded: 402, skipped: [] });
    russiaToMali = (await importedDeals(t.db)).filter(
      (d) => d.supplier === 'Russia' && d.recipient === 'Mali',
    );
  });
  afterAll(() => t.close());

  it('stays small and keeps SIPRI attribution beside it', () => {
    const lines = readFileSync(SIPRI_EXCERPT_FILE, 'latin1').split('\n');
    expect(lines.length - 12 - 1).toBeLessThan(500);
    expect(lines[10]).toBe('Data generated: 18 May 2026 2:29:20 PM');
    const readme = readFileSync(new URL('../../seed-data/README.md', import.meta.url), 'utf8');
    expect(readme).toContain('Information from the SIPRI Arms Transfers Database');
  });

  it('holds the 14 Russia → Mali rows', () => {
    expect(russiaToMali).toHaveLength(14);
    expect(russiaToMali.every((d) => d.locators.length === 1)).toBe(true);
  });

  it('has the 2020 Mi-17 order with its comment', () => {
    const mi17 = russiaToMali.filter((d) => d.designation === 'Mi-17' && d.order_year === 2020);
    expect(mi17).toHaveLength(1);
    expect(mi17[0]).toMatchObject({
      platform_id: ids.mi17,
      quantity_ordered: 4,
      quantity_delivered: 4,
      delivery_years: [2021],
      comments: '$61 m deal (incl training and armament); Mi-171Sh armed version',
      note: 'Mi-171Sh armed version',
      stage: 'DELIVERED',
      tiv_per_unit: '7.25',
      tiv_delivered: '29',
    });
  });

  it('has the Mi-35M ordered in 2016, delivered 2017, 2019 and 2020', () => {
    const mi35m = russiaToMali.find((d) => d.designation === 'Mi-35M');
    expect(mi35m).toMatchObject({
      platform_id: ids.mi35m,
      order_year: 2016,
      delivery_years: [2017, 2019, 2020],
    });
  });

  it('keeps the uncertain flags', () => {
    const su24 = russiaToMali.find((d) => d.designation === 'Su-24');
    expect(su24).toMatchObject({
      order_year: 2025,
      order_uncertain: false,
      quantity_ordered_uncertain: true,
      quantity_delivered_uncertain: true,
      note: 'Su-24M version',
    });
    const l39 = russiaToMali.filter((d) => d.designation === 'L-39C Albatros');
    expect(
      l39.map((d) => [d.order_year, d.order_uncertain, d.quantity_ordered_uncertain]).sort(),
    ).toEqual([
      [2020, true, false],
      [2022, true, true],
    ]);
  });

  it('changes nothing when seeded again', async () => {
    const before = await importedDeals(t.db);
    t.statements.reset();
    const again = await seedSipriExcerpt(t.db);
    expect(again).toMatchObject({
      dealsAdded: 0,
      dealsUpdated: 0,
      dealsUnchanged: 402,
      citationsAdded: 0,
    });
    expect(writes(t.statements.log)).toEqual([]);
    expect(await importedDeals(t.db)).toEqual(before);
  });
});
