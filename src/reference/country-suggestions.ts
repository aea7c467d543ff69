// Reference data: "did you mean" for a country code that is none: the nearest codes and
// names by edit distance, so that "Mail" or "MAIL" leads to ML/MLI (Mali).
import countries from 'i18n-iso-countries';
import { FORMER_STATES } from './former-states.js';

interface Candidate {
  label: string;
  /** Lower-case strings the input is compared with: codes, English names and aliases. */
  keys: string[];
}

let candidates: Candidate[] | null = null;

function allCandidates(): Candidate[] {
  candidates ??= [
    ...Object.entries(countries.getAlpha3Codes()).map(([alpha3, alpha2]) => {
      const names = countries.getName(alpha2, 'en', { select: 'all' }) ?? [];
      return {
        label: `${alpha2}/${alpha3} (${names[0] ?? alpha3})`,
        keys: [alpha2, alpha3, ...names].map((k) => k.toLowerCase()),
      };
    }),
    ...FORMER_STATES.map((s) => ({
      label: `${s.alpha2}/${s.alpha3} (${s.sipriName}, former)`,
      keys: [s.alpha2, s.alpha3, s.sipriName, ...s.aliases.map((a) => a.alias)].map((k) =>
        k.toLowerCase(),
      ),
    })),
  ];
  return candidates;
}

/**
 * Optimal string alignment distance: Levenshtein plus the swap of two neighbours, the commonest
 * typing slip ("Mail" for "Mali" is one edit, not two).
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Up to three countries nearest to `input`, at the smallest distance found, which must be at
 * most 2 (and less than the input's length: any two letters are one edit from some code).
 */
export function suggestCountries(input: string, max = 3): string[] {
  const needle = input.trim().toLowerCase();
  const scored = allCandidates().map((c) => ({
    label: c.label,
    distance: Math.min(...c.keys.map((k) => editDistance(needle, k))),
  }));
  const best = Math.min(...scored.map((s) => s.distance));
  if (best > 2 || best >= needle.length) return [];
  return scored
    .filter((s) => s.distance === best)
    .map((s) => s.label)
    .sort()
    .slice(0, max);
}
