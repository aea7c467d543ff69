// SIPRI import: ties the rows of a new release to the deals already in the database, most
// certain first, and says why. Pure: no database, so every rule is testable on its own.
import { designationRelation } from './sipri-designations.js';

/** What matching compares of a row, or of a deal (as its newest release published it). */
export interface MatchRecord {
  /** `supplierId|recipientId`: nothing is ever matched across parties. */
  pair: string;
  orderYear: number;
  numberOrdered: number | null;
  /** SIPRI's designation, as published. */
  designation: string;
  /** The designation as keys use it (canonical, lower case). */
  keyDesignation: string;
  description: string | null;
  tivPerUnit: string | null;
  comments: string | null;
  /** Every other published value, for telling apart rows that agree on the above. */
  rest: readonly unknown[];
}

export type MatchKind = 'SAME_KEY' | 'RESPELLED' | 'RENAMED' | 'CORRECTED';

export interface ReleaseMatch {
  /** Index into the rows given. */
  row: number;
  /** Index into the deals given. */
  deal: number;
  kind: MatchKind;
  /** What differs, for a match other than SAME_KEY ("number ordered 18 → 6"). */
  note: string | null;
}

export interface AmbiguousMatch {
  rows: number[];
  deals: number[];
  reason: string;
}

export interface MatchResult {
  matches: ReleaseMatch[];
  /** Candidates that fitted equally well: never guessed (new deals, retired deals). */
  ambiguous: AmbiguousMatch[];
}

/**
 * Matches `rows` (a new release) to `deals` (SIPRI deals in the database), each at most once:
 *
 * 1. SAME_KEY: same parties, year of order, number ordered and designation (canonical).
 * 2. RESPELLED / RENAMED: same parties, year and number, and a designation that differs only
 *    in spelling and punctuation, or names the same weapon (a shared `/` alternative, a
 *    model number without its name, a known rename).
 * 3. CORRECTED: same parties and weapon, and exactly one of year of order (±1) or number
 *    ordered changed, when exactly one candidate fits on both sides; otherwise every row and
 *    deal of the tangle is ambiguous.
 *
 * Where several rows compete for deals in steps 1 and 2 (rows that share a key), they are
 * paired by how many of their other fields agree (designation as written, description, TIV per
 * unit, comments, then the rest), best first; identical candidates are interchangeable. A tie
 * between different candidates is ambiguous: none of them is matched, in any step.
 */
export function matchRelease(
  rows: readonly MatchRecord[],
  deals: readonly MatchRecord[],
): MatchResult {
  const result: MatchResult = { matches: [], ambiguous: [] };
  const rowsByPair = groupIndexes(rows.keys(), (r) => rows[r]!.pair);
  const dealsByPair = groupIndexes(deals.keys(), (d) => deals[d]!.pair);
  for (const [pair, rowIndexes] of rowsByPair) {
    const dealIndexes = dealsByPair.get(pair);
    if (dealIndexes) matchPair(rows, deals, rowIndexes, dealIndexes, result);
  }
  return result;
}

function matchPair(
  rows: readonly MatchRecord[],
  deals: readonly MatchRecord[],
  rowIndexes: number[],
  dealIndexes: number[],
  result: MatchResult,
): void {
  const freeRows = new Set(rowIndexes);
  const freeDeals = new Set(dealIndexes);
  const take = (match: ReleaseMatch) => {
    freeRows.delete(match.row);
    freeDeals.delete(match.deal);
    result.matches.push(match);
  };
  const block = (ambiguous: AmbiguousMatch) => {
    for (const r of ambiguous.rows) freeRows.delete(r);
    for (const d of ambiguous.deals) freeDeals.delete(d);
    result.ambiguous.push(ambiguous);
  };

  // 1. Same key: compared within groups of one key, as a pair can hold hundreds of rows.
  const key = (m: MatchRecord) => `${m.orderYear}|${m.numberOrdered ?? ''}|${m.keyDesignation}`;
  const dealsByKey = groupIndexes(dealIndexes, (d) => key(deals[d]!));
  for (const [k, keyRows] of groupIndexes(rowIndexes, (r) => key(rows[r]!))) {
    const keyDeals = dealsByKey.get(k);
    if (!keyDeals) continue;
    const sets = { rows: new Set(keyRows), deals: new Set(keyDeals) };
    pairByFields(rows, deals, sets, () => true, 'SAME_KEY', take, block);
  }

  // 2. Same year and number; the designation respelled or another name of the weapon.
  pairByFields(
    rows,
    deals,
    { rows: freeRows, deals: freeDeals },
    (r, d) =>
      r.orderYear === d.orderYear &&
      r.numberOrdered === d.numberOrdered &&
      designationRelation(r.designation, d.designation) !== null,
    (r, d) => designationRelation(r.designation, d.designation)!,
    take,
    block,
  );

  // 3. One correction, with exactly one candidate on each side.
  const corrects = (r: MatchRecord, d: MatchRecord) =>
    correction(r, d) !== null &&
    (r.keyDesignation === d.keyDesignation ||
      designationRelation(r.designation, d.designation) !== null);
  const candidates = new Map<number, number[]>();
  const suitors = new Map<number, number[]>();
  for (const r of freeRows) {
    for (const d of freeDeals) {
      if (!corrects(rows[r]!, deals[d]!)) continue;
      candidates.set(r, [...(candidates.get(r) ?? []), d]);
      suitors.set(d, [...(suitors.get(d) ?? []), r]);
    }
  }
  const unsettled: number[] = [];
  for (const [r, ds] of candidates) {
    const d = ds[0]!;
    if (ds.length === 1 && suitors.get(d)?.length === 1) {
      take({ row: r, deal: d, kind: 'CORRECTED', note: correction(rows[r]!, deals[d]!) });
    } else {
      unsettled.push(r);
    }
  }
  // The rest are rows and deals with more than one possible partner: reported as ambiguous
  // (one entry per connected group), so that the summary and the review report show them.
  for (const start of unsettled) {
    if (!freeRows.has(start)) continue;
    const group = { rows: new Set([start]), deals: new Set<number>() };
    const queue: ['row' | 'deal', number][] = [['row', start]];
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [side, index] = next;
      const partners = (side === 'row' ? candidates : suitors).get(index) ?? [];
      const seen = side === 'row' ? group.deals : group.rows;
      for (const p of partners) {
        if (seen.has(p)) continue;
        seen.add(p);
        queue.push([side === 'row' ? 'deal' : 'row', p]);
      }
    }
    block({
      rows: [...group.rows].sort((a, b) => a - b),
      deals: [...group.deals].sort((a, b) => a - b),
      reason: `${counted(group.rows.size, 'row')} and ${counted(group.deals.size, 'deal')} fit one another as corrections (year of order ±1 or number ordered): not guessed`,
    });
  }
}

/** The one correction that turns deal `d` into row `r`, described; null if not exactly one. */
function correction(r: MatchRecord, d: MatchRecord): string | null {
  const changes: string[] = [];
  if (r.orderYear !== d.orderYear) {
    if (Math.abs(r.orderYear - d.orderYear) > 1) return null;
    changes.push(`year of order ${d.orderYear} → ${r.orderYear}`);
  }
  if (r.numberOrdered !== d.numberOrdered) {
    changes.push(
      `number ordered ${d.numberOrdered ?? 'unknown'} → ${r.numberOrdered ?? 'unknown'}`,
    );
  }
  if (changes.length !== 1) return null;
  if (r.designation !== d.designation) changes.push(designationChange(d, r));
  return changes.join('; ');
}

function designationChange(from: MatchRecord, to: MatchRecord): string {
  return `designation "${from.designation}" → "${to.designation}"`;
}

/**
 * Pairs the free rows and deals that `fits`, best agreement first. A pair whose row (or deal)
 * has an equally good, different alternative is ambiguous and blocks everyone in the tie.
 */
function pairByFields(
  rows: readonly MatchRecord[],
  deals: readonly MatchRecord[],
  free: { rows: Set<number>; deals: Set<number> },
  fits: (row: MatchRecord, deal: MatchRecord) => boolean,
  kind: MatchKind | ((row: MatchRecord, deal: MatchRecord) => MatchKind),
  take: (match: ReleaseMatch) => void,
  block: (ambiguous: AmbiguousMatch) => void,
): void {
  const { rows: freeRows, deals: freeDeals } = free;
  const settle = (rowIndexes: number[], dealIndexes: number[]) => {
    for (const r of rowIndexes) freeRows.delete(r);
    for (const d of dealIndexes) freeDeals.delete(d);
  };
  const pairs: { row: number; deal: number; score: number }[] = [];
  for (const r of freeRows) {
    for (const d of freeDeals) {
      if (fits(rows[r]!, deals[d]!))
        pairs.push({ row: r, deal: d, score: agreement(rows[r]!, deals[d]!) });
    }
  }
  // Best first; equal scores in input order, so that the outcome never depends on Set order.
  pairs.sort((a, b) => b.score - a.score || a.row - b.row || a.deal - b.deal);
  for (const pair of pairs) {
    if (!freeRows.has(pair.row) || !freeDeals.has(pair.deal)) continue;
    const rivals = pairs.filter(
      (p) =>
        p.score === pair.score &&
        freeRows.has(p.row) &&
        freeDeals.has(p.deal) &&
        ((p.row === pair.row && !sameRecord(deals[p.deal]!, deals[pair.deal]!)) ||
          (p.deal === pair.deal && !sameRecord(rows[p.row]!, rows[pair.row]!))),
    );
    if (rivals.length > 0) {
      const involved = [pair, ...rivals];
      settle(
        involved.map((p) => p.row),
        involved.map((p) => p.deal),
      );
      block({
        rows: unique(involved.map((p) => p.row)),
        deals: unique(involved.map((p) => p.deal)),
        reason: `${involved.length} equally good pairings of rows with the same key and different values`,
      });
      continue;
    }
    const row = rows[pair.row]!;
    const deal = deals[pair.deal]!;
    const matchKind = typeof kind === 'function' ? kind(row, deal) : kind;
    settle([pair.row], [pair.deal]);
    take({
      row: pair.row,
      deal: pair.deal,
      kind: matchKind,
      note: matchKind === 'SAME_KEY' ? null : designationChange(deal, row),
    });
  }
}

/** How many fields two records agree on; the ones that identify a weapon count double. */
function agreement(a: MatchRecord, b: MatchRecord): number {
  let score = 0;
  for (const field of ['designation', 'description', 'tivPerUnit', 'comments'] as const) {
    if (a[field] === b[field]) score += 2;
  }
  a.rest.forEach((value, i) => {
    if (JSON.stringify(value) === JSON.stringify(b.rest[i])) score += 1;
  });
  return score;
}

/** Records that no field tells apart: which of them gets which partner makes no difference. */
function sameRecord(a: MatchRecord, b: MatchRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Indexes grouped by a key of what they point at. */
function groupIndexes(
  indexes: Iterable<number>,
  key: (index: number) => string,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indexes) {
    const k = key(i);
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}
