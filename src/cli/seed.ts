// CLI: migrates and seeds the configured database (the one `npm start` uses); idempotent.
import { openReadyDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { runCli } from './run-cli.js';

await runCli(async (log) => {
  const config = loadConfig();
  const database = await openReadyDatabase(config, createLogger(config.logLevel));
  await database.close();
  log('database migrated and seeded');
});
