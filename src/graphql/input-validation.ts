// Input validation beyond GraphQL types: collects every problem with its path, then fails once.
import { ApiError } from '../errors.js';
import type { EstimateInput, FuzzyDateInput } from './generated/resolvers-types.js';
import { parseGlobalIdOf, type NodeType } from './global-id.js';

export interface Problem {
  /** Where, as an argument path: `input.items[1].quantityOrdered.low`. */
  path: string;
  message: string;
}

/** Collects problems so that a client learns of every bad field in one answer. */
export class InputProblems {
  readonly list: Problem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** Runs `parse`; a thrown ApiError becomes a problem at `path` and the result is null. */
  attempt<T>(path: string, parse: () => T): T | null {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.add(path, error.message.replace(/^Invalid argument `[^`]*`: /, ''));
      return null;
    }
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const summary = this.list.map((p) => `\`${p.path}\`: ${p.message}`).join('; ');
    throw new ApiError(`Invalid input — ${summary}`, 'BAD_USER_INPUT', { problems: this.list });
  }
}

const MIN_YEAR = 1000;
const MAX_YEAR = 3000;

export interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
  uncertain: boolean;
}

export const NO_DATE: DateParts = { year: null, month: null, day: null, uncertain: false };

export function validateFuzzyDate(
  input: FuzzyDateInput | null | undefined,
  path: string,
  problems: InputProblems,
): DateParts {
  if (!input) return NO_DATE;
  const { year, month = null, day = null } = input;
  if (year < MIN_YEAR || year > MAX_YEAR) {
    problems.add(`${path}.year`, `${year} is not a year between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  if (month !== null && (month < 1 || month > 12)) {
    problems.add(`${path}.month`, `${month} is not a month (1–12)`);
  }
  if (day !== null) {
    if (month === null) problems.add(`${path}.day`, 'a day needs a month');
    else if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
      problems.add(`${path}.day`, `${year}-${month} has no day ${day}`);
    }
  }
  return { year, month, day, uncertain: input.uncertain ?? false };
}

export interface EstimateParts {
  value: number | null;
  low: number | null;
  high: number | null;
  uncertain: boolean;
}

export const NO_ESTIMATE: EstimateParts = { value: null, low: null, high: null, uncertain: false };

export function validateEstimate(
  input: EstimateInput | null | undefined,
  path: string,
  problems: InputProblems,
): EstimateParts {
  if (!input) return NO_ESTIMATE;
  const parts = {
    value: input.value ?? null,
    low: input.low ?? null,
    high: input.high ?? null,
    uncertain: input.uncertain ?? false,
  };
  for (const key of ['value', 'low', 'high'] as const) {
    const n = parts[key];
    if (n !== null && n < 0) problems.add(`${path}.${key}`, `${n} is negative`);
  }
  const { value, low, high } = parts;
  if (low !== null && high !== null && low > high) {
    problems.add(path, `low (${low}) is above high (${high})`);
  }
  if (value !== null && low !== null && value < low) {
    problems.add(path, `value (${value}) is below low (${low})`);
  }
  if (value !== null && high !== null && value > high) {
    problems.add(path, `value (${value}) is above high (${high})`);
  }
  return parts;
}

export function validateText(
  text: string | null | undefined,
  path: string,
  problems: InputProblems,
  { max, required = false }: { max: number; required?: boolean },
): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') {
    if (required) problems.add(path, 'must not be empty');
    return null;
  }
  if (trimmed.length > max) problems.add(path, `is ${trimmed.length} characters; at most ${max}`);
  return trimmed;
}

export function validateUrl(
  url: string | null | undefined,
  path: string,
  problems: InputProblems,
): string | null {
  if (url === null || url === undefined || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.toString();
  } catch {
    // reported below
  }
  problems.add(path, `"${url}" is not an http or https URL`);
  return null;
}

/** A BCP 47 language tag in canonical case (fr, pt-BR), or a problem. */
export function validateLanguage(
  tag: string | null | undefined,
  path: string,
  problems: InputProblems,
): string | null {
  if (tag === null || tag === undefined || tag.trim() === '') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (canonical) return canonical;
  } catch {
    // reported below
  }
  problems.add(path, `"${tag}" is not a BCP 47 language tag (fr, ru, en, pt-BR)`);
  return null;
}

export function validateCurrency(
  code: string | null | undefined,
  path: string,
  problems: InputProblems,
): string | null {
  if (code === null || code === undefined) return null;
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !CURRENCY_NAMES.of(upper)) {
    problems.add(path, `"${code}" is not an ISO 4217 currency code`);
  }
  return upper;
}

// ICU's currency names: every ISO 4217 code, current or withdrawn (SUR, FRF, DEM — arms deals
// of the Cold War are priced in them), and nothing for a made-up one (`fallback: 'none'`).
// Intl.supportedValuesOf('currency') would refuse the withdrawn codes.
const CURRENCY_NAMES = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });

export function validateNonNegativeDecimal(
  value: string | null | undefined,
  path: string,
  problems: InputProblems,
): string | null {
  if (value === null || value === undefined) return null;
  if (value.startsWith('-')) problems.add(path, `${value} is negative`);
  return value;
}

/** The UUID of a global ID of `type`, or null with a problem recorded. */
export function validateId(
  type: NodeType,
  id: string,
  path: string,
  problems: InputProblems,
): string | null {
  return problems.attempt(path, () => parseGlobalIdOf(type, id, path));
}

/** The two records of a merge, of one type, distinct, with a reason. */
export function validateMerge(
  type: 'Actor' | 'Platform',
  input: { loser: string; winner: string; reason: string },
  problems: InputProblems,
): { loserId: string; winnerId: string; reason: string } {
  const loserId = validateId(type, input.loser, 'input.loser', problems);
  const winnerId = validateId(type, input.winner, 'input.winner', problems);
  if (loserId && loserId === winnerId)
    problems.add('input.winner', 'a record cannot be merged into itself');
  const reason = validateText(input.reason, 'input.reason', problems, {
    max: 1000,
    required: true,
  });
  problems.throwIfAny();
  return { loserId: loserId!, winnerId: winnerId!, reason: reason! };
}

export interface AliasParts {
  alias: string;
  language: string | null;
}

/** Aliases trimmed, de-duplicated (ignoring case) and with valid language tags. */
export function validateAliases(
  inputs: readonly { name: string; language?: string | null }[] | null | undefined,
  path: string,
  problems: InputProblems,
): AliasParts[] {
  const seen = new Set<string>();
  const aliases: AliasParts[] = [];
  (inputs ?? []).forEach((input, i) => {
    const alias = validateText(input.name, `${path}[${i}].name`, problems, {
      max: 300,
      required: true,
    });
    const language = validateLanguage(input.language, `${path}[${i}].language`, problems);
    if (alias && !seen.has(alias.toLowerCase())) {
      seen.add(alias.toLowerCase());
      aliases.push({ alias, language });
    }
  });
  return aliases;
}

/** Checks that `[from, to]` years are ordered when both are given. */
export function validateYearSpan(
  from: number | null | undefined,
  to: number | null | undefined,
  path: string,
  problems: InputProblems,
): void {
  for (const [key, year] of [
    ['existedFrom', from],
    ['existedUntil', to],
  ] as const) {
    if (year !== null && year !== undefined && (year < MIN_YEAR || year > MAX_YEAR)) {
      problems.add(`${path}.${key}`, `${year} is not a year between ${MIN_YEAR} and ${MAX_YEAR}`);
    }
  }
  if (from != null && to != null && from > to) {
    problems.add(path, `existedFrom (${from}) is after existedUntil (${to})`);
  }
}
