// Name filters (actors, platforms, sources' publishers) match what `ilike` matches: containsText
// writes it as `lower(column) like lower(pattern)`, the pattern lowered once rather than at
// every row (issue 12), and must not change a single answer, on either database.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { containsText } from '../src/db/fragments.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const NAMES = [
  "Côte d'Ivoire",
  "CÔTE D'IVOIRE",
  'Türkiye',
  'TÜRKIYE',
  'Straße',
  'STRASSE',
  'İstanbul Shipyard',
  'ΣΑΑΒ',
  'saab',
  '100% owned',
  '100 percent',
  'T_72',
  'T-72',
  'back\\slash',
];
const SEARCHES = [
  'côte',
  'ÔTE',
  'türk',
  'straße',
  'ss',
  'i̇stanbul',
  'istanbul',
  'σααβ',
  'SAAB',
  '%',
  '0%',
  '_',
  'T_',
  'k\\s',
  '',
];

describe('containsText', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  /** The names of NAMES that `where` (over a column `name`) keeps, sorted. */
  async function namesWhere(where: SQL): Promise<string[]> {
    const values = sql.join(
      NAMES.map((name) => sql`(${name})`),
      sql`, `,
    );
    const rows = await queryRows<{ name: string }>(
      database.db,
      sql`select name from (values ${values}) as n(name) where ${where} order by name`,
    );
    return rows.map((row) => row.name);
  }

  it('finds exactly the names that ilike finds', async () => {
    for (const search of SEARCHES) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      expect(await namesWhere(containsText(sql`name`, search)), search).toEqual(
        await namesWhere(sql`name ilike ${pattern}`),
      );
    }
    // The cases that matter are really there: accents, and wildcards taken as text.
    expect(await namesWhere(containsText(sql`name`, 'côte'))).toEqual([
      "CÔTE D'IVOIRE",
      "Côte d'Ivoire",
    ]);
    expect(await namesWhere(containsText(sql`name`, '0%'))).toEqual(['100% owned']);
  });
});
