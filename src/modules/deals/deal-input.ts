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
import { validateCitations, type ValidCitation } from '../sources/sources.service.js';

export type DealValues = Omit<InferInsertModel<typeof deals>, 'id'>;
export type ItemValues = Omit<InferInsertModel<typeof dealItems>, 'id' | 'dealId' | 'position'>;
export type EventValues = Omit<InferInsertModel<typeof dealEvents>, 'id'>;

const REASON = { max: 1000 };

async function checkExists(
  ctx: Context,
  problems: InputProblems,
  checks: { path: string; kind: 'Actor' | 'Platform' | 'Deal'; uuid: string | null; id: string }[],
) {
  await Promise.all(
    checks.map(async ({ path, kind, uuid, id }) => {
      if (!uuid) return;
      const loader =
        kind === 'Actor'
          ? ctx.loaders.actorById
          : kind === 'Platform'
            ? ctx.loaders.platformById
            : ctx.loaders.dealById;
      if (!(await loader.load(uuid))) problems.add(path, `no ${kind} has the ID "${id}"`);
    }),
  );
}

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
): { values: ItemValues[]; platformChecks: Parameters<typeof checkExists>[2] } {
  const platformChecks: Parameters<typeof checkExists>[2] = [];
  if (items.length === 0) problems.add(path, 'a deal needs at least one item');
  const values = items.map((item, i): ItemValues => {
    const at = `${path}[${i}]`;
    const platformId = validateId('Platform', item.platform, `${at}.platform`, problems);
    platformChecks.push({
      path: `${at}.platform`,
      kind: 'Platform',
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
  return { values, platformChecks };
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
  await checkExists(ctx, problems, [
    { path: 'input.supplier', kind: 'Actor', uuid: supplierId, id: input.supplier },
    { path: 'input.recipient', kind: 'Actor', uuid: recipientId, id: input.recipient },
    ...items.platformChecks,
  ]);
  const deal: DealValues = {
    supplierId: supplierId ?? '',
    recipientId: recipientId ?? '',
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
  const dealId = validateId('Deal', input.id, 'input.id', problems);
  const patch: Partial<DealValues> = {};
  const checks: Parameters<typeof checkExists>[2] = [
    { path: 'input.id', kind: 'Deal', uuid: dealId, id: input.id },
  ];
  // A field left out is unchanged; a field sent as null is cleared (or refused if required).
  for (const party of ['supplier', 'recipient'] as const) {
    if (!(party in input)) continue;
    const id = input[party];
    if (id === null || id === undefined) {
      problems.add(`input.${party}`, 'a deal always has a ' + party);
      continue;
    }
    const uuid = validateId('Actor', id, `input.${party}`, problems);
    checks.push({ path: `input.${party}`, kind: 'Actor', uuid, id });
    patch[party === 'supplier' ? 'supplierId' : 'recipientId'] = uuid ?? '';
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
    items = validated.values;
    checks.push(...validated.platformChecks);
  }
  const claims = CLAIM_FIELDS.some((field) => field in input);
  const reason = validateText(input.reason, 'input.reason', problems, {
    ...REASON,
    required: claims,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: claims,
  });
  await checkExists(ctx, problems, checks);
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
  const dealId = validateId('Deal', input.deal, 'input.deal', problems);
  const date = validateFuzzyDate(input.date, 'input.date', problems);
  const checks: Parameters<typeof checkExists>[2] = [
    { path: 'input.deal', kind: 'Deal', uuid: dealId, id: input.deal },
  ];
  const actorIds = (input.actors ?? []).map((id, i) => {
    const uuid = validateId('Actor', id, `input.actors[${i}]`, problems);
    checks.push({ path: `input.actors[${i}]`, kind: 'Actor', uuid, id });
    return uuid ?? '';
  });
  const reason = validateText(input.reason, 'input.reason', problems, {
    ...REASON,
    required: true,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: true,
  });
  await checkExists(ctx, problems, checks);
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
  return { event, actorIds: [...new Set(actorIds)], citations, reason: reason! };
}
