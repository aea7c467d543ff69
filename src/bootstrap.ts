// Start-up shared by the server and every CLI: open the configured database, migrate, seed
// (the Kazan/Mali record and reference data, then the committed SIPRI Sahel excerpt).
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Logger } from './logger.js';
import { seedDatabase } from './seed/seed-database.js';
import { seedSipriExcerpt } from './seed/sipri-excerpt.js';

/** Opens the database `npm start` uses from this folder, migrated and seeded (idempotently). */
export async function openReadyDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config.database, {
    onPoolError: (error) => logger.warn({ err: error }, 'idle database connection failed'),
  });
  try {
    await prepareDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Migrates and seeds an open database (tests pass one that logs its statements). */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedDatabase(database.db);
  await seedSipriExcerpt(database.db);
}
