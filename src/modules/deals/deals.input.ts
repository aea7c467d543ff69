// Deal inputs (createDeal, updateDeal, addDealEvent): checked and turned into column values. The
// schemas' output types are what deals.service.ts takes.
import type { InferInsertModel } from 'drizzle-orm';
import { z } from 'zod';
import type { dealEvents, deals } from '../../db/schema.js';
import type {
  DealArrangement,
  DealEventType,
  DealStage,
  ItemCondition,
  UpdateDealInput,
} from '../../graphql/generated/resolvers-types.js';
import {
  checked,
  currency,
  estimate,
  fuzzyDate,
  nonNegativeDecimal,
  reason,
  reference,
  references,
  text,
  year,
  type DateParts,
  type Lookup,
} from '../../graphql/input-schema.js';
import { citationsInput } from '../sources/sources.input.js';

type DealValues = Omit<InferInsertModel<typeof deals>, 'id'>;
type EventValues = Omit<InferInsertModel<typeof dealEvents>, 'id'>;

const orderColumns = (order: DateParts) => ({
  orderYear: order.year,
  orderMonth: order.month,
  orderDay: order.day,
  orderUncertain: order.uncertain,
});

function reportedValue() {
  return z
    .object({ amount: nonNegativeDecimal(), currency: currency(), covers: text({ max: 1000 }) })
    .nullish()
    .transform((value) => ({
      valueAmount: value?.amount ?? null,
      valueCurrency: value?.currency ?? null,
      valueCovers: value?.covers ?? null,
    }));
}

function item(lookup: Lookup) {
  return z
    .object({
      platform: reference('Platform', lookup),
      quantityOrdered: estimate(),
      quantityDelivered: estimate(),
      deliveryYears: z
        .array(year((y) => `${String(y)} is not a year`))
        .nullish()
        // Each year once, in order: a delivery spread over 2019–2021 reads the same however sent.
        .transform((years) => [...new Set(years ?? [])].sort((a, b) => a - b)),
      condition: checked<ItemCondition | null>().optional(),
      tivPerUnit: nonNegativeDecimal(),
      tivTotalOrder: nonNegativeDecimal(),
      tivDelivered: nonNegativeDecimal(),
      note: text({ max: 2000 }),
      description: text({ max: 500 }),
    })
    .transform(({ platform, quantityOrdered: ordered, quantityDelivered: delivered, ...item }) => ({
      ...item,
      platformId: platform,
      quantityOrdered: ordered.value,
      quantityOrderedLow: ordered.low,
      quantityOrderedHigh: ordered.high,
      quantityOrderedUncertain: ordered.uncertain,
      quantityDelivered: delivered.value,
      quantityDeliveredLow: delivered.low,
      quantityDeliveredHigh: delivered.high,
      quantityDeliveredUncertain: delivered.uncertain,
      condition: item.condition ?? null,
    }));
}

export type ItemValues = z.output<ReturnType<typeof item>>;

function items(lookup: Lookup) {
  const none = 'a deal needs at least one item';
  return z.array(item(lookup), { error: none }).min(1, none);
}

export function createDealInput(lookup: Lookup) {
  return z
    .object({
      supplier: reference('Actor', lookup),
      recipient: reference('Actor', lookup),
      stage: checked<DealStage>(),
      arrangement: checked<DealArrangement | null>().optional(),
      orderDate: fuzzyDate(),
      reportedValue: reportedValue(),
      comments: text({ max: 10_000 }),
      items: items(lookup),
      reason: reason(true),
      citations: citationsInput(lookup, { required: true }),
    })
    .transform(({ items, citations, reason, ...deal }) => ({
      deal: {
        supplierId: deal.supplier,
        recipientId: deal.recipient,
        stage: deal.stage,
        arrangement: deal.arrangement ?? 'UNKNOWN',
        ...orderColumns(deal.orderDate),
        ...deal.reportedValue,
        comments: deal.comments,
      } satisfies DealValues,
      items,
      citations,
      reason,
    }));
}

export type ValidCreateDeal = z.output<ReturnType<typeof createDealInput>>;

/** Fields whose change is a research claim: changing them needs a citation and a reason. */
const CLAIM_FIELDS = ['supplier', 'recipient', 'stage', 'orderDate', 'items'] as const;

/**
 * updateDeal: a field left out is unchanged; a field sent as null is cleared, or refused if the
 * deal cannot be without it. Which fields were sent decides whether a reason and citations are due.
 */
export function updateDealInput(lookup: Lookup, input: UpdateDealInput) {
  const claims = CLAIM_FIELDS.some((field) => field in input);
  const sent = (field: keyof UpdateDealInput) => field in input;
  return z
    .object({
      id: reference('Deal', lookup),
      expectedVersion: z.number(),
      supplier: reference('Actor', lookup, 'a deal always has a supplier').optional(),
      recipient: reference('Actor', lookup, 'a deal always has a recipient').optional(),
      stage: checked<DealStage>('a deal always has a stage').optional(),
      arrangement: checked<DealArrangement | null>().optional(),
      orderDate: fuzzyDate(),
      reportedValue: reportedValue(),
      comments: text({ max: 10_000 }),
      items: items(lookup).optional(),
      reason: reason(claims),
      citations: citationsInput(lookup, { required: claims }),
    })
    .transform((update) => {
      const patch: Partial<DealValues> = {};
      if (update.supplier !== undefined) patch.supplierId = update.supplier;
      if (update.recipient !== undefined) patch.recipientId = update.recipient;
      if (update.stage !== undefined) patch.stage = update.stage;
      if (sent('arrangement')) patch.arrangement = update.arrangement ?? 'UNKNOWN';
      if (sent('orderDate')) Object.assign(patch, orderColumns(update.orderDate));
      if (sent('reportedValue')) Object.assign(patch, update.reportedValue);
      if (sent('comments')) patch.comments = update.comments;
      return {
        dealId: update.id,
        expectedVersion: update.expectedVersion,
        patch,
        items: update.items ?? null,
        citations: update.citations,
        reason: update.reason,
      };
    });
}

export type ValidUpdateDeal = z.output<ReturnType<typeof updateDealInput>>;

export function addDealEventInput(lookup: Lookup) {
  return z
    .object({
      deal: reference('Deal', lookup),
      type: checked<DealEventType>(),
      date: fuzzyDate(),
      place: text({ max: 500 }),
      description: text({ max: 5000 }),
      // Two IDs may lead to one actor (a merged one and its winner): each is stored once.
      actors: references('Actor', lookup),
      reason: reason(true),
      citations: citationsInput(lookup, { required: true }),
    })
    .transform(({ deal, date, actors, citations, reason, ...event }) => ({
      event: {
        ...event,
        dealId: deal,
        dateYear: date.year,
        dateMonth: date.month,
        dateDay: date.day,
        dateUncertain: date.uncertain,
      } satisfies EventValues,
      actorIds: actors,
      citations,
      reason,
    }));
}

export type ValidAddEvent = z.output<ReturnType<typeof addDealEventInput>>;
