// Bulk export, records: a batch of deal rows turned into the values GraphQL's `Deal` would give
// for EXPORT_DEAL_SELECTION, with the same loaders and value helpers the resolvers use, so that
// an export line and a `deals` node cannot drift apart. A batch costs about ten statements (one
// per kind of row, batched by DataLoader), never one per deal.
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
import { dealItemValues, fuzzyDate } from '../../graphql/values.js';
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

function party(actor: ActorRow): PartyRecord {
  const { id, name, kind, isoAlpha2, isoAlpha3 } = actor;
  return { id: toGlobalId('Actor', id), name, kind, isoAlpha2, isoAlpha3 };
}

function citationRecord(c: CitationRow, s: SourceRow): CitationRecord {
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
}

function itemRecord(item: DealItemRow, platform: PlatformRow): ItemRecord {
  return {
    id: toGlobalId('DealItem', item.id),
    platform: {
      id: toGlobalId('Platform', platform.id),
      designation: platform.designation,
      category: platform.category,
    },
    ...dealItemValues(item),
  };
}

/** Loads one value per key through a loader, throwing the first error DataLoader returned. */
async function loadEach<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<V[]> {
  return Promise.all(keys.map(load));
}

/**
 * The records of a batch. Each wave is one statement for the whole batch, and waves run one
 * after the other: inside the export's transaction there is one connection, and pg refuses
 * (and will stop queueing) a query sent while another is running on it.
 */
async function batchRecords(
  deals: DealRow[],
  loaders: Loaders,
  publicUrl: string,
): Promise<DealRecord[]> {
  const actorOf = async (id: string) => required(await loaders.actorById.load(id));
  const suppliers = await loadEach(deals, (d) => actorOf(d.supplierId));
  const recipients = await loadEach(deals, (d) => actorOf(d.recipientId));
  // A release's picture of a deal lists that release's items, as Deal.items does…
  const items = await loadEach(deals, (d) =>
    isReleaseView(d)
      ? loaders.releaseItemsByDealId(d.releaseView).load(d.id)
      : loaders.itemsByDealId.load(d.id),
  );
  // …while Deal.howToCite cites the deal as it is now.
  const currentItems = await loadEach(deals, (d) => loaders.itemsByDealId.load(d.id));
  const events = await loadEach(deals, (d) => loaders.eventsByDealId.load(d.id));
  const citations = await loadEach(deals, (d) => loaders.citationsByDealId.load(d.id));
  const eventList = events.flat();
  const eventActors = await loadEach(eventList, (e) => loaders.actorsByEventId.load(e.id));
  const eventCitations = await loadEach(eventList, (e) => loaders.citationsByEventId.load(e.id));
  const platformIds = [...items.flat(), ...currentItems.flat()].map((item) => item.platformId);
  const platforms = new Map(
    (
      await loadEach([...new Set(platformIds)], async (id) =>
        required(await loaders.platformById.load(id)),
      )
    ).map((p) => [p.id, p]),
  );
  const sourceIds = [...citations.flat(), ...eventCitations.flat()].map((c) => c.sourceId);
  const sources = new Map(
    (
      await loadEach([...new Set(sourceIds)], async (id) =>
        required(await loaders.sourceById.load(id)),
      )
    ).map((s) => [s.id, s]),
  );
  const platformOf = (item: DealItemRow) => platforms.get(item.platformId)!;
  const sourceOf = (citation: CitationRow) => sources.get(citation.sourceId)!;
  const eventIndex = new Map(eventList.map((e, i) => [e.id, i]));
  return deals.map((deal, i) => {
    const supplier = suppliers[i]!;
    const recipient = recipients[i]!;
    const dealCitations = citations[i]!;
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
      items: items[i]!.map((item) => itemRecord(item, platformOf(item))),
      events: events[i]!.map((event) => {
        const at = eventIndex.get(event.id)!;
        return {
          id: toGlobalId('DealEvent', event.id),
          type: event.type,
          date: fuzzyDate(event.dateYear, event.dateMonth, event.dateDay, event.dateUncertain),
          place: event.place,
          description: event.description,
          actors: eventActors[at]!.map(party),
          citations: eventCitations[at]!.map((c) => citationRecord(c, sourceOf(c))),
        };
      }),
      citations: dealCitations.map((c) => citationRecord(c, sourceOf(c))),
      howToCite: formatCitation(
        {
          deal,
          supplier,
          recipient,
          items: currentItems[i]!.map((item) => ({ item, platform: platformOf(item) })),
          citations: dealCitations.map((citation) => ({ citation, source: sourceOf(citation) })),
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
  });
}

/** The records of one batch of deals, in their order: about ten statements, whatever its size. */
export function dealRecords(db: Db, deals: DealRow[], publicUrl: string): Promise<DealRecord[]> {
  return batchRecords(deals, batchLoaders(db), publicUrl);
}
