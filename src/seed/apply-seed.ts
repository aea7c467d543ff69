// Seeding, once: the seed is written into a new, empty database only, and the database records
// which seed it received. A database that has it is only read, never written.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { appliedSeeds, type AppliedSeedRow } from '../db/schema.js';
import { seedDatabase } from './seed-database.js';
import { seedSipriExcerpt } from './sipri-excerpt.js';

/**
 * Version 1: the reference data and the Kazan/Mali record (seed-database.ts), then the SIPRI
 * Sahel excerpt generated 18 May 2026 (sipri-excerpt.ts). Migration 0001 marks databases
 * seeded before seeds were recorded with this version. Changing what the seed writes does not
 * reach existing databases: they need a migration.
 */
export const SEED = { name: 'armstrail', version: 1 } as const;

export interface SeedOutcome {
  /** True when this call wrote the seed; false when the database already had it. */
  applied: boolean;
  seed: AppliedSeedRow;
}

/**
 * Writes the seed unless the database already received it. The seed row is claimed with
 * INSERT … ON CONFLICT DO NOTHING in the same transaction as the seed's writes, so the seed
 * and its record are all or nothing, and of several instances starting at once on PostgreSQL
 * exactly one seeds: the others' inserts wait on the claimed key, then find it taken.
 *
 * The seed's writers each open a transaction of their own; given this transaction they run
 * inside it (Drizzle turns a nested transaction into a savepoint), so an importer failing
 * halfway rolls the claim back too.
 */
export async function applySeedOnce(db: Db): Promise<SeedOutcome> {
  // Read first: a seeded database (every start but the first) sees no write statement at all.
  const found = await findAppliedSeed(db);
  if (found) return { applied: false, seed: found };
  return db.transaction(async (tx) => {
    const [claimed] = await tx.insert(appliedSeeds).values(SEED).onConflictDoNothing().returning();
    if (!claimed) return { applied: false, seed: (await findAppliedSeed(tx))! };
    await seedDatabase(tx);
    await seedSipriExcerpt(tx);
    return { applied: true, seed: claimed };
  });
}

async function findAppliedSeed(db: Db): Promise<AppliedSeedRow | undefined> {
  const [row] = await db.select().from(appliedSeeds).where(eq(appliedSeeds.name, SEED.name));
  return row;
}
