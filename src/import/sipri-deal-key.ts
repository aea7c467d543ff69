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
 * - n: 1, 2, … for deals that share the rest (SIPRI has exact duplicate rows, and more rows
 *   share these fields), the next free number when a new deal is added.
 *
 * The key names a deal when it is first imported and never changes after: a later release's
 * rows are matched to deals by src/import/sipri-release-matching.ts (same key first, then
 * respellings, renames and corrections), not by recomputing keys, so a corrected year or
 * count keeps its deal. Left out of the key because a newer release revises them for the same
 * deal: the `?` flags, the weapon description (reworded between 2024 and 2026), number
 * delivered, delivery years and status (they grow as deliveries happen), TIVs and comments.
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

export const sipriIds = {
  deal: (importKey: string) => stableUuid(`deal:${importKey}`),
  item: (importKey: string) => stableUuid(`item:${importKey}:0`),
  citation: (sourceId: string, dealId: string) => stableUuid(`citation:${sourceId}:deal:${dealId}`),
};
