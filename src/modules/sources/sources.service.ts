// Source and citation writes: validating citation inputs, recording new sources, attaching citations.
import { and, eq, isNull, sql, type InferInsertModel } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { Db } from '../../db/client.js';
import { citations, sources, type CitationRow, type SourceRow } from '../../db/schema.js';
import type { CitationInput, SourceInput } from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import {
  CITABLE_TYPES,
  citedByColumn,
  RECORD_TYPES,
  type CitableType,
} from '../../graphql/record-types.js';
import {
  validateFuzzyDate,
  validateId,
  validateLanguage,
  validateText,
  validateUrl,
  type InputProblems,
} from '../../graphql/input-validation.js';
import {
  recordRevision,
  tombstone,
  type Author,
  type Change,
  type RevisionEntry,
  type Snapshot,
} from '../revisions/revisions.service.js';
import { refreshSearchDocuments, type SearchScope } from '../search/search.service.js';

type SourceValues = Omit<InferInsertModel<typeof sources>, 'id'>;

/** A validated citation: an existing source's UUID or a new source's values, and what it says. */
export interface ValidCitation {
  sourceId: string | null;
  newSource: SourceValues | null;
  excerpt: string | null;
  translation: string | null;
  locator: string | null;
  stance: CitationRow['stance'];
}

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

export function validateSourceInput(
  input: SourceInput,
  path: string,
  problems: InputProblems,
): SourceValues {
  const published = validateFuzzyDate(input.publicationDate, `${path}.publicationDate`, problems);
  const values: SourceValues = {
    kind: input.kind,
    title: validateText(input.title, `${path}.title`, problems, { max: 1000 }),
    publisher: validateText(input.publisher, `${path}.publisher`, problems, { max: 500 }),
    url: validateUrl(input.url, `${path}.url`, problems),
    archivedUrl: validateUrl(input.archivedUrl, `${path}.archivedUrl`, problems),
    publishedYear: published.year,
    publishedMonth: published.month,
    publishedDay: published.day,
    publishedUncertain: published.uncertain,
    accessedOn: input.accessedOn ?? null,
    language: validateLanguage(input.language, `${path}.language`, problems),
    note: validateText(input.note, `${path}.note`, problems, { max: 5000 }),
  };
  if (!values.title && !values.publisher && !values.url) {
    problems.add(path, 'a source needs at least a title, a publisher or a URL');
  }
  return values;
}

/**
 * Validates citation inputs; `required` makes an empty list a problem (the research rule:
 * new records and changes to stage, parties, dates or quantities must cite a source).
 */
export async function validateCitations(
  inputs: readonly CitationInput[] | null | undefined,
  path: string,
  problems: InputProblems,
  ctx: Context,
  { required }: { required: boolean },
): Promise<ValidCitation[]> {
  const list = inputs ?? [];
  if (required && list.length === 0) {
    problems.add(path, 'at least one citation is required: cite the source that reports this');
  }
  const valid = list.map((input, i) => validateCitation(input, `${path}[${i}]`, problems));
  const existing = await Promise.all(
    valid.map((c) =>
      c.sourceId ? ctx.loaders.sourceById.load(c.sourceId) : Promise.resolve(null),
    ),
  );
  valid.forEach((c, i) => {
    if (c.sourceId && !existing[i]) {
      problems.add(`${path}[${i}].source`, `no Source has the ID "${list[i]?.source ?? ''}"`);
    }
  });
  return valid;
}

function validateCitation(
  input: CitationInput,
  path: string,
  problems: InputProblems,
): ValidCitation {
  const given = (input.source ? 1 : 0) + (input.newSource ? 1 : 0);
  if (given !== 1) problems.add(path, 'give exactly one of source (an ID) or newSource');
  return {
    sourceId: input.source ? validateId('Source', input.source, `${path}.source`, problems) : null,
    newSource: input.newSource
      ? validateSourceInput(input.newSource, `${path}.newSource`, problems)
      : null,
    excerpt: validateText(input.excerpt, `${path}.excerpt`, problems, { max: 5000 }),
    translation: validateText(input.translation, `${path}.translation`, problems, { max: 5000 }),
    locator: validateText(input.locator, `${path}.locator`, problems, { max: 200 }),
    stance: input.stance ?? 'ASSERTS',
  };
}

/** A source's picture in API terms, for its history. */
export function sourceSnapshot(row: SourceRow): Snapshot {
  return {
    kind: row.kind,
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    archivedUrl: row.archivedUrl,
    publicationDate:
      [row.publishedYear, row.publishedMonth, row.publishedDay]
        .filter((p) => p !== null)
        .join('-') || null,
    accessedOn: row.accessedOn,
    language: row.language,
    note: row.note,
  };
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
    after: sourceSnapshot(row!),
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
    const sourceId = c.sourceId ?? (await createSource(tx, c.newSource!, author, reason)).id;
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
      after: {
        source: toGlobalId('Source', sourceId),
        target: target.id,
        excerpt: c.excerpt,
        translation: c.translation,
        locator: c.locator,
        stance: c.stance,
      },
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
    snapshot: (_tx, citation) => ({
      source: toGlobalId('Source', citation.sourceId),
      excerpt: citation.excerpt,
      stance: citation.stance,
    }),
    searchScope: (citation) => citedRecordsScope(citationTarget(citation), [citation.sourceId]),
  });
}

/** Deletes a source no live citation uses; delete (or move) its citations first. */
export async function deleteSource(tx: Db, sourceId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Source', sourceId, change, {
    snapshot: (_tx, source) => sourceSnapshot(source),
    stillUsed: async (tx, id) => {
      const [cited] = await tx
        .select({ id: citations.id })
        .from(citations)
        .where(and(eq(citations.sourceId, id), isNull(citations.deletedAt)))
        .limit(1);
      return cited ? 'The source is still cited: delete its citations first' : null;
    },
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
