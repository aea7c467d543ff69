// Input validation beyond GraphQL types, with zod: each mutation's input has a schema (in its
// module's `<module>.input.ts`) whose output type is the validated value the service takes. The
// pieces every schema uses are here, with the messages clients read; parseInput runs a schema and
// turns its issues into one BAD_USER_INPUT error that lists every bad field with its path.
import { z } from 'zod';
import { InvalidFieldsError, NotFoundError, type Problem } from '../errors.js';
import { parseGlobalId, parseGlobalIdOf, type NodeType } from './global-id.js';

/**
 * Finds the record a stored reference names, following merges (see references.ts): how the
 * schemas check that IDs exist. Through the request's loaders, so a whole input is one batch.
 */
export type Lookup = (
  type: NodeType,
  uuid: string,
) => Promise<{ id: string; deletedAt?: Date | null } | null>;

// A reference to a deleted record is NOT_FOUND, not a problem of the input: the issue carries
// this mark, and parseInput throws for it.
const DELETED = 'deleted';

/**
 * Runs `schema` over `input` (the argument named `argument`, `input` by default); the validated
 * value, or BAD_USER_INPUT listing every problem, or NOT_FOUND for a reference to a deleted record.
 */
export async function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  argument = 'input',
): Promise<z.output<S>> {
  const result = await schema.safeParseAsync(input);
  if (result.success) return result.data;
  // Problems in the order of the fields as sent: zod reports the fields checked against the
  // database (references) after the others, as their lookups finish.
  const order = input && typeof input === 'object' ? Object.keys(input) : [];
  const rank = (issue: z.core.$ZodIssue) => {
    const at = order.indexOf(String(issue.path[0]));
    return at < 0 ? order.length : at;
  };
  const issues = [...result.error.issues].sort((a, b) => rank(a) - rank(b));
  for (const issue of issues) {
    const deleted = (issue.code === 'custom' ? issue.params?.[DELETED] : undefined) as
      { type: NodeType; id: string } | undefined;
    if (deleted) {
      const { type, id } = deleted;
      throw new NotFoundError(pathOf(argument, issue.path), type, id, true);
    }
  }
  const problems: Problem[] = issues.map((issue) => ({
    path: pathOf(argument, issue.path),
    message: issue.message,
  }));
  throw new InvalidFieldsError(problems);
}

/** `input.items[1].platform`, from zod's path. */
function pathOf(argument: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`),
    argument,
  );
}

/** A value GraphQL has already checked (an enum), that must not be null when `message` is given. */
export function checked<T>(message?: string) {
  return message
    ? z.custom<T>((value) => value !== null && value !== undefined, message)
    : z.custom<T>(() => true);
}

/** Trimmed text, at most `max` characters; empty is null, or a problem when `required`. */
export function text(options: { max: number; required: true }): z.ZodType<string, unknown>;
export function text(options: { max: number; required?: false }): z.ZodType<string | null, unknown>;
export function text({
  max,
  required = false,
}: {
  max: number;
  required?: boolean;
}): z.ZodType<string | null, unknown> {
  return z
    .string()
    .nullish()
    .transform((value, ctx) => {
      const trimmed = value?.trim() ?? '';
      if (trimmed === '') {
        if (!required) return null;
        ctx.addIssue({ code: 'custom', message: 'must not be empty' });
        return z.NEVER;
      }
      if (trimmed.length > max) {
        // The value is still usable by checks of the record as a whole: they run too.
        ctx.addIssue({
          code: 'custom',
          message: `is ${trimmed.length} characters; at most ${max}`,
          continue: true,
        });
      }
      return trimmed;
    });
}

/** Years outside this span are certainly typing mistakes, and would overflow smallint columns. */
const MIN_YEAR = 1000;
const MAX_YEAR = 3000;

export function year(
  message = (y: unknown) => `${String(y)} is not a year between ${MIN_YEAR} and ${MAX_YEAR}`,
) {
  return z
    .number()
    .min(MIN_YEAR, { error: (issue) => message(issue.input) })
    .max(MAX_YEAR, { error: (issue) => message(issue.input) });
}

export interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
  uncertain: boolean;
}

const NO_DATE: DateParts = { year: null, month: null, day: null, uncertain: false };

/** A FuzzyDateInput as its parts; no date is all nulls. */
export function fuzzyDate() {
  return z
    .object({
      year: year(),
      month: z
        .number()
        .min(1, { error: (issue) => `${String(issue.input)} is not a month (1–12)` })
        .max(12, { error: (issue) => `${String(issue.input)} is not a month (1–12)` })
        .nullish(),
      day: z.number().nullish(),
      uncertain: z.boolean().nullish(),
    })
    .superRefine(({ year, month, day }, ctx) => {
      if (day === null || day === undefined) return;
      if (month === null || month === undefined) {
        ctx.addIssue({ code: 'custom', path: ['day'], message: 'a day needs a month' });
      } else if (month >= 1 && month <= 12) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        if (day < 1 || day > days) {
          ctx.addIssue({
            code: 'custom',
            path: ['day'],
            message: `${year}-${month} has no day ${day}`,
          });
        }
      }
    })
    .nullish()
    .transform((date): DateParts =>
      date
        ? {
            year: date.year,
            month: date.month ?? null,
            day: date.day ?? null,
            uncertain: date.uncertain ?? false,
          }
        : NO_DATE,
    );
}

export interface EstimateParts {
  value: number | null;
  low: number | null;
  high: number | null;
  uncertain: boolean;
}

const negative = { error: (issue: { input?: unknown }) => `${String(issue.input)} is negative` };
const count = () =>
  z
    .number()
    .min(0, negative)
    .nullish()
    .transform((n) => n ?? null);

/** An EstimateInput: non-negative, with low ≤ value ≤ high where given. */
export function estimate() {
  return z
    .object({ value: count(), low: count(), high: count(), uncertain: z.boolean().nullish() })
    .superRefine(({ value, low, high }, ctx) => {
      const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
      if (low !== null && high !== null && low > high) {
        problem(`low (${low}) is above high (${high})`);
      }
      if (value !== null && low !== null && value < low) {
        problem(`value (${value}) is below low (${low})`);
      }
      if (value !== null && high !== null && value > high) {
        problem(`value (${value}) is above high (${high})`);
      }
    })
    .nullish()
    .transform((e): EstimateParts =>
      e
        ? { value: e.value, low: e.low, high: e.high, uncertain: e.uncertain ?? false }
        : { value: null, low: null, high: null, uncertain: false },
    );
}

/** A Decimal that must not be negative (amounts, TIVs), as the exact text it came in. */
export function nonNegativeDecimal() {
  return z
    .string()
    .refine((value) => !value.startsWith('-'), negative)
    .nullish()
    .transform((value) => value ?? null);
}

/**
 * Optional text that `read` turns into the value to store (null, or a throw, when it cannot);
 * empty is null, and what `read` refuses is reported as `refusal(text)`.
 */
function readable(read: (text: string) => string | null, refusal: (text: string) => string) {
  return z
    .string()
    .nullish()
    .transform((value, ctx) => {
      if (value === null || value === undefined || value.trim() === '') return null;
      let result: string | null = null;
      try {
        result = read(value.trim());
      } catch {
        // refused below
      }
      if (result) return result;
      ctx.addIssue({ code: 'custom', message: refusal(value) });
      return z.NEVER;
    });
}

/** An http or https URL, normalised; empty is null. */
export function url() {
  return readable(
    (text) => {
      const parsed = new URL(text);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
    },
    (text) => `"${text}" is not an http or https URL`,
  );
}

/** A BCP 47 language tag in canonical case (fr, pt-BR); empty is null. */
export function language() {
  return readable(
    (tag) => Intl.getCanonicalLocales(tag)[0] ?? null,
    (tag) => `"${tag}" is not a BCP 47 language tag (fr, ru, en, pt-BR)`,
  );
}

// ICU's currency names: every ISO 4217 code, current or withdrawn (SUR, FRF, DEM — arms deals
// of the Cold War are priced in them), and nothing for a made-up one (`fallback: 'none'`).
// Intl.supportedValuesOf('currency') lists only current codes, so it would refuse those.
const CURRENCY_NAMES = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });

/** An ISO 4217 currency code, in capitals. */
export function currency() {
  return z
    .string()
    .nullish()
    .transform((code, ctx) => {
      if (code === null || code === undefined) return null;
      const upper = code.trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(upper) && CURRENCY_NAMES.of(upper) !== undefined) return upper;
      ctx.addIssue({ code: 'custom', message: `"${code}" is not an ISO 4217 currency code` });
      return z.NEVER;
    });
}

/** A global ID of `type`, decoded to its UUID (not yet known to exist). */
export function globalId(type: NodeType) {
  return z.string().transform((id, ctx) => {
    try {
      return parseGlobalIdOf(type, id, '');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: problemOf(error) });
      return z.NEVER;
    }
  });
}

/** The problem an ApiError of an argument describes, without its "Invalid argument `…`: ". */
function problemOf(error: unknown): string {
  if (!(error instanceof Error)) throw error;
  return error.message.replace(/^Invalid argument `[^`]*`: /, '');
}

/**
 * An ID of a record to store a reference to: the record's own ID, or, for a merged-away actor or
 * platform, the ID of the record it was merged into, so nothing new points at a tombstone. An ID
 * that matches nothing is a problem of the input; one of a deleted record is NOT_FOUND.
 */
export function reference(type: NodeType, lookup: Lookup, nullMessage?: string) {
  return z.string(nullMessage ? { error: nullMessage } : undefined).transform(async (id, ctx) => {
    let uuid: string;
    try {
      uuid = parseGlobalIdOf(type, id, '');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: problemOf(error) });
      return z.NEVER;
    }
    return (await stored(type, uuid, id, lookup, ctx)) ?? z.NEVER;
  });
}

/**
 * A global ID of any type that `refuse` does not turn down (with the problem to report): its type
 * and UUID (not yet known to exist), and the ID as sent.
 */
export function globalIdOfAny<T extends NodeType>(refuse: (type: NodeType) => string | null) {
  return z.string().transform((id, ctx) => {
    let decoded: { type: NodeType; uuid: string };
    try {
      decoded = parseGlobalId(id, '');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: problemOf(error) });
      return z.NEVER;
    }
    const refusal = refuse(decoded.type);
    if (refusal) {
      ctx.addIssue({ code: 'custom', message: refusal });
      return z.NEVER;
    }
    return { type: decoded.type as T, uuid: decoded.uuid, id };
  });
}

/** globalIdOfAny, as a reference to store: its type and stored ID (see reference()). */
export function referenceToAny<T extends NodeType>(
  lookup: Lookup,
  refuse: (type: NodeType) => string | null,
) {
  return globalIdOfAny<T>(refuse).transform(async ({ type, uuid, id }, ctx) => {
    const storedId = await stored(type, uuid, id, lookup, ctx);
    return storedId ? { type, id: storedId } : z.NEVER;
  });
}

/** The ID to store for a decoded reference, or null with the problem added. */
async function stored(
  type: NodeType,
  uuid: string,
  id: string,
  lookup: Lookup,
  ctx: z.RefinementCtx,
): Promise<string | null> {
  const row = await lookup(type, uuid);
  if (!row) {
    ctx.addIssue({ code: 'custom', message: `no ${type} has the ID "${id}"` });
    return null;
  }
  if (row.deletedAt) {
    ctx.addIssue({
      code: 'custom',
      message: `the ${type} with the ID "${id}" was deleted`,
      params: { [DELETED]: { type, id } },
    });
    return null;
  }
  return row.id;
}

/** A list of references; two IDs that lead to one record (a loser and its winner) count once. */
export function references(type: NodeType, lookup: Lookup) {
  return z
    .array(reference(type, lookup))
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]);
}

export interface AliasValues {
  alias: string;
  language: string | null;
}

/** Aliases trimmed, de-duplicated (ignoring case) and with valid language tags. */
export function aliases() {
  return z
    .array(z.object({ name: text({ max: 300, required: true }), language: language() }))
    .nullish()
    .transform((list): AliasValues[] => {
      const seen = new Set<string>();
      return (list ?? []).flatMap(({ name, language }) => {
        if (seen.has(name.toLowerCase())) return [];
        seen.add(name.toLowerCase());
        return [{ alias: name, language }];
      });
    });
}

/** Why a change is made; every revision records it. */
export function reason(required: true): z.ZodType<string, unknown>;
export function reason(required: boolean): z.ZodType<string | null, unknown>;
export function reason(required: boolean) {
  return required ? text({ max: 1000, required: true }) : text({ max: 1000 });
}

/** A merge: two records of one type, distinct, and why. */
export function mergeInput(type: 'Actor' | 'Platform') {
  return z
    .object({ loser: globalId(type), winner: globalId(type), reason: reason(true) })
    .superRefine(({ loser, winner }, ctx) => {
      if (loser === winner) {
        ctx.addIssue({
          code: 'custom',
          path: ['winner'],
          message: 'a record cannot be merged into itself',
        });
      }
    })
    .transform(({ loser, winner, reason }) => ({ loserId: loser, winnerId: winner, reason }));
}

/**
 * The editable fields of a record, as a create checks them (all of them: one left out is null)
 * or an update (only those sent: one left out is unchanged, one sent as null is cleared).
 */
export function editableFields<S extends z.ZodRawShape>(shape: S, isUpdate: boolean) {
  const all = z.object(shape);
  return isUpdate ? all.partial() : (all as unknown as ReturnType<typeof all.partial>);
}

/** The ID and version of the record an update changes; neither for a create. */
export function updating(type: NodeType) {
  return { id: globalId(type).optional(), expectedVersion: z.number().optional() };
}
