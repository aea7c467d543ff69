// CLI: migrates the configured database (the one `npm start` uses) and seeds it if it never
// was; a database that has the seed is left as it is, edits of seeded records included.
import { prepareDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { runCli } from './run-cli.js';

await runCli(async (log) => {
  const database = await openDatabase(loadConfig().database);
  try {
    const { applied, seed } = await prepareDatabase(database);
    const name = `seed ${seed.name} version ${seed.version}`;
    log(
      applied
        ? `${name} applied`
        : `${name} was already applied on ${seed.appliedAt.toISOString()}; nothing written`,
    );
  } finally {
    await database.close();
  }
});
