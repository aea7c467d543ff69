// SIPRI import: the stable key of a trade-register row, which gives each deal its ID.
import { stableUuid } from '../db/stable-id.js';

/**
 * SIPRI rows have no identifier, so a deal's identity is derived from the fields that
 * describe *which* transfer it is, never from the ones that describe *how far* it got:
 *
 *   sipri:<recipient>|<supplier>|<year of order>|<designation>|<number ordered>#<n>
 *
 * - recipient / supplier: the actor identity (ISO alpha-3, else the canonical name), so
 *   `UAE` and `United Arab Emirates`, or `Libya HoR*` and `House of Representatives
 *   (Libya)*`, give the same key;
 * - designation: canonical, lower case (`Mi-24P/Mi-35P` → `mi-24p`);
 * - number ordered: empty when unknown;
 * - n: the occurrence of this key in the file, 1, 2, … in file order — SIPRI has exact
 *   duplicate rows, and more rows share the other fields.
 *
 * Left out on purpose, because a newer release revises them for the same deal: the `?`
 * flags, the weapon description (reworded between 2024 and 2026), number delivered,
 * delivery years and status (they grow as deliveries happen), TIVs and comments.
 * The trade-off: a release that corrects the number ordered or the order year turns the
 * row into a new deal and reports the old one as missing (never deleting it), and rows
 * sharing a key can swap their occurrence numbers when SIPRI reorders a recipient's
 * block. Keeping the number ordered makes those shared keys rare (it splits most
 * same-year orders of one designation), which matters more than surviving a corrected count.
 */
export function sipriDealKey(parts: {
  recipientKey: string;
  supplierKey: string;
  orderYear: number;
  designation: string;
  numberOrdered: number | null;
}): string {
  return [
    parts.recipientKey,
    parts.supplierKey,
    parts.orderYear,
    parts.designation.toLowerCase(),
    parts.numberOrdered ?? '',
  ].join('|');
}

/** Numbers rows that share a key, in file order. */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();

  next(baseKey: string): string {
    const n = (this.seen.get(baseKey) ?? 0) + 1;
    this.seen.set(baseKey, n);
    return `sipri:${baseKey}#${n}`;
  }
}

export const sipriIds = {
  deal: (importKey: string) => stableUuid(`deal:${importKey}`),
  item: (importKey: string) => stableUuid(`item:${importKey}:0`),
  citation: (sourceId: string, dealId: string) => stableUuid(`citation:${sourceId}:deal:${dealId}`),
};
