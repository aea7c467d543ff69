// Bulk export, CSV: one line per item of a deal, the deal's columns repeated on each, written
// by csv-stringify (RFC 4180 quoting: commas, quotes and line breaks inside a value are quoted).
// Values are as stored: decimals as their text, an estimate's uncertainty in a column of its own,
// and an empty cell for anything unknown — never 0. README ("Integrations") lists the columns.
import { stringify } from 'csv-stringify/sync';
import type { Estimate } from '../../graphql/generated/resolvers-types.js';
import type { DealRecord, ItemRecord, PartyRecord } from './deal-records.js';

type Cell = string | number | boolean | null;

const partyColumns = (prefix: string, p: PartyRecord): Record<string, Cell> => ({
  [`${prefix}_id`]: p.id,
  [`${prefix}_name`]: p.name,
  [`${prefix}_kind`]: p.kind,
  [`${prefix}_iso_alpha2`]: p.isoAlpha2,
  [`${prefix}_iso_alpha3`]: p.isoAlpha3,
});

// Null when the estimate is unknown altogether, so an unknown quantity leaves all four empty.
const estimateColumns = (prefix: string, e: Estimate | null | undefined): Record<string, Cell> => ({
  [prefix]: e?.value ?? null,
  [`${prefix}_low`]: e?.low ?? null,
  [`${prefix}_high`]: e?.high ?? null,
  [`${prefix}_uncertain`]: e ? e.uncertain : null,
});

function itemColumns(item: ItemRecord | null, position: number | null): Record<string, Cell> {
  return {
    item_id: item?.id ?? null,
    item_number: position,
    platform_id: item?.platform.id ?? null,
    platform_designation: item?.platform.designation ?? null,
    platform_category: item?.platform.category ?? null,
    item_description: item?.description ?? null,
    ...estimateColumns('quantity_ordered', item?.quantityOrdered),
    ...estimateColumns('quantity_delivered', item?.quantityDelivered),
    delivery_years: item ? item.deliveryYears.join(' ') : null,
    condition: item?.condition ?? null,
    tiv_per_unit: item?.tivPerUnit ?? null,
    tiv_total_order: item?.tivTotalOrder ?? null,
    tiv_delivered: item?.tivDelivered ?? null,
    item_note: item?.note ?? null,
  };
}

/** The CSV lines of one deal: one per item, or one with empty item columns when it has none. */
export function csvLines(deal: DealRecord): Record<string, Cell>[] {
  const dealColumns: Record<string, Cell> = {
    deal_id: deal.id,
    deal_version: deal.version,
    stage: deal.stage,
    arrangement: deal.arrangement,
    ...partyColumns('supplier', deal.supplier),
    ...partyColumns('recipient', deal.recipient),
    order_date: deal.orderDate?.iso ?? null,
    order_year: deal.orderDate?.year ?? null,
    order_month: deal.orderDate?.month ?? null,
    order_day: deal.orderDate?.day ?? null,
    order_date_uncertain: deal.orderDate ? deal.orderDate.uncertain : null,
    value_amount: deal.reportedValue?.amount ?? null,
    value_currency: deal.reportedValue?.currency ?? null,
    value_covers: deal.reportedValue?.covers ?? null,
    comments: deal.comments,
    source_count: new Set(deal.citations.map((c) => c.source.id)).size,
    updated_at: deal.updatedAt,
    retired_at: deal.retirement?.retiredAt ?? null,
  };
  const tail = { how_to_cite: deal.howToCite };
  if (deal.items.length === 0) return [{ ...dealColumns, ...itemColumns(null, null), ...tail }];
  return deal.items.map((item, i) => ({ ...dealColumns, ...itemColumns(item, i + 1), ...tail }));
}

/** Column names in order, taken from a line so that the header and the lines cannot disagree. */
export const CSV_COLUMNS: readonly string[] = Object.keys(
  csvLines({
    id: '',
    version: 1,
    stage: 'ORDERED',
    arrangement: 'UNKNOWN',
    supplier: { id: '', name: '', kind: 'STATE', isoAlpha2: null, isoAlpha3: null },
    recipient: { id: '', name: '', kind: 'STATE', isoAlpha2: null, isoAlpha3: null },
    orderDate: null,
    reportedValue: null,
    comments: null,
    items: [],
    events: [],
    citations: [],
    howToCite: '',
    createdAt: '',
    updatedAt: '',
    retirement: null,
  })[0]!,
);

const OPTIONS = {
  columns: [...CSV_COLUMNS],
  // csv-stringify writes true as "1" and false as "" (unknown): spelled out instead.
  cast: { boolean: (value: boolean) => (value ? 'true' : 'false') },
  record_delimiter: 'unix' as const,
};

/** The header line. */
export function csvHeader(): string {
  return stringify([], { ...OPTIONS, header: true });
}

/** The lines of a batch of deals, without the header. */
export function csvBatch(deals: DealRecord[]): string {
  return stringify(deals.flatMap(csvLines), { ...OPTIONS, header: false });
}
