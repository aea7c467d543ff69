// CLI: applies pending migrations to the configured database (the one `npm start` uses), and
// the change feed's backfill.
import { migrateDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { runCli } from './run-cli.js';

await runCli(async (log) => {
  const database = await openDatabase(loadConfig().database);
  try {
    await migrateDatabase(database);
    log('migrations applied');
  } finally {
    await database.close();
  }
});
