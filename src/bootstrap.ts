// Start-up shared by the server and every CLI: open the configured database, migrate, and seed
// the demo data if the configuration asks for it (the default on PGlite only) and the database
// never had it. A database that was seeded before is only migrated: starts never rewrite it.
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Logger } from './logger.js';
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
      await database.migrate();
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
  await database.migrate();
  return applySeedOnce(database.db);
}
