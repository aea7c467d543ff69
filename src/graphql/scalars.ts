// Custom scalars: exact decimals as strings, calendar dates, and timestamps.
import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(type: string, value: unknown): TypeError {
  return new TypeError(`${type} cannot represent ${JSON.stringify(value)}`);
}

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) throw invalid('Decimal', value);
  return text;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid('Date (YYYY-MM-DD)', value);
  }
  return value;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw invalid('DateTime (ISO 8601)', value);
  }
  return date;
}

export const scalarResolvers = {
  // Values of changed fields, as stored: passed through as they are.
  JSON: new GraphQLScalarType<unknown, unknown>({
    name: 'JSON',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: () => {
      throw new TypeError('JSON values are output only');
    },
  }),
  Decimal: new GraphQLScalarType<string, string>({
    name: 'Decimal',
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
    name: 'Date',
    serialize: parseDate,
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  }),
  DateTime: new GraphQLScalarType<Date, string>({
    name: 'DateTime',
    serialize: (value) => {
      if (value instanceof Date) return value.toISOString();
      return parseDateTime(value).toISOString();
    },
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
  }),
};
