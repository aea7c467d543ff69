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

/** The citation text: the record, then its sources, then SIPRI's credit line when SIPRI data is cited. */
export function formatCitation(c: CitableDeal): string {
  const lines = [recordLine(c)];
  const sources = distinctSources(c.citations);
  if (sources.length > 0) {
    lines.push(`Sources: ${sources.map((s, i) => `[${i + 1}] ${sourceText(s)}`).join(' ')}`);
  }
  // SIPRI's terms ask for this credit line whenever its data is used; one per release cited.
  const releases = [...new Set(sources.filter(isSipriDataset).map((s) => s.source))];
  for (const release of releases) {
    const generated = readableDate(release);
    lines.push(
      'Information from the SIPRI Arms Transfers Database, Stockholm International Peace ' +
        `Research Institute, ${SIPRI_DATABASE_URL}` +
        (generated ? `, data generated ${generated}.` : '.'),
    );
  }
  return lines.join('\n');
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
