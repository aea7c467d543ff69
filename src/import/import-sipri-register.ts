// SIPRI import, orchestration: reads an export (a release), matches its rows to the deals
// already imported, and writes the release, its rows, the deals it adds, changes or retires,
// in one transaction. Entry point for the CLI, the seed and the tests.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { uuidArray } from '../db/fragments.js';
import { actors, citations, deals, platforms, sipriReleases, sources } from '../db/schema.js';
import { stableUuid } from '../db/stable-id.js';
import { bumpVersion } from '../db/versioned.js';
import {
  loadSnapshots,
  recordWritten,
  type BatchAuthor,
  type Snapshot,
  type WrittenRecord,
} from '../modules/revisions/revisions.service.js';
import { refreshSearchDocuments } from '../modules/search/search.service.js';
import { placePlatformFamilies } from './platform-families.js';
import { linkVariantPlatforms, variantLinkDeals } from './platform-variants.js';
import { IDS_PER_STATEMENT, inChunks, writeRows } from './sipri-batch-writer.js';
import { categorizeSipriDescription } from './sipri-categories.js';
import {
  openSipriRegister,
  type SipriBadRecord,
  type SipriGeneratedAt,
  type SipriInput,
  type SipriRawRecord,
  type SipriRegisterMetadata,
} from './sipri-csv-reader.js';
import { sipriDealKey, sipriIds } from './sipri-deal-key.js';
import { mergeSipriChange, signature, sipriValues } from './sipri-deal-values.js';
import { canonicalDesignation } from './sipri-designations.js';
import {
  ACTOR_ALIASES,
  ACTORS,
  CITATIONS,
  DEAL_ITEMS,
  DEALS,
  PLATFORM_ALIASES,
  PLATFORMS,
  SIPRI_ROWS,
  type CitationInsert,
  type DealInsert,
  type DealRevisionPlan,
  type ItemInsert,
  type SipriRowInsert,
} from './sipri-import-tables.js';
import { SipriFileError, SipriInputError, type SipriInputProblem } from './sipri-input-error.js';
import { SipriLookups } from './sipri-lookups.js';
import { resolveSipriActor } from './sipri-names.js';
import { matchRelease, type MatchKind, type MatchRecord } from './sipri-release-matching.js';
import {
  findReleaseByContent,
  findReleaseWithoutRows,
  loadSipriDeals,
  matchRecord,
  ReleaseCoverage,
  type ExistingSipriDeal,
} from './sipri-release-store.js';
import { parseSipriRow, type SipriRow } from './sipri-row.js';
import { sipriSourceRow, type SipriSourceOverride } from './sipri-source.js';
import type { SipriEncoding } from './sipri-text-encoding.js';

export interface SipriImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number | null;
}

export type SipriReleaseScope = 'FULL_REGISTER' | 'EXCERPT';

export interface SipriImportOptions {
  /** Skip malformed records (each is reported) instead of stopping with nothing written. */
  skipInvalid?: boolean;
  /** Called every `batchSize` rows read; cheap enough to redraw a progress bar. */
  onProgress?: (progress: SipriImportProgress) => void;
  /** Describe the file as a document of its own rather than SIPRI's export (the seed excerpt). */
  source?: SipriSourceOverride;
  /** Rows between progress reports. */
  batchSize?: number;
  /**
   * 'latin1' (SIPRI's own exports; the default) or 'utf8' (a re-save). A file that shows the
   * marks of the other encoding is refused, never imported as mojibake.
   */
  encoding?: SipriEncoding;
  /** The file's name as the release records it; the path's last part by default. */
  fileName?: string;
  /**
   * What the export speaks for. By default a SIPRI export "from All countries to All
   * countries" is the FULL_REGISTER, and anything else (an override source, a selection) an
   * EXCERPT that speaks only for the recipients it holds.
   */
  scope?: SipriReleaseScope;
}

/** A SIPRI deal that this release no longer contains, retired (never deleted). */
export interface SipriRetiredDeal {
  dealId: string;
  importKey: string;
}

/** One line of the review report: a match other than by key, an ambiguity, a retirement. */
export interface SipriReviewEntry {
  action: 'MATCHED' | 'AMBIGUOUS' | 'RETIRED';
  match: MatchKind | null;
  dealId: string | null;
  /** Line of the row in this file, when a row is involved. */
  line: number | null;
  recipient: string;
  supplier: string;
  designation: string;
  orderYear: number | null;
  numberOrdered: number | null;
  reason: string;
}

export interface SipriImportSummary {
  generatedAt: SipriGeneratedAt;
  sourceId: string;
  sourceCreated: boolean;
  releaseId: string;
  scope: SipriReleaseScope;
  /** The same content was imported before: nothing was written. */
  alreadyImported: boolean;
  /** Records read after the header, valid or not (a record split over two lines counts once). */
  rowsRead: number;
  /** Rows matched to an existing deal, by kind, and rows that became new deals. */
  matches: Record<MatchKind | 'NEW_DEAL', number>;
  /** Rows left unmatched because several candidates fitted equally well. */
  ambiguousRows: number;
  dealsAdded: number;
  /** New deals of an older release, absent from a newer one: added already retired. */
  dealsAddedRetired: number;
  dealsUpdated: number;
  dealsUnchanged: number;
  dealsRestored: number;
  /** Rows of an older release matched to deals that a newer release shows: history only. */
  historyRows: number;
  actorsCreated: number;
  platformsCreated: number;
  citationsAdded: number;
  citationsUpdated: number;
  skipped: SipriInputProblem[];
  retired: SipriRetiredDeal[];
  review: SipriReviewEntry[];
  durationMs: number;
}

const DEFAULT_BATCH_SIZE = 2000;

// Deals per search-document rebuild at the end of an import: chunks keep memory bounded.
const SEARCH_REFRESH_CHUNK = 2000;

/** A row read from the file, with what it resolved to. */
interface ResolvedRow {
  row: SipriRow;
  fields: string[];
  recipientName: string;
  supplierName: string;
  deal: DealInsert;
  item: Omit<ItemInsert, 'id' | 'dealId'>;
  signature: string;
  match: MatchRecord;
  baseKey: string;
}

interface Release {
  id: string;
  sourceId: string;
  generatedOn: string;
  generatedText: string;
  fileName: string;
  scope: SipriReleaseScope;
  recipientIds: string[] | null;
}

/**
 * Imports a SIPRI trade-register export as a release. All or nothing: one transaction, and a
 * malformed record throws a SipriInputError (line, field, value) that rolls everything back —
 * unless `skipInvalid`, which imports the rest and lists what it skipped.
 *
 * Each row is matched to the deal it describes (src/import/sipri-release-matching.ts) and kept
 * as a row of its release. When the release is the newest covering a deal, the deal shows its
 * values, changed only where SIPRI changed them; a SIPRI deal the release covers but no longer
 * contains is retired. An older release adds history without changing what deals show. The
 * same content imported again writes nothing.
 */
export async function importSipriRegister(
  db: Db,
  input: SipriInput,
  options: SipriImportOptions = {},
): Promise<SipriImportSummary> {
  const started = performance.now();
  const register = await openSipriRegister(input, { encoding: options.encoding });
  const source = sipriSourceRow(register.metadata, options.source);
  const summary = emptySummary(register.metadata.generatedAt, source.id);
  try {
    const { rows, contentSha256 } = await readRows(register, options, summary);
    return await db.transaction(async (tx) => {
      const { sourceId, created } = await ensureSource(tx, source);
      summary.sourceId = sourceId;
      summary.sourceCreated = created;
      const known = await findReleaseByContent(tx, contentSha256);
      if (known) {
        summary.releaseId = known;
        summary.alreadyImported = true;
        summary.dealsUnchanged = rows.length;
        summary.durationMs = Math.round(performance.now() - started);
        return summary;
      }
      const lookups = await SipriLookups.load(tx);
      const resolved = rows.map((r) => resolveRow(r.row, r.fields, lookups));
      const release = describeRelease(register.metadata, options, resolved, {
        sourceId,
        contentSha256,
        input,
      });
      // A release imported before rows were kept (migration 0004) is this one: it takes over.
      release.id = (await findReleaseWithoutRows(tx, sourceId, release.scope)) ?? release.id;
      summary.releaseId = release.id;
      summary.scope = release.scope;

      const coverage = await ReleaseCoverage.load(tx);
      coverage.add(release);
      const existing = await loadSipriDeals(tx);
      const plan = planRelease(release, resolved, existing, coverage, summary);
      const importer: BatchAuthor = {
        author: { keyId: null, name: importAuthor(release) },
        sourceIds: [sourceId],
      };

      // What the release may change, as it was: the deals it updates or retires, and every
      // actor and platform (SIPRI's spellings become aliases, the rules place families).
      const before = {
        deals: await loadSnapshots(
          tx,
          'Deal',
          plan.revisions.filter((r) => r.action !== 'CREATE').map((r) => r.dealId),
        ),
        actors: await loadSnapshots(tx, 'Actor', await liveIds(tx, actors)),
        platforms: await loadSnapshots(tx, 'Platform', await liveIds(tx, platforms)),
      };

      // Referenced rows first: actors and platforms, the release, then what points at them.
      const refs = lookups.takePending();
      await writeRows(tx, ACTORS, refs.actors);
      await writeRows(tx, ACTOR_ALIASES, refs.actorAliases);
      await writeRows(tx, PLATFORMS, refs.platforms);
      await writeRows(tx, PLATFORM_ALIASES, refs.platformAliases);
      const releaseRow = {
        id: release.id,
        sourceId,
        generatedOn: release.generatedOn,
        generatedText: release.generatedText,
        fileName: release.fileName,
        contentSha256,
        rowCount: resolved.length,
        scope: release.scope,
        recipientIds: release.recipientIds,
        matchCounts: {
          ...summary.matches,
          ambiguous: summary.ambiguousRows,
          retired: plan.retire.length,
        },
      };
      await tx
        .insert(sipriReleases)
        .values(releaseRow)
        .onConflictDoUpdate({ target: sipriReleases.id, set: releaseRow });
      await writeRows(tx, DEALS, plan.deals);
      await writeRows(tx, DEAL_ITEMS, plan.items);
      await writeRows(tx, SIPRI_ROWS, plan.rows);
      await writeCitations(tx, plan, sourceId, release, summary, importer);
      await retireDeals(
        tx,
        plan.retire.map((e) => e.dealId),
        release.id,
      );
      await pointDealsAt(tx, plan.pointToRelease, release.id);

      // Every platform a rule may place, not only this import's: a platform imported before a
      // rule existed gets it too. An editor's choice is kept.
      await placePlatformFamilies(tx, { write: true });
      // Then the variants SIPRI's comments name, which the family tree just placed may allow;
      // a deal the release does not otherwise change gets a revision for its new link.
      const relinked = (await variantLinkDeals(tx)).filter(
        (id) => !before.deals.has(id) && !plan.created.has(id),
      );
      for (const [id, snapshot] of await loadSnapshots(tx, 'Deal', relinked)) {
        before.deals.set(id, snapshot);
        plan.revisions.push({
          dealId: id,
          action: 'UPDATE',
          reason: `Variant linked by the import's rule after ${releaseName(release)}`,
        });
      }
      await linkVariantPlatforms(tx);
      await recordImportRevisions(tx, { release, plan, refs, before, importer, created, sourceId });
      await refreshSearch(tx, refs, plan.touched, created ? sourceId : null);

      summary.actorsCreated = lookups.actorsCreated;
      summary.platformsCreated = lookups.platformsCreated;
      summary.durationMs = Math.round(performance.now() - started);
      return summary;
    });
  } finally {
    // Stops reading (and closes the file) when the import ends early.
    await register.records.return(undefined);
  }
}

function emptySummary(generatedAt: SipriGeneratedAt, sourceId: string): SipriImportSummary {
  return {
    generatedAt,
    sourceId,
    sourceCreated: false,
    releaseId: '',
    scope: 'FULL_REGISTER',
    alreadyImported: false,
    rowsRead: 0,
    matches: { SAME_KEY: 0, RESPELLED: 0, RENAMED: 0, CORRECTED: 0, NEW_DEAL: 0 },
    ambiguousRows: 0,
    dealsAdded: 0,
    dealsAddedRetired: 0,
    dealsUpdated: 0,
    dealsUnchanged: 0,
    dealsRestored: 0,
    historyRows: 0,
    actorsCreated: 0,
    platformsCreated: 0,
    citationsAdded: 0,
    citationsUpdated: 0,
    skipped: [],
    retired: [],
    review: [],
    durationMs: 0,
  };
}

/**
 * Reads every record first: matching needs all rows of a supplier–recipient pair before it
 * decides (a register is ~30,000 rows, ~40 MB in memory). The content hash covers the
 * preamble and the decoded fields, so a UTF-8 re-save of a file is the same content.
 */
async function readRows(
  register: Awaited<ReturnType<typeof openSipriRegister>>,
  options: SipriImportOptions,
  summary: SipriImportSummary,
): Promise<{ rows: { row: SipriRow; fields: string[] }[]; contentSha256: string }> {
  const hash = createHash('sha256').update(JSON.stringify(register.metadata.preamble));
  const rows: { row: SipriRow; fields: string[] }[] = [];
  const every = options.batchSize ?? DEFAULT_BATCH_SIZE;
  for await (const record of register.records) {
    summary.rowsRead += 1;
    const row = parseOrSkip(record, options.skipInvalid === true, summary);
    if (row && 'fields' in record) {
      hash.update(JSON.stringify(record.fields));
      rows.push({ row, fields: record.fields });
    }
    if (summary.rowsRead % every === 0) report(register, summary, options);
  }
  if (summary.rowsRead === 0) throw headerOnly(register.metadata.headerLine);
  report(register, summary, options);
  return { rows, contentSha256: hash.digest('hex') };
}

function report(
  register: Awaited<ReturnType<typeof openSipriRegister>>,
  summary: SipriImportSummary,
  options: SipriImportOptions,
): void {
  options.onProgress?.({
    rowsRead: summary.rowsRead,
    bytesRead: register.bytesRead(),
    bytesTotal: register.bytesTotal,
  });
}

/** An export that ends at its header would otherwise retire every imported deal. */
function headerOnly(headerLine: number): SipriFileError {
  return new SipriFileError({
    line: headerLine,
    field: 'record',
    value: '',
    reason:
      'found no data rows after the header: the export selected no transfers, or the file was cut short. Export again with a selection that has transfers',
  });
}

function parseOrSkip(
  record: SipriRawRecord | SipriBadRecord,
  skipInvalid: boolean,
  summary: SipriImportSummary,
): SipriRow | null {
  try {
    if ('error' in record) throw record.error;
    return parseSipriRow(record);
  } catch (error) {
    const skippable = error instanceof SipriInputError && !(error instanceof SipriFileError);
    if (!skippable || !skipInvalid) throw error;
    summary.skipped.push(error.toProblem());
    return null;
  }
}

function resolveRow(row: SipriRow, fields: string[], lookups: SipriLookups): ResolvedRow {
  const recipientId = lookups.actorFor(row.recipient);
  const supplierId = lookups.actorFor(row.supplier);
  const designation = canonicalDesignation(row.designation);
  const category = categorizeSipriDescription(row.description);
  const platformId = lookups.platformFor(designation, row.designation, category, row.description);
  const values = sipriValues(row, { supplierId, recipientId, platformId });
  return {
    row,
    fields,
    recipientName: row.recipient,
    supplierName: row.supplier,
    deal: { id: '', ...values.deal },
    item: values.item,
    signature: signature(values.deal, values.item),
    match: matchRecord({ ...values.deal, ...values.item, designation: row.designation }),
    baseKey: sipriDealKey({
      recipientKey: resolveSipriActor(row.recipient).key,
      supplierKey: resolveSipriActor(row.supplier).key,
      orderYear: row.orderYear,
      designation,
      numberOrdered: row.numberOrdered,
    }),
  };
}

const EVERYONE = /from all countries\s+to all countries/i;

function describeRelease(
  metadata: SipriRegisterMetadata,
  options: SipriImportOptions,
  rows: ResolvedRow[],
  ids: { sourceId: string; contentSha256: string; input: SipriInput },
): Release {
  const selection = metadata.preamble[0] ?? '';
  const scope: SipriReleaseScope =
    options.scope ?? (options.source || !EVERYONE.test(selection) ? 'EXCERPT' : 'FULL_REGISTER');
  const { year, month, day, text } = metadata.generatedAt;
  return {
    id: stableUuid(`sipri-release:${ids.contentSha256}`),
    sourceId: ids.sourceId,
    generatedOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    generatedText: text,
    fileName:
      options.fileName ?? (typeof ids.input === 'string' ? basename(ids.input) : '(stream)'),
    scope,
    recipientIds:
      scope === 'EXCERPT' ? [...new Set(rows.map((r) => r.deal.recipientId))].sort() : null,
  };
}

interface ReleasePlan {
  deals: DealInsert[];
  items: ItemInsert[];
  rows: SipriRowInsert[];
  revisions: DealRevisionPlan[];
  /** Deals this release adds. */
  created: Set<string>;
  /** Deals this release speaks for, with the line that cites them. */
  cited: { dealId: string; line: number }[];
  retire: ExistingSipriDeal[];
  /** Deals whose values stay but whose newest release is now this one. */
  pointToRelease: string[];
  touched: Set<string>;
}

/** Decides, for every row and every existing deal, what this release changes. */
function planRelease(
  release: Release,
  rows: ResolvedRow[],
  existing: ExistingSipriDeal[],
  coverage: ReleaseCoverage,
  summary: SipriImportSummary,
): ReleasePlan {
  const plan: ReleasePlan = {
    deals: [],
    items: [],
    rows: [],
    revisions: [],
    created: new Set(),
    cited: [],
    retire: [],
    pointToRelease: [],
    touched: new Set(),
  };
  const name = releaseName(release);
  const result = matchRelease(
    rows.map((r) => r.match),
    existing.map((e) => e.match),
  );
  const matchedDeals = new Set<number>();
  const rowMatch = new Map<number, { deal: number; kind: MatchKind; note: string | null }>();
  for (const m of result.matches) {
    rowMatch.set(m.row, m);
    matchedDeals.add(m.deal);
  }
  const keys = new OccurrenceNumbers(existing.map((e) => e.importKey));

  rows.forEach((r, index) => {
    const found = rowMatch.get(index);
    const keep = (dealId: string, match: MatchKind | 'NEW_DEAL', note: string | null) => {
      plan.rows.push({
        releaseId: release.id,
        line: r.row.line,
        fields: r.fields,
        dealId,
        match,
        matchNote: note,
        ...r.deal,
        ...r.item,
        arrangement: r.deal.arrangement ?? 'UNKNOWN',
        orderYear: r.row.orderYear,
        deliveryYears: r.row.deliveryYears,
      });
      summary.matches[match] += 1;
    };
    if (!found) {
      // A new transfer — or one of an older release that a newer one no longer lists.
      const newest = coverage.newestFor(r.deal.recipientId);
      const retiredBy = newest && newest.generatedOn > release.generatedOn ? newest.id : null;
      const importKey = keys.next(r.baseKey);
      const dealId = sipriIds.deal(importKey);
      plan.deals.push({
        ...r.deal,
        id: dealId,
        importKey,
        sipriReleaseId: release.id,
        retiredAt: retiredBy ? new Date() : null,
        retiredByReleaseId: retiredBy,
      });
      plan.items.push({ ...r.item, id: sipriIds.item(importKey), dealId, position: 0 });
      plan.revisions.push({
        dealId,
        action: 'CREATE',
        reason: retiredBy
          ? `Imported from row ${r.row.line} of ${name}; retired at once, as a newer release no longer lists it`
          : `Imported from row ${r.row.line} of ${name}`,
      });
      plan.created.add(dealId);
      if (retiredBy) summary.dealsAddedRetired += 1;
      else summary.dealsAdded += 1;
      plan.cited.push({ dealId, line: r.row.line });
      plan.touched.add(dealId);
      keep(dealId, 'NEW_DEAL', null);
      return;
    }
    const deal = existing[found.deal]!;
    keep(deal.dealId, found.kind, found.note);
    if (found.kind !== 'SAME_KEY') {
      summary.review.push(reviewEntry('MATCHED', found.kind, deal.dealId, r, found.note ?? ''));
    }
    if (deal.deleted) return; // An editor deleted it: the row is kept as history only.
    plan.cited.push({ dealId: deal.dealId, line: r.row.line });
    if (
      !coverage.showsOver(release, deal.releaseId) ||
      // A deal retired by a newer release than this one stays retired: the release that
      // listed it last is older than the one that dropped it.
      (deal.retiredByReleaseId !== null && !coverage.showsOver(release, deal.retiredByReleaseId))
    ) {
      summary.historyRows += 1;
      return;
    }
    if (r.signature === deal.published && !deal.retired) {
      // SIPRI changed nothing: the deal keeps its values, an editor's included.
      summary.dealsUnchanged += 1;
      if (deal.releaseId !== release.id) plan.pointToRelease.push(deal.dealId);
      return;
    }
    // Only the fields SIPRI changed move: an editor's correction of another field stays.
    const merged = mergeSipriChange(deal.current, deal.published, r.signature);
    if (merged.signature === deal.current && !deal.retired) {
      // SIPRI now says what an editor had already set: nothing to write.
      summary.dealsUnchanged += 1;
      plan.pointToRelease.push(deal.dealId);
      return;
    }
    plan.deals.push({
      ...r.deal,
      ...merged.deal,
      id: deal.dealId,
      importKey: deal.importKey,
      sipriReleaseId: release.id,
      retiredAt: null,
      retiredByReleaseId: null,
    });
    plan.items.push({
      ...r.item,
      ...merged.item,
      id: deal.itemId ?? sipriIds.item(deal.importKey),
      dealId: deal.dealId,
      position: 0,
    });
    plan.revisions.push({
      dealId: deal.dealId,
      action: 'UPDATE',
      reason:
        `Row ${r.row.line} of ${name}` +
        (found.kind === 'SAME_KEY'
          ? ''
          : `, matched as ${found.kind.toLowerCase()}: ${found.note}`) +
        (deal.retired ? '; listed again, so no longer retired' : ''),
    });
    if (deal.retired) summary.dealsRestored += 1;
    else summary.dealsUpdated += 1;
    plan.touched.add(deal.dealId);
  });

  for (const a of result.ambiguous) {
    summary.ambiguousRows += a.rows.length;
    for (const i of a.rows) {
      summary.review.push(reviewEntry('AMBIGUOUS', null, null, rows[i]!, a.reason));
    }
  }

  existing.forEach((deal, index) => {
    if (matchedDeals.has(index) || deal.deleted || deal.retired) return;
    const recipientId = deal.match.pair.split('|')[1]!;
    if (release.recipientIds && !release.recipientIds.includes(recipientId)) return;
    if (!coverage.showsOver(release, deal.releaseId)) return;
    plan.retire.push(deal);
    summary.retired.push({ dealId: deal.dealId, importKey: deal.importKey });
    summary.review.push({
      action: 'RETIRED',
      match: null,
      dealId: deal.dealId,
      line: null,
      recipient: deal.recipientName,
      supplier: deal.supplierName,
      designation: deal.match.designation,
      orderYear: deal.match.orderYear,
      numberOrdered: deal.match.numberOrdered,
      reason: `not in ${name}`,
    });
    plan.revisions.push({
      dealId: deal.dealId,
      action: 'RETIRE',
      reason: `Not in ${name}, which covers it: kept, with its history, but left out of default views`,
    });
    plan.touched.add(deal.dealId);
  });
  return plan;
}

function reviewEntry(
  action: SipriReviewEntry['action'],
  match: MatchKind | null,
  dealId: string | null,
  r: ResolvedRow,
  reason: string,
): SipriReviewEntry {
  return {
    action,
    match,
    dealId,
    line: r.row.line,
    recipient: r.recipientName,
    supplier: r.supplierName,
    designation: r.row.designation,
    orderYear: r.row.orderYear,
    numberOrdered: r.row.numberOrdered,
    reason,
  };
}

/** Occurrence numbers for new keys: the next free `#n` after those already taken. */
class OccurrenceNumbers {
  private readonly highest = new Map<string, number>();

  constructor(importKeys: string[]) {
    for (const key of importKeys) {
      const m = /^sipri:(.*)#(\d+)$/.exec(key);
      if (m) this.highest.set(m[1]!, Math.max(this.highest.get(m[1]!) ?? 0, Number(m[2])));
    }
  }

  next(baseKey: string): string {
    const n = (this.highest.get(baseKey) ?? 0) + 1;
    this.highest.set(baseKey, n);
    return `sipri:${baseKey}#${n}`;
  }
}

/**
 * Each deal the release speaks for cites its source once, at the row's line. A full register
 * supersedes the excerpt of the same day: the deal's citation of the excerpt is removed, so
 * that SIPRI's data is not cited twice for one release.
 */
async function writeCitations(
  db: Db,
  plan: ReleasePlan,
  sourceId: string,
  release: Release,
  summary: SipriImportSummary,
  importer: BatchAuthor,
): Promise<void> {
  const dealIds = plan.cited.map((c) => c.dealId);
  const existing = new Map<string, { id: string; locator: string | null }>();
  await inChunks(dealIds, IDS_PER_STATEMENT, async (chunk) => {
    const found = await db
      .select({ id: citations.id, dealId: citations.dealId, locator: citations.locator })
      .from(citations)
      .where(and(eq(citations.sourceId, sourceId), inArray(citations.dealId, chunk)));
    for (const c of found) existing.set(c.dealId!, c);
  });
  const writes: CitationInsert[] = [];
  const revisions: WrittenRecord[] = [];
  const name = releaseName(release);
  for (const { dealId, line } of plan.cited) {
    const locator = `row ${line}`;
    const cited = existing.get(dealId);
    if (cited?.locator === locator) continue;
    if (cited) summary.citationsUpdated += 1;
    else summary.citationsAdded += 1;
    const id = cited?.id ?? sipriIds.citation(sourceId, dealId);
    writes.push({ id, sourceId, dealId, locator, stance: 'ASSERTS' });
    revisions.push({
      recordId: id,
      action: cited ? 'UPDATE' : 'CREATE',
      reason: `Cites row ${line} of ${name}`,
      before: null,
    });
  }
  const updated = await loadSnapshots(
    db,
    'Citation',
    revisions.filter((r) => r.action === 'UPDATE').map((r) => r.recordId),
  );
  for (const r of revisions) r.before = updated.get(r.recordId) ?? null;
  await writeRows(db, CITATIONS, writes);
  if (release.scope === 'FULL_REGISTER') {
    const superseded = await queryRows<{ id: string }>(
      db,
      sql`select ${citations.id} as id from ${citations}
      where ${citations.deletedAt} is null
        and ${citations.dealId} in (select r.deal_id from sipri_rows r where r.release_id = ${release.id})
        and ${citations.sourceId} in (select e.source_id from ${sipriReleases} e
          where e.scope = 'EXCERPT' and e.generated_on = ${release.generatedOn}::date
            and e.source_id <> ${sourceId})`,
    );
    const ids = superseded.map((c) => c.id);
    const gone = await loadSnapshots(db, 'Citation', ids);
    await inChunks(ids, IDS_PER_STATEMENT, (chunk) =>
      db.execute(sql`update ${citations} set deleted_at = now(), updated_at = now()
        where ${citations.id} = any(${uuidArray(chunk)})`),
    );
    for (const id of ids) {
      revisions.push({
        recordId: id,
        action: 'DELETE',
        reason: `Superseded by ${name}, the full register of the same day`,
        before: gone.get(id)!,
      });
    }
  }
  await recordWritten(db, 'Citation', revisions, importer);
}

/** Who the import's revisions name: the importer and the release's generation date. */
function importAuthor(release: Release): string {
  return `SIPRI import (data generated ${release.generatedText})`;
}

function releaseName(release: Release): string {
  return `the SIPRI release generated ${release.generatedText} (${release.fileName})`;
}

async function liveIds(db: Db, table: typeof actors | typeof platforms): Promise<string[]> {
  const rows = await db.select({ id: table.id }).from(table).where(isNull(table.deletedAt));
  return rows.map((r) => r.id);
}

/**
 * The import's revisions, once everything is written (the rules' family and variant links
 * included), from each type's snapshot like every other writer's: the source, actors and
 * platforms it creates or changes, and the deals it adds, changes or retires. Citations have
 * theirs from writeCitations.
 */
async function recordImportRevisions(
  tx: Db,
  {
    release,
    plan,
    refs,
    before,
    importer,
    created,
    sourceId,
  }: {
    release: Release;
    plan: ReleasePlan;
    refs: ReturnType<SipriLookups['takePending']>;
    before: Record<'deals' | 'actors' | 'platforms', Map<string, Snapshot>>;
    importer: BatchAuthor;
    created: boolean;
    sourceId: string;
  },
): Promise<void> {
  const name = releaseName(release);
  if (created) {
    await recordWritten(
      tx,
      'Source',
      [{ recordId: sourceId, action: 'CREATE', reason: `Imported: ${name}`, before: null }],
      importer,
    );
  }
  const named = (rows: { id: string }[], existing: Map<string, Snapshot>): WrittenRecord[] => [
    ...rows.map((r) => ({
      recordId: r.id,
      action: 'CREATE' as const,
      reason: `Named by ${name}`,
      before: null,
    })),
    ...[...existing].map(([recordId, snapshot]) => ({
      recordId,
      action: 'UPDATE' as const,
      reason: `Updated by the import of ${name}: SIPRI's spellings as aliases, the family by the import's rules`,
      before: snapshot,
    })),
  ];
  await recordWritten(tx, 'Actor', named(refs.actors, before.actors), importer);
  await recordWritten(tx, 'Platform', named(refs.platforms, before.platforms), importer);
  await recordWritten(
    tx,
    'Deal',
    plan.revisions.map((r) => ({
      recordId: r.dealId,
      action: r.action,
      reason: r.reason,
      before: before.deals.get(r.dealId) ?? null,
    })),
    importer,
  );
}

async function retireDeals(db: Db, dealIds: string[], releaseId: string): Promise<void> {
  await inChunks(dealIds, IDS_PER_STATEMENT, (chunk) =>
    db
      .update(deals)
      .set({
        retiredAt: sql`now()`,
        retiredByReleaseId: releaseId,
        ...bumpVersion(deals),
      })
      .where(and(inArray(deals.id, chunk), isNull(deals.retiredAt))),
  );
}

/** Records which release a deal shows: bookkeeping, not an edit (no version, no revision). */
async function pointDealsAt(db: Db, dealIds: string[], releaseId: string): Promise<void> {
  await inChunks(dealIds, IDS_PER_STATEMENT, (chunk) =>
    db.update(deals).set({ sipriReleaseId: releaseId }).where(inArray(deals.id, chunk)),
  );
}

/**
 * Search documents are rebuilt once every row is in (a deal's document shows platform aliases
 * a later row may add), in chunks so that memory stays bounded.
 */
async function refreshSearch(
  db: Db,
  refs: ReturnType<SipriLookups['takePending']>,
  touchedDeals: Set<string>,
  newSourceId: string | null,
): Promise<void> {
  const actors = new Set([
    ...refs.actors.map((r) => r.id),
    ...refs.actorAliases.map((r) => r.actorId),
  ]);
  const platforms = new Set([
    ...refs.platforms.map((r) => r.id),
    ...refs.platformAliases.map((r) => r.platformId),
  ]);
  if (actors.size + platforms.size > 0 || newSourceId) {
    await refreshSearchDocuments(db, {
      actors: [...actors],
      platforms: [...platforms],
      sources: newSourceId ? [newSourceId] : [],
    });
  }
  await inChunks([...touchedDeals], SEARCH_REFRESH_CHUNK, (chunk) =>
    refreshSearchDocuments(db, { deals: chunk }),
  );
}

async function ensureSource(
  db: Db,
  source: ReturnType<typeof sipriSourceRow>,
): Promise<{ sourceId: string; created: boolean }> {
  // A source with this URL entered by hand keeps its ID; the import cites it. Looking up
  // first also keeps a re-import free of writes.
  const found = await db
    .select({ id: sources.id })
    .from(sources)
    .where(source.url ? eq(sources.url, source.url) : eq(sources.id, source.id));
  if (found[0]) return { sourceId: found[0].id, created: false };
  const inserted = await db
    .insert(sources)
    .values(source)
    .onConflictDoNothing()
    .returning({ id: sources.id });
  return { sourceId: source.id, created: inserted.length > 0 };
}
