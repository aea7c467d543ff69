// The state tests/sipri-registers.test.ts builds and its parts read: one database through the
// API, with what each import reported. Filled in by the chain's hooks, read inside tests.
import type { SipriImportSummary } from '../../src/import/import-sipri-register.js';
import type { TestApi } from '../support/test-api.js';

export interface RegisterChain {
  api: TestApi;
  /** The 2024 register's first import. */
  first: SipriImportSummary;
  release2024: string;
  /** Deals in the database just before the 2026 import. */
  dealsBefore2026: number;
  /** The 2026 register imported over 2024. */
  update: SipriImportSummary;
  release2026: string;
}

/** SIPRI import tests wait on whole registers: minutes on a loaded machine. */
export const LONG = 600_000;
