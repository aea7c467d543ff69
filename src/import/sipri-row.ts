// SIPRI import, stage 2: validates one raw record and types its 16 positional fields.
import type { SipriRawRecord } from './sipri-csv-reader.js';
import { SIPRI_HEADER } from './sipri-csv-reader.js';
import { SipriInputError } from './sipri-input-error.js';

export type SipriCondition = 'NEW' | 'SECOND_HAND' | 'SECOND_HAND_MODERNIZED';

/** One trade-register row, typed; empty stays null (unknown), never 0. */
export interface SipriRow {
  line: number;
  recipient: string;
  supplier: string;
  orderYear: number;
  orderUncertain: boolean;
  numberOrdered: number | null;
  numberOrderedUncertain: boolean;
  designation: string;
  description: string;
  numberDelivered: number | null;
  numberDeliveredUncertain: boolean;
  deliveryYears: number[];
  condition: SipriCondition;
  /** Verbatim, including leading/trailing spaces and any line break; null when empty. */
  comments: string | null;
  /** Exact decimal strings, as published (numeric columns keep them exact). */
  tivPerUnit: string | null;
  tivTotalOrder: string | null;
  tivDelivered: string | null;
}

const CONDITIONS: Record<string, SipriCondition> = {
  new: 'NEW',
  'second hand': 'SECOND_HAND',
  'second hand but modernized': 'SECOND_HAND_MODERNIZED',
};

const COLUMN = {
  recipient: 0,
  supplier: 1,
  orderYear: 2,
  orderFlag: 3,
  numberOrdered: 4,
  orderedFlag: 5,
  designation: 6,
  description: 7,
  numberDelivered: 8,
  deliveredFlag: 9,
  deliveryYears: 10,
  status: 11,
  comments: 12,
  tivPerUnit: 13,
  tivTotalOrder: 14,
  tivDelivered: 15,
} as const;

// Field names for error messages; the flag columns have no name of their own in the header.
const FIELD_NAMES: Record<number, string> = {
  3: '"?" flag of Year of order',
  5: '"?" flag of Number ordered',
  9: '"?" flag of Number delivered',
};

const fieldName = (index: number) =>
  FIELD_NAMES[index] ?? SIPRI_HEADER[index] ?? `column ${index + 1}`;

const YEAR = /^\d{4}$/;
const COUNT = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Types a raw record, or throws a SipriInputError naming the line, the field and the value. */
export function parseSipriRow(record: SipriRawRecord): SipriRow {
  const f = record.fields;
  const fail = (index: number, reason: string): never => {
    throw new SipriInputError({
      line: record.line,
      field: fieldName(index),
      value: f[index] ?? '',
      reason,
    });
  };
  const raw = (index: number) => f[index] ?? '';
  const text = (index: number) => raw(index).trim();
  const required = (index: number) => text(index) || fail(index, 'must not be empty');
  const flag = (index: number) => {
    const v = text(index);
    if (v !== '' && v !== '?') fail(index, 'expected "?" or empty');
    return v === '?';
  };
  const count = (index: number) => {
    const v = text(index);
    if (v === '') return null;
    if (!COUNT.test(v)) fail(index, 'expected a whole number or empty');
    return Number(v);
  };
  const decimal = (index: number) => {
    const v = text(index);
    if (v === '') return null;
    if (!DECIMAL.test(v)) fail(index, 'expected a decimal number like 7.25, or empty');
    return v;
  };

  const orderYearText = text(COLUMN.orderYear);
  if (!YEAR.test(orderYearText)) fail(COLUMN.orderYear, 'expected a four-digit year');

  const yearsText = text(COLUMN.deliveryYears);
  const deliveryYears =
    yearsText === ''
      ? []
      : yearsText.split(';').map((y) => {
          const year = y.trim();
          if (!YEAR.test(year)) fail(COLUMN.deliveryYears, `"${year}" is not a four-digit year`);
          return Number(year);
        });

  const condition = CONDITIONS[text(COLUMN.status).toLowerCase().replace(/\s+/g, ' ')];
  if (!condition) {
    fail(COLUMN.status, 'expected "New", "Second hand" or "Second hand but modernized"');
  }

  const comments = raw(COLUMN.comments);
  return {
    line: record.line,
    recipient: required(COLUMN.recipient),
    supplier: required(COLUMN.supplier),
    orderYear: Number(orderYearText),
    orderUncertain: flag(COLUMN.orderFlag),
    numberOrdered: count(COLUMN.numberOrdered),
    numberOrderedUncertain: flag(COLUMN.orderedFlag),
    designation: required(COLUMN.designation).replace(/\s+/g, ' '),
    description: text(COLUMN.description),
    numberDelivered: count(COLUMN.numberDelivered),
    numberDeliveredUncertain: flag(COLUMN.deliveredFlag),
    deliveryYears,
    condition: condition!,
    comments: comments.trim() === '' ? null : comments,
    tivPerUnit: decimal(COLUMN.tivPerUnit),
    tivTotalOrder: decimal(COLUMN.tivTotalOrder),
    tivDelivered: decimal(COLUMN.tivDelivered),
  };
}
