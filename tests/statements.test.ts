// Named statements (src/db/statements.ts) return what Drizzle's select returned, on both drivers
// and inside a transaction, and every run is one statement the query logger sees.
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorAliases,
  actors,
  citations,
  dealEvents,
  dealItems,
  deals,
  platforms,
  sipriReleases,
  sources,
} from '../src/db/schema.js';
import { rowsWhereIn, runPrepared, statementsByShape } from '../src/db/statements.js';
import { createSource } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// Every column type the loaders read: uuids, text, enums, smallints, numerics, flags,
// timestamps, dates, uuid[], jsonb and smallint[] (delivery years).
const TABLES: [string, PgTable, PgColumn][] = [
  ['actors', actors, actors.id],
  ['actor_aliases', actorAliases, actorAliases.actorId],
  ['platforms', platforms, platforms.id],
  ['deals', deals, deals.id],
  ['deal_items', dealItems, dealItems.id],
  ['deal_events', dealEvents, dealEvents.id],
  ['sources', sources, sources.id],
  ['citations', citations, citations.id],
  ['sipri_releases', sipriReleases, sipriReleases.id],
];

describe('named statements', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The seed has no SIPRI release; one with every column set but the optional ones.
    const source = await createSource(database.db);
    await database.db.insert(sipriReleases).values({
      id: randomUUID(),
      sourceId: source.id,
      scope: 'EXCERPT',
      recipientIds: [randomUUID()],
      generatedOn: '2026-05-18',
      generatedText: '18 May 2026 2:29:20 PM',
      fileName: 'excerpt.csv',
      rowCount: 3,
      matchCounts: { new: 3 },
    });
  });
  afterAll(() => database.close());

  const byJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

  it.each(TABLES)(
    'reads %s as Drizzle does, as one logged statement',
    async (_name, table, key) => {
      const { db } = database;
      const all: Record<string, unknown>[] = await db.select().from(table);
      expect(all.length).toBeGreaterThan(0);
      const keyName = Object.entries(table).find(([, c]) => c === key)![0];
      const ids = [...new Set(all.map((r) => r[keyName] as string))];
      const expected = await db.select().from(table).where(inArray(key, ids));

      database.statements.reset();
      const rows = await rowsWhereIn(table, key)(db, ids);
      expect(database.statements.count).toBe(1);
      expect(byJson(rows)).toEqual(byJson(expected));
      // Dates stay Dates, numbers numbers: the same types, not only the same JSON.
      for (const [i, row] of rows.entries()) {
        const twin = expected.find((e) => JSON.stringify(e) === JSON.stringify(row))!;
        for (const [field, value] of Object.entries(row as Record<string, unknown>)) {
          expect([field, i, Object.prototype.toString.call(value)]).toEqual([
            field,
            i,
            Object.prototype.toString.call((twin as Record<string, unknown>)[field]),
          ]);
        }
      }
    },
  );

  it('reads timestamps to the millisecond, far from the epoch too', async () => {
    const { db } = database;
    const times = [
      '1901-03-04T05:06:07.891Z',
      '1969-12-31T23:59:59.999Z',
      '2026-12-02T09:55:00.001Z',
      '2262-03-04T05:06:07.999Z',
    ].map((iso) => new Date(iso));
    const made = await db
      .insert(sources)
      .values(
        times.map((t, i) => ({
          kind: 'NEWS' as const,
          url: `https://example.org/times/${i}`,
          createdAt: t,
          updatedAt: t,
        })),
      )
      .returning({ id: sources.id });
    const rows = await rowsWhereIn(sources, sources.id)(
      db,
      made.map((m) => m.id),
    );
    const read = made.map((m) => rows.find((r) => r.id === m.id)!.createdAt.toISOString());
    expect(read).toEqual(times.map((t) => t.toISOString()));
  });

  it('reads through the transaction inside one, seeing its writes', async () => {
    const { db } = database;
    const [deal] = await db.select().from(deals).limit(1);
    let inside: unknown[] = [];
    const undo = new Error('undo the write');
    await expect(
      db.transaction(async (tx) => {
        await tx.update(deals).set({ comments: 'seen inside' }).where(eq(deals.id, deal!.id));
        inside = await rowsWhereIn(deals, deals.id)(tx, [deal!.id]);
        throw undo;
      }),
    ).rejects.toBe(undo);
    expect(inside).toEqual([{ ...deal, comments: 'seen inside' }]);
    expect(await rowsWhereIn(deals, deals.id)(db, [deal!.id])).toEqual([deal]);
  });

  it("builds a shape's statement once, and runs it with each request's values", async () => {
    const { db } = database;
    const named = await db.select({ id: actors.id, name: actors.name }).from(actors).limit(3);
    expect(named.length).toBeGreaterThan(1);
    const byShape = statementsByShape<{ ids: string }>(['ids'], 2);
    let builds = 0;
    const namesOf = async (shape: string, ids: string[], upper: boolean) => {
      const st = byShape(shape, ({ ids }) => {
        builds += 1;
        const name = upper ? sql`upper(${actors.name})` : sql`${actors.name}`;
        return sql`select ${name} as name from ${actors} where ${actors.id} = any(${ids}::uuid[])
          order by ${actors.name}`;
      });
      database.statements.reset();
      const rows = await runPrepared<{ ids: string }, { name: string }>(db, st, {
        ids: `{${ids.join(',')}}`,
      });
      expect(database.statements.count).toBe(1);
      return rows.map((r) => r.name);
    };
    const names = (rows: typeof named) => rows.map((r) => r.name).sort();
    expect(await namesOf('plain', [named[0]!.id], false)).toEqual([named[0]!.name]);
    expect(
      await namesOf(
        'plain',
        named.map((r) => r.id),
        false,
      ),
    ).toEqual(names(named));
    expect(builds).toBe(1);
    // Another shape is another text; past `kept` shapes, the oldest are built again.
    expect(await namesOf('upper', [named[1]!.id], true)).toEqual([named[1]!.name.toUpperCase()]);
    expect(builds).toBe(2);
    await namesOf('third', [named[0]!.id], false);
    await namesOf('plain', [named[0]!.id], false);
    expect(builds).toBe(4);
    // Inside a transaction it runs through the transaction, with the same values.
    const inTx = await db.transaction((tx) =>
      runPrepared<{ ids: string }, { name: string }>(
        tx,
        byShape('plain', () => sql`unused`),
        { ids: `{${named[1]!.id}}` },
      ),
    );
    expect(inTx.map((r) => r.name)).toEqual([named[1]!.name]);
  });
});
