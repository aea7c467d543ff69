// SIPRI import: the values a SIPRI row gives its deal and item, and their comparable signature.
import type { InferInsertModel } from 'drizzle-orm';
import type { dealItems, deals } from '../db/schema.js';
import { deriveArrangement, deriveStage, deriveVariantNote } from './sipri-comments.js';
import type { SipriRow } from './sipri-row.js';

export type DealValues = Pick<
  InferInsertModel<typeof deals>,
  | 'supplierId'
  | 'recipientId'
  | 'stage'
  | 'arrangement'
  | 'orderYear'
  | 'orderUncertain'
  | 'comments'
>;
export type ItemValues = Pick<
  InferInsertModel<typeof dealItems>,
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

/** What a row says about its deal, given the IDs its parties and weapon resolved to. */
export function sipriValues(
  row: SipriRow,
  ids: { supplierId: string; recipientId: string; platformId: string },
): { deal: DealValues; item: ItemValues } {
  return {
    deal: {
      supplierId: ids.supplierId,
      recipientId: ids.recipientId,
      stage: deriveStage(row),
      arrangement: deriveArrangement(row.comments),
      orderYear: row.orderYear,
      orderUncertain: row.orderUncertain,
      comments: row.comments,
    },
    item: {
      platformId: ids.platformId,
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
    },
  };
}

/**
 * The values an import owns, as one comparable string. Equal signatures mean the row
 * needs no write, which is what makes a re-import cheap: it reads, compares, writes nothing.
 */
export function signature(d: DealValues, i: ItemValues): string {
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

// The names of the values in a signature, in signature order: the fields of the flat revisions
// imports wrote before they used the deal's snapshot (src/modules/revisions/snapshots.ts).
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

/**
 * The signature a deal's flat import revisions add up to (those of imports before every
 * revision was written from the snapshot; only a deal imported before releases kept their
 * rows needs them): its CREATE's values (every field set, from null), then each later
 * UPDATE's new values, in order. Fields they never set are null, as on CREATE a null value is
 * not reported.
 */
export function replaySignature(
  changes: readonly Record<string, { from: unknown; to: unknown }>[],
): string {
  const values = new Map<string, unknown>();
  for (const revision of changes) {
    for (const [field, change] of Object.entries(revision)) values.set(field, change.to);
  }
  return JSON.stringify(SIGNATURE_FIELDS.map((field) => values.get(field) ?? null));
}

/**
 * A deal's values after a release that changed what SIPRI published: each field SIPRI changed
 * (`published` → `next`) takes SIPRI's new value; every other field keeps the deal's current
 * value, so an editor's correction of a field SIPRI did not touch survives the update.
 */
export function mergeSipriChange(
  current: string,
  published: string,
  next: string,
): { deal: DealValues; item: ItemValues; signature: string } {
  const now = JSON.parse(current || next) as unknown[];
  const before = JSON.parse(published || current || next) as unknown[];
  const after = JSON.parse(next) as unknown[];
  const v = after.map((value, i) =>
    JSON.stringify(before[i] ?? null) === JSON.stringify(value ?? null) ? (now[i] ?? null) : value,
  ) as [
    string,
    string,
    DealValues['stage'],
    NonNullable<DealValues['arrangement']>,
    number | null,
    boolean,
    string | null,
    string,
    number | null,
    boolean,
    number | null,
    boolean,
    number[],
    ItemValues['condition'],
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
  ];
  const deal: DealValues = {
    supplierId: v[0],
    recipientId: v[1],
    stage: v[2],
    arrangement: v[3],
    orderYear: v[4],
    orderUncertain: v[5],
    comments: v[6],
  };
  const item: ItemValues = {
    platformId: v[7],
    quantityOrdered: v[8],
    quantityOrderedUncertain: v[9],
    quantityDelivered: v[10],
    quantityDeliveredUncertain: v[11],
    deliveryYears: v[12],
    condition: v[13],
    tivPerUnit: v[14],
    tivTotalOrder: v[15],
    tivDelivered: v[16],
    note: v[17],
    description: v[18],
  };
  return { deal, item, signature: signature(deal, item) };
}
