// Deal write inputs: validated and turned into column values, with every problem reported at once.
import type { InferInsertModel } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { dealEvents, dealItems, deals } from '../../db/schema.js';
import type {
  AddDealEventInput,
  CreateDealInput,
  DealItemInput,
  ReportedValueInput,
  UpdateDealInput,
} from '../../graphql/generated/resolvers-types.js';
import {
  InputProblems,
  validateCurrency,
  validateEstimate,
  validateFuzzyDate,
  validateId,
  validateNonNegativeDecimal,
  validateText,
} from '../../graphql/input-validation.js';
import { resolveReference, resolveReferences, type Reference } from '../../graphql/references.js';
import { validateCitations, type ValidCitation } from '../sources/sources.service.js';

export type DealValues = Omit<InferInsertModel<typeof deals>, 'id'>;
export type ItemValues = Omit<InferInsertModel<typeof dealItems>, 'id' | 'dealId' | 'position'>;
export type EventValues = Omit<InferInsertModel<typeof dealEvents>, 'id'>;

const REASON = { max: 1000 };

function reportedValue(
  input: ReportedValueInput | null | undefined,
  path: string,
  problems: InputProblems,
): Pick<DealValues, 'valueAmount' | 'valueCurrency' | 'valueCovers'> {
  if (!input) return { valueAmount: null, valueCurrency: null, valueCovers: null };
  return {
    valueAmount: validateNonNegativeDecimal(input.amount, `${path}.amount`, problems),
    valueCurrency: validateCurrency(input.currency, `${path}.currency`, problems),
    valueCovers: validateText(input.covers, `${path}.covers`, problems, { max: 1000 }),
  };
}

function validateItems(
  items: readonly DealItemInput[],
  path: string,
  problems: InputProblems,
): { values: ItemValues[]; platforms: Reference[] } {
  const platforms: Reference[] = [];
  if (items.length === 0) problems.add(path, 'a deal needs at least one item');
  const values = items.map((item, i): ItemValues => {
    const at = `${path}[${i}]`;
    const platformId = validateId('Platform', item.platform, `${at}.platform`, problems);
    platforms.push({
      path: `${at}.platform`,
      type: 'Platform',
      uuid: platformId,
      id: item.platform,
    });
    const ordered = validateEstimate(item.quantityOrdered, `${at}.quantityOrdered`, problems);
    const delivered = validateEstimate(item.quantityDelivered, `${at}.quantityDelivered`, problems);
    const years = [...new Set(item.deliveryYears ?? [])].sort((a, b) => a - b);
    for (const year of years) {
      if (year < 1000 || year > 3000) problems.add(`${at}.deliveryYears`, `${year} is not a year`);
    }
    return {
      platformId: platformId ?? '',
      quantityOrdered: ordered.value,
      quantityOrderedLow: ordered.low,
      quantityOrderedHigh: ordered.high,
      quantityOrderedUncertain: ordered.uncertain,
      quantityDelivered: delivered.value,
      quantityDeliveredLow: delivered.low,
      quantityDeliveredHigh: delivered.high,
      quantityDeliveredUncertain: delivered.uncertain,
      deliveryYears: years,
      condition: item.condition ?? null,
      tivPerUnit: validateNonNegativeDecimal(item.tivPerUnit, `${at}.tivPerUnit`, problems),
      tivTotalOrder: validateNonNegativeDecimal(
        item.tivTotalOrder,
        `${at}.tivTotalOrder`,
        problems,
      ),
      tivDelivered: validateNonNegativeDecimal(item.tivDelivered, `${at}.tivDelivered`, problems),
      note: validateText(item.note, `${at}.note`, problems, { max: 2000 }),
      description: validateText(item.description, `${at}.description`, problems, { max: 500 }),
    };
  });
  return { values, platforms };
}

/** Stores each item's platform as resolved: a merged platform's winner. */
async function resolveItemPlatforms(
  ctx: Context,
  problems: InputProblems,
  items: { values: ItemValues[]; platforms: Reference[] },
): Promise<void> {
  const ids = await resolveReferences(ctx, problems, items.platforms);
  items.values.forEach((item, i) => (item.platformId = ids[i] ?? ''));
}

export interface ValidCreateDeal {
  deal: DealValues;
  items: ItemValues[];
  citations: ValidCitation[];
  reason: string;
}

export async function validateCreateDeal(
  input: CreateDealInput,
  ctx: Context,
): Promise<ValidCreateDeal> {
  const problems = new InputProblems();
  const supplierId = validateId('Actor', input.supplier, 'input.supplier', problems);
  const recipientId = validateId('Actor', input.recipient, 'input.recipient', problems);
  const order = validateFuzzyDate(input.orderDate, 'input.orderDate', problems);
  const items = validateItems(input.items, 'input.items', problems);
  const reason = validateText(input.reason, 'input.reason', problems, {
    ...REASON,
    required: true,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: true,
  });
  const [supplier, recipient] = await resolveReferences(ctx, problems, [
    { path: 'input.supplier', type: 'Actor', uuid: supplierId, id: input.supplier },
    { path: 'input.recipient', type: 'Actor', uuid: recipientId, id: input.recipient },
  ]);
  await resolveItemPlatforms(ctx, problems, items);
  const deal: DealValues = {
    supplierId: supplier ?? '',
    recipientId: recipient ?? '',
    stage: input.stage,
    arrangement: input.arrangement ?? 'UNKNOWN',
    orderYear: order.year,
    orderMonth: order.month,
    orderDay: order.day,
    orderUncertain: order.uncertain,
    ...reportedValue(input.reportedValue, 'input.reportedValue', problems),
    comments: validateText(input.comments, 'input.comments', problems, { max: 10_000 }),
  };
  problems.throwIfAny();
  return { deal, items: items.values, citations, reason: reason! };
}

export interface ValidUpdateDeal {
  dealId: string;
  expectedVersion: number;
  patch: Partial<DealValues>;
  items: ItemValues[] | null;
  citations: ValidCitation[];
  reason: string | null;
}

/** Fields whose change is a research claim: changing them needs a citation and a reason. */
const CLAIM_FIELDS = ['supplier', 'recipient', 'stage', 'orderDate', 'items'] as const;

export async function validateUpdateDeal(
  input: UpdateDealInput,
  ctx: Context,
): Promise<ValidUpdateDeal> {
  const problems = new InputProblems();
  const dealUuid = validateId('Deal', input.id, 'input.id', problems);
  const patch: Partial<DealValues> = {};
  const dealId = await resolveReference(ctx, problems, {
    path: 'input.id',
    type: 'Deal',
    uuid: dealUuid,
    id: input.id,
  });
  // A field left out is unchanged; a field sent as null is cleared (or refused if required).
  for (const party of ['supplier', 'recipient'] as const) {
    if (!(party in input)) continue;
    const id = input[party];
    if (id === null || id === undefined) {
      problems.add(`input.${party}`, 'a deal always has a ' + party);
      continue;
    }
    const path = `input.${party}`;
    const uuid = validateId('Actor', id, path, problems);
    const actorId = await resolveReference(ctx, problems, { path, type: 'Actor', uuid, id });
    patch[party === 'supplier' ? 'supplierId' : 'recipientId'] = actorId ?? '';
  }
  if ('stage' in input) {
    if (input.stage) patch.stage = input.stage;
    else problems.add('input.stage', 'a deal always has a stage');
  }
  if ('arrangement' in input) patch.arrangement = input.arrangement ?? 'UNKNOWN';
  if ('orderDate' in input) {
    const order = validateFuzzyDate(input.orderDate, 'input.orderDate', problems);
    Object.assign(patch, {
      orderYear: order.year,
      orderMonth: order.month,
      orderDay: order.day,
      orderUncertain: order.uncertain,
    });
  }
  if ('reportedValue' in input) {
    Object.assign(patch, reportedValue(input.reportedValue, 'input.reportedValue', problems));
  }
  if ('comments' in input) {
    patch.comments = validateText(input.comments, 'input.comments', problems, { max: 10_000 });
  }
  let items: ItemValues[] | null = null;
  if ('items' in input) {
    const validated = validateItems(input.items ?? [], 'input.items', problems);
    await resolveItemPlatforms(ctx, problems, validated);
    items = validated.values;
  }
  const claims = CLAIM_FIELDS.some((field) => field in input);
  const reason = validateText(input.reason, 'input.reason', problems, {
    ...REASON,
    required: claims,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: claims,
  });
  problems.throwIfAny();
  return {
    dealId: dealId!,
    expectedVersion: input.expectedVersion,
    patch,
    items,
    citations,
    reason,
  };
}

export interface ValidAddEvent {
  event: EventValues;
  actorIds: string[];
  citations: ValidCitation[];
  reason: string;
}

export async function validateAddEvent(
  input: AddDealEventInput,
  ctx: Context,
): Promise<ValidAddEvent> {
  const problems = new InputProblems();
  const date = validateFuzzyDate(input.date, 'input.date', problems);
  const [dealId, ...actorIds] = await resolveReferences(ctx, problems, [
    {
      path: 'input.deal',
      type: 'Deal',
      uuid: validateId('Deal', input.deal, 'input.deal', problems),
      id: input.deal,
    },
    ...(input.actors ?? []).map((id, i): Reference => {
      const path = `input.actors[${i}]`;
      return { path, type: 'Actor', uuid: validateId('Actor', id, path, problems), id };
    }),
  ]);
  const reason = validateText(input.reason, 'input.reason', problems, {
    ...REASON,
    required: true,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: true,
  });
  const event: EventValues = {
    dealId: dealId ?? '',
    type: input.type,
    dateYear: date.year,
    dateMonth: date.month,
    dateDay: date.day,
    dateUncertain: date.uncertain,
    place: validateText(input.place, 'input.place', problems, { max: 500 }),
    description: validateText(input.description, 'input.description', problems, { max: 5000 }),
  };
  problems.throwIfAny();
  // Two IDs may lead to one actor (a merged one and its winner): each is stored once.
  const actors = [...new Set(actorIds.filter((id) => id !== null))];
  return { event, actorIds: actors, citations, reason: reason! };
}
