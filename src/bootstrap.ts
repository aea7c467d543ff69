// Start-up shared by the server and every CLI: open the configured database, migrate, and seed
// it if it is new. A database that was seeded before is only migrated: starts never rewrite it.
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Logger } from './logger.js';
import { applySeedOnce, type SeedOutcome } from './seed/apply-seed.js';

/** Opens the database `npm start` uses from this folder, migrated and (if new) seeded. */
export async function openReadyDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config.database, {
    onPoolError: (error) => logger.warn({ err: error }, 'idle database connection failed'),
  });
  try {
    const { applied, seed } = await prepareDatabase(database);
    if (applied) logger.info({ seed: seed.name, version: seed.version }, 'seed applied');
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Migrates an open database and seeds it unless it has been seeded (tests watch its statements). */
export async function prepareDatabase(database: Database): Promise<SeedOutcome> {
  await database.migrate();
  return applySeedOnce(database.db);
}
