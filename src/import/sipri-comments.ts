// SIPRI import: derives arrangement, stage and variant note from a row's Comments and numbers.
// The comment itself is always kept verbatim; these are readable extractions of it.

export type SipriArrangement = 'LICENSED_PRODUCTION' | 'LEASE' | 'AID' | 'UNKNOWN';
export type SipriStage = 'ORDERED' | 'DELIVERING' | 'DELIVERED' | 'CANCELLED';

// "produced/assembled/built under licence" (and SIPRI's typos of them), "licensed production".
const LICENCE = /\bunder licen[cs]e\b|\blicen[cs]ed production\b/i;
const LEASE = /\blease[ds]?\b|\bleasing\b/i;
const AID = /\baid\b/i;
const CANCELLED = /\bcancel+ed\b/i;

/**
 * The arrangement a comment states. Licensed production outranks lease and aid because it
 * describes how the item was made, the others only how it was paid for; a row without any
 * of them is UNKNOWN rather than SALE, because SIPRI does not say it was sold.
 */
export function deriveArrangement(comments: string | null): SipriArrangement {
  if (!comments) return 'UNKNOWN';
  if (LICENCE.test(comments)) return 'LICENSED_PRODUCTION';
  if (LEASE.test(comments)) return 'LEASE';
  if (AID.test(comments)) return 'AID';
  return 'UNKNOWN';
}

/**
 * The stage of a SIPRI row. SIPRI comments mention cancellation mostly for the *rest* of
 * an order ("2 more cancelled") after deliveries were made, so a comment saying cancelled
 * makes the deal CANCELLED only when nothing was delivered; otherwise the delivered part
 * stands and the deal is DELIVERED. An unknown number ordered with deliveries is
 * DELIVERING: SIPRI leaves it empty while an order is still being filled.
 */
export function deriveStage(row: {
  comments: string | null;
  numberOrdered: number | null;
  numberDelivered: number | null;
  deliveryYears: readonly number[];
}): SipriStage {
  const cancelled = row.comments !== null && CANCELLED.test(row.comments);
  const delivered = row.numberDelivered ?? 0;
  if (delivered === 0 && row.deliveryYears.length === 0) return cancelled ? 'CANCELLED' : 'ORDERED';
  if (cancelled) return 'DELIVERED';
  if (row.numberOrdered === null || delivered < row.numberOrdered) return 'DELIVERING';
  return 'DELIVERED';
}

/**
 * The variant the comment states ("Mi-171Sh armed version", "P-18 version"): every
 * `;`-separated clause that names a single version. "in several versions" is not one.
 */
export function deriveVariantNote(comments: string | null): string | null {
  if (!comments) return null;
  const clauses = comments
    .split(';')
    .map((c) => c.trim())
    .filter((c) => /\bversion\b/i.test(c));
  return clauses.length > 0 ? clauses.join('; ') : null;
}
