// CLI: create, list and revoke API keys on the configured database (the one `npm start` uses).
import { parseArgs } from 'node:util';
import { openReadyDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../modules/auth/api-keys.service.js';
import { runCli } from './run-cli.js';

const USAGE = `usage:
  npm run keys -- create --role reader|editor|admin --name "Who holds it"
  npm run keys -- list
  npm run keys -- revoke <key id or prefix>`;

await runCli(async (log) => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, target] = positionals;
  const config = loadConfig();
  const database = await openReadyDatabase(config, createLogger('warn'));
  try {
    switch (command) {
      case 'create': {
        const role = values.role?.toUpperCase();
        if (role !== 'READER' && role !== 'EDITOR' && role !== 'ADMIN') {
          throw new Error(`--role must be reader, editor or admin\n${USAGE}`);
        }
        if (!values.name?.trim()) throw new Error(`--name is required\n${USAGE}`);
        const { key, row } = await createApiKey(database.db, {
          name: values.name,
          role,
        });
        log(`Created ${row.role} key "${row.name}" (id ${row.id}).`);
        log(`Key (shown once, store it now): ${key}`);
        break;
      }
      case 'list':
        for (const k of await listApiKeys(database.db)) {
          const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
          log(`${k.id}  ${k.keyPrefix}…  ${k.role.padEnd(6)}  ${state.padEnd(33)}  ${k.name}`);
        }
        break;
      case 'revoke': {
        if (!target) throw new Error(`revoke needs a key id or prefix\n${USAGE}`);
        const row = await revokeApiKey(database.db, target);
        if (!row) throw new Error(`No active key has the id or prefix "${target}"`);
        log(`Revoked key "${row.name}" (${row.keyPrefix}…).`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await database.close();
  }
});
