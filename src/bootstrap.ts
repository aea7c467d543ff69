// Start-up shared by the server and every CLI: open the configured database, migrate, and seed
// the demo data if the configuration asks for it (the default on PGlite only) and the database
// never had it. A database that was seeded before is only migrated: starts never rewrite it.
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Logger } from './logger.js';
import { backfillRevisions } from './modules/revisions/backfill.js';
import { applySeedOnce, type SeedOutcome } from './seed/apply-seed.js';

/**
 * Opens the database `npm start` uses from this folder, migrated and, when
 * `config.seedDemoData` is set, seeded if it never was.
 */
export async function openReadyDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config.database, {
    onPoolError: (error) => logger.warn({ err: error }, 'idle database connection failed'),
  });
  try {
    if (config.seedDemoData) {
      const { applied, seed } = await prepareDatabase(database);
      if (applied) logger.info({ seed: seed.name, version: seed.version }, 'seed applied');
    } else {
      await migrateDatabase(database);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Migrates an open database and seeds it unless it has been seeded, whatever the
 * configuration says: `npm run seed` and the tests ask for the demo data explicitly.
 */
export async function prepareDatabase(database: Database): Promise<SeedOutcome> {
  await migrateDatabase(database);
  return applySeedOnce(database.db);
}

/**
 * Applies pending migrations, then gives every live record written before the change feed
 * covered every write its revision (src/modules/revisions/backfill.ts): what a new schema
 * needs in data that SQL alone cannot compute. Reads only, when nothing is missing.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.migrate();
  await backfillRevisions(database.db);
}
