// Custom scalars: exact decimals as strings, calendar dates, timestamps and stored JSON values.
import { GraphQLScalarType, Kind, parse } from 'graphql';
import { typeDefs } from './type-defs.js';

// A scalar built here replaces the SDL's scalar of its name whole, description included, so
// each takes its description from schema.graphql, the one place the API is described.
const SDL_DESCRIPTIONS = new Map(
  parse(typeDefs).definitions.flatMap((definition) =>
    definition.kind === Kind.SCALAR_TYPE_DEFINITION
      ? [[definition.name.value, definition.description?.value] as const]
      : [],
  ),
);

function describedInSdl(name: string): { name: string; description: string } {
  const description = SDL_DESCRIPTIONS.get(name);
  if (!description) throw new Error(`schema.graphql describes no scalar ${name}`);
  return { name, description };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Dates and times are bounded to years 1–9999: both JavaScript and PostgreSQL hold them (year 0,
// negative years and years past 9999 fail in one or the other), and no record needs more.
// (Date.UTC reads years 0–99 as 1900–1999, hence setUTCFullYear.)
const FIRST_INSTANT = new Date(0).setUTCFullYear(1, 0, 1);
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const YEARS = 'years 1 to 9999 only';

function invalid(type: string, value: unknown, why = ''): TypeError {
  return new TypeError(`${type} cannot represent ${JSON.stringify(value)}${why ? `: ${why}` : ''}`);
}

const inYearRange = (time: number) => time >= FIRST_INSTANT && time <= LAST_INSTANT;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) throw invalid('Decimal', value);
  return text;
}

function parseDate(value: unknown): string {
  const time = typeof value === 'string' && DATE.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw invalid('Date (YYYY-MM-DD)', value);
  if (!inYearRange(time)) throw invalid('Date (YYYY-MM-DD)', value, YEARS);
  return value as string;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw invalid('DateTime (ISO 8601)', value);
  }
  // An offset can carry a time in year 1 or 9999 over the bounds: the instant is checked.
  if (!inYearRange(date.getTime())) throw invalid('DateTime (ISO 8601)', value, YEARS);
  return date;
}

export const scalarResolvers = {
  // Values of changed fields, as stored: passed through as they are.
  JSON: new GraphQLScalarType<unknown, unknown>({
    ...describedInSdl('JSON'),
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: () => {
      throw new TypeError('JSON values are output only');
    },
  }),
  Decimal: new GraphQLScalarType<string, string>({
    ...describedInSdl('Decimal'),
    serialize: parseDecimal,
    parseValue: parseDecimal,
    parseLiteral: (ast) =>
      parseDecimal(
        ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT
          ? ast.value
          : null,
      ),
  }),
  Date: new GraphQLScalarType<string, string>({
    ...describedInSdl('Date'),
    serialize: parseDate,
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  }),
  DateTime: new GraphQLScalarType<Date, string>({
    ...describedInSdl('DateTime'),
    serialize: (value) => {
      if (value instanceof Date) return value.toISOString();
      return parseDateTime(value).toISOString();
    },
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
  }),
};
