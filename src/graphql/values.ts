// Value objects built from row columns: fuzzy dates, estimates, deal items' values and family
// links' provenance.
import type { DealItemRow } from '../db/schema.js';
import { FAMILY_RULES } from '../import/platform-family-rules.js';
import type {
  DatePrecision,
  Estimate,
  FamilySource,
  FuzzyDate,
} from './generated/resolvers-types.js';

/** A FuzzyDate from stored parts, or null when not even the year is known. */
export function fuzzyDate(
  year: number | null,
  month: number | null,
  day: number | null,
  uncertain: boolean,
): FuzzyDate | null {
  if (year === null) return null;
  const precision: DatePrecision = day !== null ? 'DAY' : month !== null ? 'MONTH' : 'YEAR';
  const parts = [String(year).padStart(4, '0')];
  if (month !== null) parts.push(String(month).padStart(2, '0'));
  if (month !== null && day !== null) parts.push(String(day).padStart(2, '0'));
  return {
    year,
    month,
    day: month === null ? null : day,
    precision,
    uncertain,
    iso: parts.join('-') + (uncertain ? '?' : ''),
  };
}

/** An Estimate, or null when nothing at all is known (no value, no range, no doubt flagged). */
export function estimate(
  value: number | null,
  low: number | null,
  high: number | null,
  uncertain: boolean,
): Estimate | null {
  if (value === null && low === null && high === null && !uncertain) return null;
  return { value, low, high, uncertain };
}

/** platforms.family_source (`editor`, `rule:<name>` or null) as the API shows it. */
export function familySource(stored: string | null): FamilySource | null {
  if (stored === null) return null;
  if (stored === 'editor') return { kind: 'EDITOR', rule: null, description: null };
  const rule = stored.slice('rule:'.length);
  const description = (FAMILY_RULES as Record<string, string>)[rule] ?? null;
  return { kind: 'RULE', rule, description };
}

/**
 * A deal item's own values as the API shows them (quantities as estimates, TIV as stored text),
 * for every place that writes an item out whole: revisions' snapshots and the bulk export.
 */
export function dealItemValues(item: DealItemRow) {
  return {
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
