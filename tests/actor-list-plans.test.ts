// Actor lists filtered by country read that country's actors, not every actor. The suppliers of
// a country (SupplierTree in bench:load) were read by walking every actor in name order and
// looking for a deal of each: the planner guessed half the table for the country's subquery
// (Russia: 0.47 ms of PostgreSQL a request against 0.1 ms). Only the plan shows it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { actors, deals } from '../src/db/schema.js';
import { actorConditions } from '../src/modules/actors/actor-filter.js';
import { createActor, createCompanies, createState } from './support/factories.js';
import { planNodes } from './support/plans.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('an actor list filtered by country', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const sweden = await createState(db, 'Sweden', 'SWE');
    const norway = await createState(db, 'Norway', 'NOR');
    await createActor(db, { name: 'Saab', countryId: sweden.id });
    // A register's worth of suppliers elsewhere: the planner's guesses follow the table's size.
    const others = await createCompanies(db, 300, 'Maker');
    await db.insert(deals).values(
      [sweden, ...others].flatMap((supplier) =>
        Array.from({ length: 5 }, () => ({
          supplierId: supplier.id,
          recipientId: norway.id,
          stage: 'DELIVERED' as const,
          orderYear: 2001,
        })),
      ),
    );
    await db.execute(sql`analyze actors`);
    await db.execute(sql`analyze deals`);
  });
  afterAll(() => database.close());

  it("looks for deals of the country's actors only", async () => {
    const where = actorConditions({ country: ['SWE'] }, 'supplier');
    const statement = sql`select ${actors.id}, ${actors.name} from ${actors} where ${where}
      order by lower(${actors.name}), ${actors.id} limit 2`;
    const rows = await queryRows<{ name: string }>(database.db, statement);
    expect(rows.map((r) => r.name)).toEqual(['Sweden']);

    const nodes = await planNodes(database.db, statement, { analyze: true });
    // Sweden and Saab: no step of the plan yields more actors than these two, where walking
    // every actor by name yielded all 300 and joined them with the country's.
    const actorRows = nodes
      .filter((n) => n['Relation Name'] === 'actors')
      .map((n) => n['Actual Rows'] ?? 0);
    expect(Math.max(...actorRows)).toBeLessThanOrEqual(2);
    // And deals are looked for for those two only.
    const lookups = nodes.filter((n) => n['Relation Name'] === 'deals');
    expect(lookups).not.toHaveLength(0);
    const loops = lookups.reduce((sum, n) => sum + (n['Actual Loops'] ?? 0), 0);
    expect(loops).toBeLessThanOrEqual(2);
  });
});
