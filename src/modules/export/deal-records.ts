// Bulk export, records: a batch of deal rows turned into the values GraphQL's `Deal` would give
// for EXPORT_DEAL_SELECTION, with the same loaders and value helpers the resolvers use, so that
// an export line and a `deals` node cannot drift apart. A batch costs a few statements (one per
// kind of row, batched by DataLoader), never one per deal.
import type { Db } from '../../db/client.js';
import type {
  ActorRow,
  CitationRow,
  DealEventRow,
  DealItemRow,
  DealRow,
  PlatformRow,
  SourceRow,
} from '../../db/schema.js';
import type {
  Estimate,
  FuzzyDate,
  ReportedValue,
} from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { required } from '../../graphql/rows.js';
import { estimate, fuzzyDate } from '../../graphql/values.js';
import { createActorLoaders } from '../actors/actors.loaders.js';
import { formatCitation } from '../citations/how-to-cite.js';
import { isReleaseView } from '../deals/deal-pages.js';
import { createDealLoaders } from '../deals/deals.loaders.js';
import { createPlatformLoaders } from '../platforms/platforms.loaders.js';
import { createReleaseLoaders } from '../releases/releases.loaders.js';
import { createSourceLoaders } from '../sources/sources.loaders.js';

const PARTY = 'id name kind isoAlpha2 isoAlpha3';
const FUZZY_DATE = 'year month day precision uncertain iso';
const ESTIMATE = 'value low high uncertain';
const CITATION =
  'id excerpt translation locator stance source { id kind title publisher url archivedUrl ' +
  `publicationDate { ${FUZZY_DATE} } accessedOn language note }`;

/**
 * What one NDJSON line holds, as a GraphQL selection on `Deal`: a line equals `deals`'s node
 * for this selection (tests/export.test.ts compares them field by field). README shows it.
 */
export const EXPORT_DEAL_SELECTION =
  `id version stage arrangement supplier { ${PARTY} } recipient { ${PARTY} } ` +
  `orderDate { ${FUZZY_DATE} } reportedValue { amount currency covers } comments ` +
  `items { id platform { id designation category } description ` +
  `quantityOrdered { ${ESTIMATE} } quantityDelivered { ${ESTIMATE} } deliveryYears condition ` +
  `tivPerUnit tivTotalOrder tivDelivered note } ` +
  `events { id type date { ${FUZZY_DATE} } place description actors { ${PARTY} } ` +
  `citations { ${CITATION} } } ` +
  `citations { ${CITATION} } howToCite createdAt updatedAt retirement { retiredAt release { id } }`;

export interface PartyRecord {
  id: string;
  name: string;
  kind: ActorRow['kind'];
  isoAlpha2: string | null;
  isoAlpha3: string | null;
}

export interface ItemRecord {
  id: string;
  platform: { id: string; designation: string; category: PlatformRow['category'] };
  description: string | null;
  quantityOrdered: Estimate | null;
  quantityDelivered: Estimate | null;
  deliveryYears: number[];
  condition: DealItemRow['condition'];
  tivPerUnit: string | null;
  tivTotalOrder: string | null;
  tivDelivered: string | null;
  note: string | null;
}

export interface CitationRecord {
  id: string;
  excerpt: string | null;
  translation: string | null;
  locator: string | null;
  stance: CitationRow['stance'];
  source: {
    id: string;
    kind: SourceRow['kind'];
    title: string | null;
    publisher: string | null;
    url: string | null;
    archivedUrl: string | null;
    publicationDate: FuzzyDate | null;
    accessedOn: string | null;
    language: string | null;
    note: string | null;
  };
}

export interface DealRecord {
  id: string;
  version: number;
  stage: DealRow['stage'];
  arrangement: DealRow['arrangement'];
  supplier: PartyRecord;
  recipient: PartyRecord;
  orderDate: FuzzyDate | null;
  reportedValue: ReportedValue | null;
  comments: string | null;
  items: ItemRecord[];
  events: {
    id: string;
    type: DealEventRow['type'];
    date: FuzzyDate | null;
    place: string | null;
    description: string | null;
    actors: PartyRecord[];
    citations: CitationRecord[];
  }[];
  citations: CitationRecord[];
  howToCite: string;
  createdAt: string;
  updatedAt: string;
  retirement: { retiredAt: string; release: { id: string } } | null;
}

/** The loaders one batch reads through: fresh per batch, so nothing accumulates over an export. */
function batchLoaders(db: Db) {
  return {
    ...createActorLoaders(db),
    ...createPlatformLoaders(db),
    ...createDealLoaders(db),
    ...createSourceLoaders(db),
    ...createReleaseLoaders(db),
  };
}

type Loaders = ReturnType<typeof batchLoaders>;

const all = <T, R>(list: readonly T[], f: (x: T) => Promise<R>): Promise<R[]> =>
  Promise.all(list.map(f));

function party(actor: ActorRow): PartyRecord {
  const { id, name, kind, isoAlpha2, isoAlpha3 } = actor;
  return { id: toGlobalId('Actor', id), name, kind, isoAlpha2, isoAlpha3 };
}

async function citationRecords(
  rows: CitationRow[],
  loaders: Loaders,
): Promise<{ records: CitationRecord[]; sources: SourceRow[] }> {
  const sources = await all(rows, async (c) => required(await loaders.sourceById.load(c.sourceId)));
  const records = rows.map((c, i): CitationRecord => {
    const s = sources[i]!;
    return {
      id: toGlobalId('Citation', c.id),
      excerpt: c.excerpt,
      translation: c.translation,
      locator: c.locator,
      stance: c.stance,
      source: {
        id: toGlobalId('Source', s.id),
        kind: s.kind,
        title: s.title,
        publisher: s.publisher,
        url: s.url,
        archivedUrl: s.archivedUrl,
        publicationDate: fuzzyDate(
          s.publishedYear,
          s.publishedMonth,
          s.publishedDay,
          s.publishedUncertain,
        ),
        accessedOn: s.accessedOn,
        language: s.language,
        note: s.note,
      },
    };
  });
  return { records, sources };
}

function itemRecord(item: DealItemRow, platform: PlatformRow): ItemRecord {
  return {
    id: toGlobalId('DealItem', item.id),
    platform: {
      id: toGlobalId('Platform', platform.id),
      designation: platform.designation,
      category: platform.category,
    },
    description: item.description,
    quantityOrdered: estimate(
      item.quantityOrdered,
      item.quantityOrderedLow,
      item.quantityOrderedHigh,
      item.quantityOrderedUncertain,
    ),
    quantityDelivered: estimate(
      item.quantityDelivered,
      item.quantityDeliveredLow,
      item.quantityDeliveredHigh,
      item.quantityDeliveredUncertain,
    ),
    deliveryYears: item.deliveryYears,
    condition: item.condition,
    tivPerUnit: item.tivPerUnit,
    tivTotalOrder: item.tivTotalOrder,
    tivDelivered: item.tivDelivered,
    note: item.note,
  };
}

async function dealRecord(deal: DealRow, loaders: Loaders, publicUrl: string): Promise<DealRecord> {
  const [supplier, recipient, items, currentItems, events, citations] = await Promise.all([
    loaders.actorById.load(deal.supplierId).then(required),
    loaders.actorById.load(deal.recipientId).then(required),
    // A release's picture of a deal lists that release's items, as Deal.items does…
    isReleaseView(deal)
      ? loaders.releaseItemsByDealId(deal.releaseView).load(deal.id)
      : loaders.itemsByDealId.load(deal.id),
    // …while Deal.howToCite cites the deal as it is now.
    loaders.itemsByDealId.load(deal.id),
    loaders.eventsByDealId.load(deal.id),
    loaders.citationsByDealId.load(deal.id),
  ]);
  const platformOf = (item: DealItemRow) =>
    loaders.platformById.load(item.platformId).then(required);
  const [platforms, currentPlatforms, dealCitations, eventRecords] = await Promise.all([
    all(items, platformOf),
    all(currentItems, platformOf),
    citationRecords(citations, loaders),
    all(events, async (event) => {
      const [actors, eventCitations] = await Promise.all([
        loaders.actorsByEventId.load(event.id),
        loaders.citationsByEventId.load(event.id),
      ]);
      return {
        id: toGlobalId('DealEvent', event.id),
        type: event.type,
        date: fuzzyDate(event.dateYear, event.dateMonth, event.dateDay, event.dateUncertain),
        place: event.place,
        description: event.description,
        actors: actors.map(party),
        citations: (await citationRecords(eventCitations, loaders)).records,
      };
    }),
  ]);
  return {
    id: toGlobalId('Deal', deal.id),
    version: deal.version,
    stage: deal.stage,
    arrangement: deal.arrangement,
    supplier: party(supplier),
    recipient: party(recipient),
    orderDate: fuzzyDate(deal.orderYear, deal.orderMonth, deal.orderDay, deal.orderUncertain),
    reportedValue:
      deal.valueAmount === null
        ? null
        : { amount: deal.valueAmount, currency: deal.valueCurrency, covers: deal.valueCovers },
    comments: deal.comments,
    items: items.map((item, i) => itemRecord(item, platforms[i]!)),
    events: eventRecords,
    citations: dealCitations.records,
    howToCite: formatCitation(
      {
        deal,
        supplier,
        recipient,
        items: currentItems.map((item, i) => ({ item, platform: currentPlatforms[i]! })),
        citations: citations.map((citation, i) => ({
          citation,
          source: dealCitations.sources[i]!,
        })),
      },
      publicUrl,
    ),
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
    retirement:
      deal.retiredAt && deal.retiredByReleaseId
        ? {
            retiredAt: deal.retiredAt.toISOString(),
            release: { id: toGlobalId('SipriRelease', deal.retiredByReleaseId) },
          }
        : null,
  };
}

/**
 * The records of one batch of deals, in their order. Every deal's loads are issued together,
 * so each kind of row is one statement for the whole batch (a few waves: deals' rows, then
 * platforms, event actors and sources).
 */
export function dealRecords(db: Db, deals: DealRow[], publicUrl: string): Promise<DealRecord[]> {
  const loaders = batchLoaders(db);
  return all(deals, (deal) => dealRecord(deal, loaders, publicUrl));
}
