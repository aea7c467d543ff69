// SIPRI's whole registers, imported once for every test that needs them: the 2024 register, then
// the 2026 one over it, as a researcher's yearly update. An import of either takes 20–30 s on
// PGlite; the conformance, transferVolumes, release and platform-family tests each imported them
// on their own (seven imports where two do). The parts live in tests/sipri-registers/ and run in order here.
import { afterAll, beforeAll, describe } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import { conformsIn2024, conformsIn2026 } from './sipri-registers/conformance.js';
import { familiesIn2026 } from './sipri-registers/families-2026.js';
import type { RegisterChain } from './sipri-registers/chain.js';
import { releaseUpdate } from './sipri-registers/release-update.js';
import { volumesIn2024 } from './sipri-registers/volumes-2024.js';
import { yearlyRowsAddUp } from './sipri-registers/yearly-rows.js';
import {
  EXPORTS_TABLE_2024,
  IMPORTS_TABLE_2024,
  REGISTER_2024,
  REGISTER_2026,
  SHARED_DATA,
  sharedDataPresent,
} from './support/sipri-data.js';
import { createTestApi } from './support/test-api.js';
import { count } from './import/support.js';

const present = sharedDataPresent(
  REGISTER_2024,
  REGISTER_2026,
  IMPORTS_TABLE_2024,
  EXPORTS_TABLE_2024,
);
if (!present) {
  console.warn(
    `SIPRI register tests skipped: the real exports are not in ${SHARED_DATA} (see SOURCES.md there).`,
  );
}

const LONG = 600_000;

describe.skipIf(!present)('SIPRI registers: 2024, then 2026 over it', () => {
  const chain = {} as RegisterChain;

  beforeAll(async () => {
    chain.api = await createTestApi();
    chain.first = await importSipriRegister(chain.api.database.db, REGISTER_2024);
    chain.release2024 = toGlobalId('SipriRelease', chain.first.releaseId);
  }, LONG);
  afterAll(() => chain.api?.close());

  describe('the 2024 register', () => {
    volumesIn2024(chain);
    yearlyRowsAddUp(chain, REGISTER_2024, '2024');
    // Last: it imports the same file again.
    conformsIn2024(chain);
  });

  describe('then the 2026 register', () => {
    beforeAll(async () => {
      chain.dealsBefore2026 = await count(chain.api.database.db, 'deals');
      chain.update = await importSipriRegister(chain.api.database.db, REGISTER_2026);
      chain.release2026 = toGlobalId('SipriRelease', chain.update.releaseId);
    }, LONG);

    conformsIn2026(chain);
    familiesIn2026(chain);
    yearlyRowsAddUp(chain, REGISTER_2026, '2026');
    // Last: it imports the same file again.
    releaseUpdate(chain);
  });
});
