// Raw rows (column names, driver values) mapped to a table's row type, as Drizzle's selects do.
import { getTableColumns, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

type RowMapper<T extends PgTable> = (raw: Record<string, unknown>) => InferSelectModel<T>;

/**
 * Timestamp columns are selected as milliseconds since the epoch (see columnSelection): a Date
 * built from a number costs a fraction of one parsed from PostgreSQL's text, which was about a
 * microsecond a value, several hundred values a list request. Every timestamp column here has
 * millisecond precision (precision 3), so the number is exact.
 */
function isEpochTimestamp(column: PgColumn): boolean {
  return column.columnType === 'PgTimestamp' && column.dataType === 'date';
}

/**
 * How a column's driver value becomes the row's: Drizzle's own mapFromDriverValue, skipped when
 * the driver already gave the type Drizzle would return (the usual case: text, numbers, flags),
 * which saves a call per field of every row.
 */
function converter(column: PgColumn): (value: unknown) => unknown {
  const map = (value: unknown): unknown => column.mapFromDriverValue(value);
  if (isEpochTimestamp(column)) {
    return (v) => (typeof v === 'number' ? new Date(v) : v instanceof Date ? v : map(v));
  }
  switch (column.dataType) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : map(v));
    case 'number':
      return (v) => (typeof v === 'number' ? v : map(v));
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : map(v));
    case 'date':
      return (v) => (v instanceof Date ? v : map(v));
    default:
      return map;
  }
}

/** A column of a table: its key in the row type, its name in SQL, and its converter. */
interface Field {
  key: string;
  name: string;
  /** Whether it is selected as epoch milliseconds (isEpochTimestamp). */
  epoch: boolean;
  convert: (value: unknown) => unknown;
}

const fieldLists = new WeakMap<PgTable, Field[]>();

/** A table's columns in its order, built once per table. */
function fieldsOf(table: PgTable): Field[] {
  let fields = fieldLists.get(table);
  if (!fields) {
    fields = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      name: column.name,
      epoch: isEpochTimestamp(column),
      convert: converter(column),
    }));
    fieldLists.set(table, fields);
  }
  return fields;
}

/** Columns to select and how a selected row becomes the row type: built together, to agree. */
export interface ColumnSelection<T extends PgTable> {
  /** `"column_name" as "key"`, in the table's order; timestamps as epoch milliseconds. */
  list: SQL;
  /**
   * The row type from a driver row selected with `list`, without a copy: the driver's object is
   * kept and only values of another type than Drizzle's are converted in it (a page of rows is
   * one object per row instead of two). With a subset of keys the row holds only those: its
   * caller reads no other field.
   */
  toRow: RowMapper<T>;
}

// By table, then by qualifier and keys: a few per query shape. Bounded, in case clients vary
// their fields a lot.
const SELECTIONS_KEPT = 256;
const selections = new WeakMap<PgTable, Map<string, ColumnSelection<PgTable>>>();

/**
 * The selection of `table`'s columns, or of those under `keys` (in the table's order whatever
 * theirs), each qualified by `from` (a table or alias name) when given. Built once per set.
 */
export function columnSelection<T extends PgTable>(
  table: T,
  keys?: readonly string[],
  from?: string,
): ColumnSelection<T> {
  let byKeys = selections.get(table);
  if (!byKeys) {
    byKeys = new Map();
    selections.set(table, byKeys);
  }
  const name = `${from ?? ''}|${keys?.join(',') ?? '*'}`;
  let selection = byKeys.get(name);
  if (!selection) {
    const wanted = keys && new Set(keys);
    const fields = wanted ? fieldsOf(table).filter(({ key }) => wanted.has(key)) : fieldsOf(table);
    selection = { list: listOf(fields, from), toRow: inPlace(fields) };
    if (byKeys.size >= SELECTIONS_KEPT) byKeys.clear();
    byKeys.set(name, selection);
  }
  return selection as ColumnSelection<T>;
}

const dialect = new PgDialect();

/**
 * The list as one piece of text: it holds no parameter, and as Drizzle's chunks (an identifier,
 * an alias, a conversion per column) it was rebuilt into text by every statement that selects
 * it, on every request (issue 12: Drizzle's query building was 7 % of Q3's CPU).
 */
function listOf(fields: Field[], from: string | undefined): SQL {
  const { sql: text, params } = dialect.sqlToQuery(chunksOf(fields, from));
  if (params.length > 0) throw new Error('A column list has no parameters');
  return sql.raw(text);
}

function chunksOf(fields: Field[], from: string | undefined): SQL {
  return sql.join(
    fields.map(({ key, name, epoch }) => {
      const column =
        from === undefined
          ? sql.identifier(name)
          : sql`${sql.identifier(from)}.${sql.identifier(name)}`;
      // date_part is float8 (extract is numeric since PostgreSQL 14: twice the cost on a
      // 100-row by-ID statement); with millisecond precision, rounding its milliseconds gives
      // the exact integer, as the numeric route did (checked on every timestamp of the
      // register, and at 44, 1901 and 2262).
      const value = epoch ? sql`round(date_part('epoch', ${column}) * 1000)` : column;
      return sql`${value} as ${sql.identifier(key)}`;
    }),
    sql`, `,
  );
}

function inPlace(fields: Field[]): RowMapper<PgTable> {
  return (raw) => {
    for (const { key, convert } of fields) {
      const value = raw[key];
      if (value === undefined) raw[key] = null;
      else if (value !== null) raw[key] = convert(value);
    }
    return raw;
  };
}
