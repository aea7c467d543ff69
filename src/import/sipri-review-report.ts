// SIPRI import: the review report (`import:sipri --report FILE`), one CSV line per decision a
// researcher may want to check: matches other than by key, ambiguities, retirements.
import { stringify } from 'csv-stringify/sync';
import type { SipriReviewEntry } from './import-sipri-register.js';

const COLUMNS: { key: keyof SipriReviewEntry; header: string }[] = [
  { key: 'action', header: 'action' },
  { key: 'match', header: 'match' },
  { key: 'line', header: 'line in this file' },
  { key: 'recipient', header: 'recipient' },
  { key: 'supplier', header: 'supplier' },
  { key: 'designation', header: 'designation' },
  { key: 'orderYear', header: 'year of order' },
  { key: 'numberOrdered', header: 'number ordered' },
  { key: 'dealId', header: 'deal (UUID)' },
  { key: 'reason', header: 'reason' },
];

/** The report as UTF-8 CSV text with a header line; empty fields where nothing applies. */
export function reviewReportCsv(entries: readonly SipriReviewEntry[]): string {
  return stringify(
    entries.map((e) => COLUMNS.map((c) => e[c.key] ?? '')),
    { header: true, columns: COLUMNS.map((c) => c.header) },
  );
}
