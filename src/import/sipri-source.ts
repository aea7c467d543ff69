// SIPRI import: the DATASET source record that every imported deal cites, one per release.
import type { InferInsertModel } from 'drizzle-orm';
import type { sources } from '../db/schema.js';
import { naturalKeys, stableUuid } from '../db/stable-id.js';
import type { SipriRegisterMetadata } from './sipri-csv-reader.js';

export const SIPRI_DATABASE_URL = 'https://www.sipri.org/databases/armstransfers';
export const SIPRI_SOURCE_TITLE = 'SIPRI Arms Transfers Database — trade register';

/** Overrides for a file that is not SIPRI's own export, e.g. the excerpt shipped with Armstrail. */
export interface SipriSourceOverride {
  /** Identifies the document; the source ID is derived from it. */
  key: string;
  title: string;
  url?: string | null;
  note?: string;
}

/**
 * The source row for an export. A SIPRI release has no URL of its own and sources.url is
 * unique, so each release gets the database's URL with a fragment naming its generation
 * date (`…/armstransfers#generated-2026-05-18`): still a working link to SIPRI, distinct
 * per release, and the same for two exports of the same release, which then share one
 * source (their rows are the same facts). The ID follows from the URL as for every source.
 */
export function sipriSourceRow(
  metadata: SipriRegisterMetadata,
  override?: SipriSourceOverride,
): InferInsertModel<typeof sources> & { id: string } {
  const { year, month, day, text } = metadata.generatedAt;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const url = override ? (override.url ?? null) : `${SIPRI_DATABASE_URL}#generated-${date}`;
  const id = url ? stableUuid(naturalKeys.source(url)) : stableUuid(`source:${override!.key}`);
  const selection = metadata.preamble[0]?.trim();
  const notes = [
    override?.note,
    `Information from the SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, ${SIPRI_DATABASE_URL}. Data generated: ${text}.`,
    selection ? `Export selection: ${selection}` : undefined,
  ];
  return {
    id,
    kind: 'DATASET',
    title: override?.title ?? SIPRI_SOURCE_TITLE,
    publisher: 'SIPRI',
    url,
    publishedYear: year,
    publishedMonth: month,
    publishedDay: day,
    language: 'en',
    note: notes.filter((n) => n).join('\n'),
  };
}
