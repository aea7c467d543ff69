// Source and citation writes: recording new sources, attaching citations, deleting either.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { anyRow } from '../../db/versioned.js';
import { citations, sources, type CitationRow, type SourceRow } from '../../db/schema.js';
import {
  CITABLE_TYPES,
  citedByColumn,
  RECORD_TYPES,
  type CitableType,
} from '../../graphql/record-types.js';
import {
  recordRevision,
  tombstone,
  snapshotOf,
  type Author,
  type Change,
  type RevisionEntry,
} from '../revisions/revisions.service.js';
import { refreshSearchDocuments, type SearchScope } from '../search/search.service.js';
import type { SourceValues, ValidCitation } from './sources.input.js';

export type { ValidCitation } from './sources.input.js';

/** The record a citation supports. */
export interface CitationTarget {
  type: CitableType;
  id: string;
}

/** The record a stored citation supports: the one of its target columns that is set. */
export function citationTarget(c: CitationRow): CitationTarget {
  for (const type of CITABLE_TYPES) {
    const id = c[citedByColumn(type)];
    if (id) return { type, id };
  }
  throw new Error(`Citation ${c.id} has no target`);
}

export async function createSource(
  tx: Db,
  values: SourceValues,
  author: Author,
  reason: string | null,
): Promise<SourceRow> {
  const [row] = await tx.insert(sources).values(values).returning();
  await recordRevision(tx, {
    recordType: 'Source',
    recordId: row!.id,
    action: 'CREATE',
    author,
    reason,
    before: null,
    after: await snapshotOf(tx, 'Source', row!.id),
  });
  await refreshSearchDocuments(tx, { sources: [row!.id] });
  return row!;
}

/**
 * Records new sources and attaches every citation to `target`, with a revision each;
 * returns the cited sources' UUIDs, for the revision of the change they support.
 */
export async function attachCitations(
  tx: Db,
  target: CitationTarget,
  list: ValidCitation[],
  author: Author,
  reason: string | null,
): Promise<{ sourceIds: string[]; citations: CitationRow[] }> {
  const sourceIds: string[] = [];
  const rows: CitationRow[] = [];
  for (const c of list) {
    const sourceId =
      'id' in c.source ? c.source.id : (await createSource(tx, c.source.values, author, reason)).id;
    const [row] = await tx
      .insert(citations)
      .values({
        [citedByColumn(target.type)]: target.id,
        sourceId,
        excerpt: c.excerpt,
        translation: c.translation,
        locator: c.locator,
        stance: c.stance,
      })
      .returning();
    await recordRevision(tx, {
      recordType: 'Citation',
      recordId: row!.id,
      action: 'CREATE',
      author,
      reason,
      before: null,
      after: await snapshotOf(tx, 'Citation', row!.id),
      sourceIds: [sourceId],
    });
    sourceIds.push(sourceId);
    rows.push(row!);
  }
  if (rows.length > 0) await refreshSearchDocuments(tx, citedRecordsScope(target, sourceIds));
  return { sourceIds, citations: rows };
}

/**
 * Attaches a change's citations, then records the change's revision citing their sources:
 * the one way a write says where its facts come from.
 */
export async function recordCitedChange(
  tx: Db,
  list: ValidCitation[],
  entry: Omit<RevisionEntry, 'sourceIds'> & { recordType: CitableType },
): Promise<void> {
  const target = { type: entry.recordType, id: entry.recordId };
  const { sourceIds } = await attachCitations(tx, target, list, entry.author, entry.reason);
  await recordRevision(tx, { ...entry, sourceIds });
}

/** Marks a citation deleted; the record it supported keeps its other citations. */
export async function deleteCitation(tx: Db, citationId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Citation', citationId, change, {
    searchScope: (citation) => citedRecordsScope(citationTarget(citation), [citation.sourceId]),
  });
}

/** Deletes a source no live citation uses; delete (or move) its citations first. */
export async function deleteSource(tx: Db, sourceId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Source', sourceId, change, {
    stillUsed: async (tx, id) =>
      (await anyRow(tx, citations, and(eq(citations.sourceId, id), isNull(citations.deletedAt))))
        ? 'The source is still cited: delete its citations first'
        : null,
  });
}

/** Excerpts show in the cited record's search document (an event's: its deal's) and in the source's. */
function citedRecordsScope({ type, id }: CitationTarget, sourceIds: string[]): SearchScope {
  const { searchScope } = RECORD_TYPES[type] as { searchScope?: keyof SearchScope };
  return {
    sources: sourceIds,
    ...(searchScope
      ? { [searchScope]: [id] }
      : { deals: sql`select deal_id from deal_events where id = ${id}::uuid` }),
  };
}
