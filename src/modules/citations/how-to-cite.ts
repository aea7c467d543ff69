// Ready citations: formats a deal, its items and its sources as text a journalist can paste
// (used by Deal.howToCite once the loaders have fetched the rows). Pure: no I/O.
import type {
  ActorRow,
  CitationRow,
  DealItemRow,
  DealRow,
  PlatformRow,
  SourceRow,
} from '../../db/schema.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { fuzzyDate } from '../../graphql/values.js';
import { SIPRI_DATABASE_URL } from '../../import/sipri-source.js';

export interface CitableDeal {
  deal: DealRow;
  supplier: ActorRow;
  recipient: ActorRow;
  items: { item: DealItemRow; platform: PlatformRow }[];
  citations: { citation: CitationRow; source: SourceRow }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The citation text: the record, its sources, SIPRI's credit line when SIPRI data is cited, and a link. */
export function formatCitation(c: CitableDeal, publicUrl: string): string {
  const lines = [recordLine(c)];
  const sources = distinctSources(c.citations);
  if (sources.length > 0) {
    lines.push(`Sources: ${sources.map((s, i) => `[${i + 1}] ${sourceText(s)}`).join(' ')}`);
  }
  // SIPRI's terms ask for this credit line whenever its data is used: once, with the newest
  // release the deal appears in (an excerpt and a full register of one release are one credit).
  const newest = sources
    .filter(isSipriDataset)
    .map((s) => s.source)
    .sort((a, b) => dateKey(b) - dateKey(a))[0];
  if (newest) {
    const generated = readableDate(newest);
    lines.push(
      'Information from the SIPRI Arms Transfers Database, Stockholm International Peace ' +
        `Research Institute, ${SIPRI_DATABASE_URL}` +
        (generated ? `, data generated ${generated}.` : '.'),
    );
  }
  lines.push(`Armstrail record: ${recordLink(publicUrl, toGlobalId('Deal', c.deal.id))}`);
  return lines.join('\n');
}

/**
 * A link that shows the deal: the API's own URL with a query that fetches it by its ID, which
 * stays the same for the life of the record. Opened in a browser, GraphiQL shows the query,
 * ready to run; fetched with an API client (GET with a preflight header), it is the JSON.
 */
export function recordLink(publicUrl: string, dealId: string): string {
  const query =
    `{ deal: node(id: "${dealId}") { id ... on Deal { stage orderDate { iso } ` +
    `supplier { name } recipient { name } items { platform { designation } } howToCite } } }`;
  return `${publicUrl.replace(/\/+$/, '')}/graphql?query=${encodeURIComponent(query)}`;
}

/** A source's publication date as a sortable number; unknown dates sort oldest. */
function dateKey(source: SourceRow): number {
  return (
    (source.publishedYear ?? 0) * 10_000 +
    (source.publishedMonth ?? 0) * 100 +
    (source.publishedDay ?? 0)
  );
}

function recordLine({ deal, supplier, recipient, items }: CitableDeal): string {
  const what = items.length > 0 ? items.map(itemText).join('; ') : 'no weapons recorded';
  const facts = [humanize(deal.stage)];
  const ordered = fuzzyDate(deal.orderYear, deal.orderMonth, deal.orderDay, deal.orderUncertain);
  if (ordered) facts.push(`ordered ${ordered.iso}`);
  const years = [...new Set(items.flatMap((i) => i.item.deliveryYears))].sort((a, b) => a - b);
  if (years.length > 0) facts.push(`delivered ${years.join(', ')}`);
  return (
    `${supplier.name} → ${recipient.name}: ${what} (${facts.join(', ')}). ` +
    `Armstrail deal ${toGlobalId('Deal', deal.id)}.`
  );
}

function itemText({ item, platform }: { item: DealItemRow; platform: PlatformRow }): string {
  const quantity =
    item.quantityOrdered === null
      ? null
      : `${item.quantityOrderedUncertain ? 'about ' : ''}${item.quantityOrdered}`;
  const about = [item.description ?? platform.description, item.note].filter((x) => x);
  return (
    (quantity === null ? '' : `${quantity} × `) +
    platform.designation +
    (about.length > 0 ? ` (${about.join('; ')})` : '') +
    (quantity === null ? ', quantity unknown' : '')
  );
}

interface CitedSource {
  source: SourceRow;
  locators: string[];
}

function distinctSources(citations: CitableDeal['citations']): CitedSource[] {
  const bySource = new Map<string, CitedSource>();
  for (const { citation, source } of citations) {
    const entry = bySource.get(source.id) ?? { source, locators: [] };
    if (citation.locator) entry.locators.push(citation.locator);
    bySource.set(source.id, entry);
  }
  return [...bySource.values()];
}

function sourceText({ source, locators }: CitedSource): string {
  const parts: string[] = [];
  if (source.publisher) parts.push(source.publisher);
  if (source.title) parts.push(`“${source.title}”`);
  parts.push(readableDate(source) ?? 'date unknown');
  const link = source.url ?? source.archivedUrl;
  if (link) parts.push(link);
  if (source.url && source.archivedUrl) parts.push(`archived at ${source.archivedUrl}`);
  if (locators.length > 0) parts.push(locators.join(', '));
  if (source.accessedOn) parts.push(`accessed ${source.accessedOn}`);
  return `${parts.join(', ')}.`;
}

function isSipriDataset({ source }: CitedSource): boolean {
  return (
    source.kind === 'DATASET' &&
    (source.publisher === 'SIPRI' || (source.url ?? '').startsWith(SIPRI_DATABASE_URL))
  );
}

/** "18 May 2026", "May 2026", "2026", with "?" when the date is uncertain; null when unknown. */
function readableDate(source: SourceRow): string | null {
  const { publishedYear: year, publishedMonth: month, publishedDay: day } = source;
  if (year === null) return null;
  const monthName = month === null ? undefined : MONTHS[month - 1];
  const text = [day !== null && monthName ? day : null, monthName, year]
    .filter((x) => x !== null && x !== undefined)
    .join(' ');
  return text + (source.publishedUncertain ? '?' : '');
}

/** REPORTED_INTEREST → "reported interest". */
function humanize(value: string): string {
  return value.toLowerCase().replaceAll('_', ' ');
}
