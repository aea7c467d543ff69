// Seeding: imports the committed SIPRI excerpt (Sahel recipients, 2026 export) into the default database.
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import { importSipriRegister, type SipriImportSummary } from '../import/import-sipri-register.js';

export const SIPRI_EXCERPT_FILE = fileURLToPath(
  new URL('../../seed-data/sipri-trade-register-sahel-generated-2026-05-18.csv', import.meta.url),
);

/**
 * The excerpt's release ID (sipri_releases.id): derived from the export's content (see
 * describeRelease in import-sipri-register.ts), so the same in every database seeded with it.
 * GraphiQL's release-diff example names it; tests/graphiql-examples.test.ts checks it.
 */
export const SIPRI_EXCERPT_RELEASE_ID = '3e7d200a-3490-5d28-9353-243936e953f0';

/**
 * Imports the excerpt described in seed-data/README.md. Idempotent: a second call finds every
 * row unchanged and writes nothing. The excerpt is cited as its own source, because its row
 * numbers are not those of SIPRI's full export (which, when imported too, is cited beside it).
 */
export async function seedSipriExcerpt(db: Db): Promise<SipriImportSummary> {
  return importSipriRegister(db, SIPRI_EXCERPT_FILE, {
    source: {
      key: 'sipri-excerpt:sahel:2026-05-18',
      title:
        'SIPRI Arms Transfers Database — trade register (Sahel excerpt shipped with Armstrail)',
      url: null,
      note:
        'Rows of the SIPRI trade-register export generated 18 May 2026 whose recipient is Mali, ' +
        'Burkina Faso, Niger, Chad or Mauritania (seed-data/ in the Armstrail repository).',
    },
  });
}
