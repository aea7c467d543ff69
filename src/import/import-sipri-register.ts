// SIPRI import, orchestration: streams an export through reader → row parser → lookups →
// batched upserts, in one transaction, and returns what changed. Entry point for the CLI,
// the seed and the tests.
import { and, eq, like, sql, type InferInsertModel } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { citations, dealItems, deals, sources } from '../db/schema.js';
import { refreshSearchDocuments } from '../modules/search/search.service.js';
import { placePlatformFamilies } from './platform-families.js';
import { writeRows, type TableWrite } from './sipri-batch-writer.js';
import { categorizeSipriDescription } from './sipri-categories.js';
import { deriveArrangement, deriveStage, deriveVariantNote } from './sipri-comments.js';
import {
  openSipriRegister,
  type SipriGeneratedAt,
  type SipriInput,
  type SipriRawRecord,
  type SipriBadRecord,
} from './sipri-csv-reader.js';
import { OccurrenceCounter, sipriDealKey, sipriIds } from './sipri-deal-key.js';
import { canonicalDesignation } from './sipri-designations.js';
import { SipriFileError, SipriInputError, type SipriInputProblem } from './sipri-input-error.js';
import { SipriLookups } from './sipri-lookups.js';
import { resolveSipriActor } from './sipri-names.js';
import { parseSipriRow, type SipriRow } from './sipri-row.js';
import { sipriSourceRow, type SipriSourceOverride } from './sipri-source.js';
import type { SipriEncoding } from './sipri-text-encoding.js';

export interface SipriImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number | null;
}

export interface SipriImportOptions {
  /** Skip malformed records (each is reported) instead of stopping with nothing written. */
  skipInvalid?: boolean;
  /** Called after each batch; cheap enough to redraw a progress bar. */
  onProgress?: (progress: SipriImportProgress) => void;
  /** Describe the file as a document of its own rather than SIPRI's export (the seed excerpt). */
  source?: SipriSourceOverride;
  /** Rows per write batch. */
  batchSize?: number;
  /**
   * 'latin1' (SIPRI's own exports; the default) or 'utf8' (a re-save). A file that shows the
   * marks of the other encoding is refused, never imported as mojibake.
   */
  encoding?: SipriEncoding;
}

/** A previously imported SIPRI deal that this release no longer contains. Never deleted. */
export interface SipriMissingDeal {
  dealId: string;
  importKey: string;
}

export interface SipriImportSummary {
  generatedAt: SipriGeneratedAt;
  sourceId: string;
  sourceCreated: boolean;
  /** Records read after the header, valid or not (a record split over two lines counts once). */
  rowsRead: number;
  dealsAdded: number;
  dealsUpdated: number;
  dealsUnchanged: number;
  actorsCreated: number;
  platformsCreated: number;
  citationsAdded: number;
  citationsUpdated: number;
  skipped: SipriInputProblem[];
  missing: SipriMissingDeal[];
  durationMs: number;
}

type DealInsert = InferInsertModel<typeof deals> & { id: string };
type ItemInsert = InferInsertModel<typeof dealItems> & { id: string };
type CitationInsert = InferInsertModel<typeof citations> & { id: string };

interface ExistingDeal {
  dealId: string;
  itemId: string | null;
  signature: string;
}

const DEFAULT_BATCH_SIZE = 2000;

// Deals per search-document rebuild at the end of an import: chunks keep memory bounded.
const SEARCH_REFRESH_CHUNK = 2000;

/**
 * Imports a SIPRI trade-register export. All or nothing: one transaction, and a malformed
 * record throws a SipriInputError (line, field, value) that rolls everything back — unless
 * `skipInvalid`, which imports the rest and lists what it skipped. Re-importing the same
 * file writes nothing; a newer release updates deals whose key matches, adds the others,
 * and lists (never deletes) the deals it no longer contains.
 */
export async function importSipriRegister(
  db: Db,
  input: SipriInput,
  options: SipriImportOptions = {},
): Promise<SipriImportSummary> {
  const started = performance.now();
  const register = await openSipriRegister(input, { encoding: options.encoding });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const source = sipriSourceRow(register.metadata, options.source);
  try {
    return await db.transaction(async (tx) => {
      const summary: SipriImportSummary = {
        generatedAt: register.metadata.generatedAt,
        sourceId: source.id,
        sourceCreated: false,
        rowsRead: 0,
        dealsAdded: 0,
        dealsUpdated: 0,
        dealsUnchanged: 0,
        actorsCreated: 0,
        platformsCreated: 0,
        citationsAdded: 0,
        citationsUpdated: 0,
        skipped: [],
        missing: [],
        durationMs: 0,
      };
      const { sourceId, created } = await ensureSource(tx, source);
      summary.sourceId = sourceId;
      summary.sourceCreated = created;
      const lookups = await SipriLookups.load(tx);
      const existing = await loadExistingDeals(tx);
      const existingCitations = await loadCitations(tx, sourceId);
      const counter = new OccurrenceCounter();
      const seen = new Set<string>();

      const authorName = `SIPRI import (data generated ${register.metadata.generatedAt.text})`;
      const writer = new BatchWriter(tx);
      let batch: SipriRow[] = [];
      const flush = async () => {
        const planned = planBatch(
          batch,
          lookups,
          counter,
          existing,
          existingCitations,
          sourceId,
          summary,
          authorName,
        );
        for (const row of planned.keys) seen.add(row);
        await writer.write(lookups, planned);
        batch = [];
        options.onProgress?.({
          rowsRead: summary.rowsRead,
          bytesRead: register.bytesRead(),
          bytesTotal: register.bytesTotal,
        });
      };

      for await (const record of register.records) {
        summary.rowsRead += 1;
        const row = parseOrSkip(record, options.skipInvalid === true, summary);
        if (row) batch.push(row);
        if (batch.length >= batchSize) await flush();
      }
      // Inside the transaction, so the source written above rolls back with it.
      if (summary.rowsRead === 0) throw headerOnly(register.metadata.headerLine);
      await flush();
      // Every platform a rule may place, not only this import's: a platform imported before a
      // rule existed gets it too. An editor's choice is kept.
      await placePlatformFamilies(tx, { write: true });
      // Search documents are rebuilt once every row is in (a deal's document shows platform
      // aliases a later row may add), in chunks so that memory stays bounded.
      const { touched } = writer;
      if (touched.deals.size + touched.actors.size + touched.platforms.size > 0 || created) {
        await refreshSearchDocuments(tx, {
          actors: [...touched.actors],
          platforms: [...touched.platforms],
          sources: [sourceId],
        });
        const deals = [...touched.deals];
        for (let start = 0; start < deals.length; start += SEARCH_REFRESH_CHUNK) {
          await refreshSearchDocuments(tx, {
            deals: deals.slice(start, start + SEARCH_REFRESH_CHUNK),
          });
        }
      }

      for (const [importKey, deal] of existing) {
        if (!seen.has(importKey)) summary.missing.push({ dealId: deal.dealId, importKey });
      }
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

/** An export that ends at its header would otherwise report every imported deal as missing. */
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

/** Every deal an earlier SIPRI import wrote, with a signature of the values it owns. */
async function loadExistingDeals(db: Db): Promise<Map<string, ExistingDeal>> {
  const rows = await db
    .select({
      dealId: deals.id,
      importKey: deals.importKey,
      supplierId: deals.supplierId,
      recipientId: deals.recipientId,
      stage: deals.stage,
      arrangement: deals.arrangement,
      orderYear: deals.orderYear,
      orderUncertain: deals.orderUncertain,
      comments: deals.comments,
      itemId: dealItems.id,
      platformId: dealItems.platformId,
      quantityOrdered: dealItems.quantityOrdered,
      quantityOrderedUncertain: dealItems.quantityOrderedUncertain,
      quantityDelivered: dealItems.quantityDelivered,
      quantityDeliveredUncertain: dealItems.quantityDeliveredUncertain,
      deliveryYears: dealItems.deliveryYears,
      condition: dealItems.condition,
      tivPerUnit: dealItems.tivPerUnit,
      tivTotalOrder: dealItems.tivTotalOrder,
      tivDelivered: dealItems.tivDelivered,
      note: dealItems.note,
      description: dealItems.description,
    })
    .from(deals)
    .leftJoin(dealItems, and(eq(dealItems.dealId, deals.id), eq(dealItems.position, 0)))
    .where(like(deals.importKey, 'sipri:%'));
  const map = new Map<string, ExistingDeal>();
  for (const r of rows) {
    map.set(r.importKey!, {
      dealId: r.dealId,
      itemId: r.itemId,
      signature: r.itemId
        ? signature(
            {
              supplierId: r.supplierId,
              recipientId: r.recipientId,
              stage: r.stage,
              arrangement: r.arrangement,
              orderYear: r.orderYear,
              orderUncertain: r.orderUncertain,
              comments: r.comments,
            },
            {
              platformId: r.platformId!,
              quantityOrdered: r.quantityOrdered,
              quantityOrderedUncertain: r.quantityOrderedUncertain!,
              quantityDelivered: r.quantityDelivered,
              quantityDeliveredUncertain: r.quantityDeliveredUncertain!,
              deliveryYears: r.deliveryYears!,
              condition: r.condition,
              tivPerUnit: r.tivPerUnit,
              tivTotalOrder: r.tivTotalOrder,
              tivDelivered: r.tivDelivered,
              note: r.note,
              description: r.description,
            },
          )
        : '',
    });
  }
  return map;
}

async function loadCitations(
  db: Db,
  sourceId: string,
): Promise<Map<string, { id: string; locator: string | null }>> {
  const rows = await db
    .select({ id: citations.id, dealId: citations.dealId, locator: citations.locator })
    .from(citations)
    .where(and(eq(citations.sourceId, sourceId), sql`${citations.dealId} is not null`));
  return new Map(rows.map((r) => [r.dealId!, { id: r.id, locator: r.locator }]));
}

type DealValues = Pick<
  DealInsert,
  | 'supplierId'
  | 'recipientId'
  | 'stage'
  | 'arrangement'
  | 'orderYear'
  | 'orderUncertain'
  | 'comments'
>;
type ItemValues = Pick<
  ItemInsert,
  | 'platformId'
  | 'quantityOrdered'
  | 'quantityOrderedUncertain'
  | 'quantityDelivered'
  | 'quantityDeliveredUncertain'
  | 'deliveryYears'
  | 'condition'
  | 'tivPerUnit'
  | 'tivTotalOrder'
  | 'tivDelivered'
  | 'note'
  | 'description'
>;

/**
 * The values an import owns, as one comparable string. Equal signatures mean the row
 * needs no write, which is what makes a re-import cheap: it reads, compares, writes nothing.
 */
function signature(d: DealValues, i: ItemValues): string {
  return JSON.stringify([
    d.supplierId,
    d.recipientId,
    d.stage,
    d.arrangement,
    d.orderYear ?? null,
    d.orderUncertain ?? false,
    d.comments ?? null,
    i.platformId,
    i.quantityOrdered ?? null,
    i.quantityOrderedUncertain ?? false,
    i.quantityDelivered ?? null,
    i.quantityDeliveredUncertain ?? false,
    i.deliveryYears ?? [],
    i.condition ?? null,
    i.tivPerUnit ?? null,
    i.tivTotalOrder ?? null,
    i.tivDelivered ?? null,
    i.note ?? null,
    i.description ?? null,
  ]);
}

interface PlannedBatch {
  keys: string[];
  deals: DealInsert[];
  items: ItemInsert[];
  citations: CitationInsert[];
  revisions: RevisionInsert[];
}

/** A revision the import writes for each deal it adds or changes, attributed to the import. */
interface RevisionInsert {
  recordId: string;
  action: 'CREATE' | 'UPDATE';
  authorName: string;
  reason: string;
  changes: string;
  sourceId: string;
}

// The names of the values in a signature, in signature order: the fields a revision reports.
const SIGNATURE_FIELDS = [
  'supplier',
  'recipient',
  'stage',
  'arrangement',
  'orderYear',
  'orderUncertain',
  'comments',
  'platform',
  'quantityOrdered',
  'quantityOrderedUncertain',
  'quantityDelivered',
  'quantityDeliveredUncertain',
  'deliveryYears',
  'condition',
  'tivPerUnit',
  'tivTotalOrder',
  'tivDelivered',
  'note',
  'description',
] as const;

/** The changed fields between two signatures, as a revision's `changes` JSON. */
function signatureChanges(before: string | null, after: string): string {
  const from = before ? (JSON.parse(before) as unknown[]) : [];
  const to = JSON.parse(after) as unknown[];
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  SIGNATURE_FIELDS.forEach((field, i) => {
    const a = from[i] ?? null;
    const b = to[i] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = { from: a, to: b };
  });
  return JSON.stringify(changes);
}

function planBatch(
  rows: SipriRow[],
  lookups: SipriLookups,
  counter: OccurrenceCounter,
  existing: Map<string, ExistingDeal>,
  existingCitations: Map<string, { id: string; locator: string | null }>,
  sourceId: string,
  summary: SipriImportSummary,
  authorName: string,
): PlannedBatch {
  const planned: PlannedBatch = { keys: [], deals: [], items: [], citations: [], revisions: [] };
  for (const row of rows) {
    const recipientId = lookups.actorFor(row.recipient);
    const supplierId = lookups.actorFor(row.supplier);
    const designation = canonicalDesignation(row.designation);
    const category = categorizeSipriDescription(row.description);
    const platformId = lookups.platformFor(designation, row.designation, category, row.description);
    const importKey = counter.next(
      sipriDealKey({
        recipientKey: resolveSipriActor(row.recipient).key,
        supplierKey: resolveSipriActor(row.supplier).key,
        orderYear: row.orderYear,
        designation,
        numberOrdered: row.numberOrdered,
      }),
    );
    planned.keys.push(importKey);

    const dealValues: DealValues = {
      supplierId,
      recipientId,
      stage: deriveStage(row),
      arrangement: deriveArrangement(row.comments),
      orderYear: row.orderYear,
      orderUncertain: row.orderUncertain,
      comments: row.comments,
    };
    const itemValues: ItemValues = {
      platformId,
      quantityOrdered: row.numberOrdered,
      quantityOrderedUncertain: row.numberOrderedUncertain,
      quantityDelivered: row.numberDelivered,
      quantityDeliveredUncertain: row.numberDeliveredUncertain,
      deliveryYears: row.deliveryYears,
      condition: row.condition,
      tivPerUnit: row.tivPerUnit,
      tivTotalOrder: row.tivTotalOrder,
      tivDelivered: row.tivDelivered,
      note: deriveVariantNote(row.comments),
      description: row.description || null,
    };

    const before = existing.get(importKey);
    const dealId = before?.dealId ?? sipriIds.deal(importKey);
    const after = signature(dealValues, itemValues);
    if (!before) summary.dealsAdded += 1;
    else if (before.signature === after) summary.dealsUnchanged += 1;
    else summary.dealsUpdated += 1;
    if (!before || before.signature !== after) {
      planned.revisions.push({
        recordId: dealId,
        action: before ? 'UPDATE' : 'CREATE',
        authorName,
        reason: `Imported from row ${row.line} of the SIPRI export`,
        changes: signatureChanges(before?.signature ?? null, after),
        sourceId,
      });
      planned.deals.push({ id: dealId, importKey, ...dealValues });
      planned.items.push({
        id: before?.itemId ?? sipriIds.item(importKey),
        dealId,
        position: 0,
        ...itemValues,
      });
    }

    const locator = `row ${row.line}`;
    const cited = existingCitations.get(dealId);
    if (!cited || cited.locator !== locator) {
      if (cited) summary.citationsUpdated += 1;
      else summary.citationsAdded += 1;
      const id = cited?.id ?? sipriIds.citation(sourceId, dealId);
      existingCitations.set(dealId, { id, locator });
      planned.citations.push({ id, sourceId, dealId, locator, stance: 'ASSERTS' });
    }
  }
  return planned;
}

/** Writes a batch: referenced rows (actors, platforms) first, then deals, items, citations. */
class BatchWriter {
  /** Records whose search documents the import must rebuild before it commits. */
  readonly touched = {
    deals: new Set<string>(),
    actors: new Set<string>(),
    platforms: new Set<string>(),
  };

  constructor(private readonly db: Db) {}

  async write(lookups: SipriLookups, planned: PlannedBatch): Promise<void> {
    const refs = lookups.takePending();
    for (const r of refs.actors) this.touched.actors.add(r.id);
    for (const r of refs.actorAliases) this.touched.actors.add(r.actorId);
    for (const r of refs.platforms) this.touched.platforms.add(r.id);
    for (const r of refs.platformAliases) this.touched.platforms.add(r.platformId);
    for (const r of planned.deals) this.touched.deals.add(r.id);
    await writeRows(this.db, ACTORS, refs.actors);
    await writeRows(this.db, ACTOR_ALIASES, refs.actorAliases);
    await writeRows(this.db, PLATFORMS, refs.platforms);
    await writeRows(this.db, PLATFORM_ALIASES, refs.platformAliases);
    await writeRows(this.db, DEALS, planned.deals);
    await writeRows(this.db, DEAL_ITEMS, planned.items);
    await writeRows(this.db, CITATIONS, planned.citations);
    await writeRows(this.db, REVISIONS, planned.revisions);
  }
}

type Refs = ReturnType<SipriLookups['takePending']>;

const ACTORS: TableWrite<Refs['actors'][number]> = {
  table: 'actors',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'kind', type: 'actor_kind', value: (r) => r.kind },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'iso_alpha2', type: 'text', value: (r) => r.isoAlpha2 },
    { name: 'iso_alpha3', type: 'text', value: (r) => r.isoAlpha3 },
    { name: 'iso_numeric', type: 'text', value: (r) => r.isoNumeric },
    { name: 'country_id', type: 'uuid', value: (r) => r.countryId },
    { name: 'existed_from', type: 'smallint', value: (r) => r.existedFrom },
    { name: 'existed_until', type: 'smallint', value: (r) => r.existedUntil },
  ],
};

const ACTOR_ALIASES: TableWrite<Refs['actorAliases'][number]> = {
  table: 'actor_aliases',
  columns: [
    { name: 'actor_id', type: 'uuid', value: (r) => r.actorId },
    { name: 'alias', type: 'text', value: (r) => r.alias },
    { name: 'language', type: 'text', value: (r) => r.language },
  ],
};

const PLATFORMS: TableWrite<Refs['platforms'][number]> = {
  table: 'platforms',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'designation', type: 'text', value: (r) => r.designation },
    { name: 'category', type: 'weapon_category', value: (r) => r.category },
    { name: 'description', type: 'text', value: (r) => r.description },
  ],
};

const PLATFORM_ALIASES: TableWrite<Refs['platformAliases'][number]> = {
  table: 'platform_aliases',
  columns: [
    { name: 'platform_id', type: 'uuid', value: (r) => r.platformId },
    { name: 'alias', type: 'text', value: (r) => r.alias },
    { name: 'language', type: 'text', value: (r) => r.language },
  ],
};

const DEALS: TableWrite<DealInsert> = {
  table: 'deals',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'supplier_id', type: 'uuid', value: (r) => r.supplierId },
    { name: 'recipient_id', type: 'uuid', value: (r) => r.recipientId },
    { name: 'stage', type: 'deal_stage', value: (r) => r.stage },
    { name: 'arrangement', type: 'deal_arrangement', value: (r) => r.arrangement },
    { name: 'order_year', type: 'smallint', value: (r) => r.orderYear },
    { name: 'order_uncertain', type: 'boolean', value: (r) => r.orderUncertain },
    { name: 'comments', type: 'text', value: (r) => r.comments },
    { name: 'import_key', type: 'text', value: (r) => r.importKey },
  ],
  update: [
    'supplier_id',
    'recipient_id',
    'stage',
    'arrangement',
    'order_year',
    'order_uncertain',
    'comments',
    'import_key',
  ],
  touchUpdatedAt: true,
  bumpVersion: true,
};

const DEAL_ITEMS: TableWrite<ItemInsert> = {
  table: 'deal_items',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'deal_id', type: 'uuid', value: (r) => r.dealId },
    { name: 'position', type: 'smallint', value: (r) => r.position },
    { name: 'platform_id', type: 'uuid', value: (r) => r.platformId },
    { name: 'quantity_ordered', type: 'integer', value: (r) => r.quantityOrdered },
    {
      name: 'quantity_ordered_uncertain',
      type: 'boolean',
      value: (r) => r.quantityOrderedUncertain,
    },
    { name: 'quantity_delivered', type: 'integer', value: (r) => r.quantityDelivered },
    {
      name: 'quantity_delivered_uncertain',
      type: 'boolean',
      value: (r) => r.quantityDeliveredUncertain,
    },
    { name: 'delivery_years', type: 'smallint[]', value: (r) => r.deliveryYears, castFrom: 'text' },
    { name: 'condition', type: 'item_condition', value: (r) => r.condition },
    { name: 'tiv_per_unit', type: 'numeric', value: (r) => r.tivPerUnit },
    { name: 'tiv_total_order', type: 'numeric', value: (r) => r.tivTotalOrder },
    { name: 'tiv_delivered', type: 'numeric', value: (r) => r.tivDelivered },
    { name: 'note', type: 'text', value: (r) => r.note },
    { name: 'description', type: 'text', value: (r) => r.description },
  ],
  update: [
    'platform_id',
    'quantity_ordered',
    'quantity_ordered_uncertain',
    'quantity_delivered',
    'quantity_delivered_uncertain',
    'delivery_years',
    'condition',
    'tiv_per_unit',
    'tiv_total_order',
    'tiv_delivered',
    'note',
    'description',
  ],
};

const REVISIONS: TableWrite<RevisionInsert> = {
  table: 'revisions',
  columns: [
    { name: 'record_type', type: 'text', value: () => 'Deal' },
    { name: 'record_id', type: 'uuid', value: (r) => r.recordId },
    { name: 'action', type: 'revision_action', value: (r) => r.action },
    { name: 'author_name', type: 'text', value: (r) => r.authorName },
    { name: 'reason', type: 'text', value: (r) => r.reason },
    { name: 'changes', type: 'jsonb', value: (r) => r.changes },
    { name: 'source_ids', type: 'uuid[]', value: (r) => [r.sourceId], castFrom: 'text' },
  ],
};

const CITATIONS: TableWrite<CitationInsert> = {
  table: 'citations',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'source_id', type: 'uuid', value: (r) => r.sourceId },
    { name: 'deal_id', type: 'uuid', value: (r) => r.dealId },
    { name: 'locator', type: 'text', value: (r) => r.locator },
    { name: 'stance', type: 'citation_stance', value: (r) => r.stance },
  ],
  update: ['locator'],
  touchUpdatedAt: true,
};
