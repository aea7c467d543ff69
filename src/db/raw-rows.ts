// Raw rows (column names, driver values) mapped to a table's row type, as Drizzle's selects do.
import { getTableColumns, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

type RowMapper<T extends PgTable> = (raw: Record<string, unknown>) => InferSelectModel<T>;

/**
 * Timestamp columns are selected as milliseconds since the epoch (see columnsAsKeys): a Date
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

/** A table's columns in its order, built once per table for both mappers below. */
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

const mappers = new WeakMap<PgTable, RowMapper<PgTable>>();

/** The mapper of a table's raw rows (keyed by column name) into new row objects. */
export function rowMapper<T extends PgTable>(table: T): RowMapper<T> {
  let mapper = mappers.get(table);
  if (!mapper) {
    const fields = fieldsOf(table);
    mapper = (raw) => {
      const row: Record<string, unknown> = {};
      for (const { key, name, convert } of fields) {
        const value = raw[name];
        row[key] = value === null || value === undefined ? null : convert(value);
      }
      return row;
    };
    mappers.set(table, mapper);
  }
  return mapper as RowMapper<T>;
}

/** For statements Drizzle cannot build (LATERAL pages, CTEs standing in for tables). */
export function rowOf<T extends PgTable>(
  table: T,
  raw: Record<string, unknown>,
): InferSelectModel<T> {
  return rowMapper(table)(raw);
}

/**
 * A table's columns as `"column_name" as "key"`, in the table's order, optionally qualified by
 * `from` (a table or alias name) and limited to `keys`: the driver's row then has the row type's
 * keys already, and rowInPlace only converts what the driver gave in another type. Timestamps
 * come as epoch milliseconds (isEpochTimestamp), which rowInPlace turns into Dates.
 */
export function columnsAsKeys(table: PgTable, from?: string, keys?: ReadonlySet<string>): SQL {
  const fields = keys ? fieldsOf(table).filter(({ key }) => keys.has(key)) : fieldsOf(table);
  return sql.join(
    fields.map(({ key, name, epoch }) => {
      const column =
        from === undefined
          ? sql.identifier(name)
          : sql`${sql.identifier(from)}.${sql.identifier(name)}`;
      const value = epoch ? sql`(extract(epoch from ${column}) * 1000)::float8` : column;
      return sql`${value} as ${sql.identifier(key)}`;
    }),
    sql`, `,
  );
}

const inPlaceMappers = new WeakMap<PgTable, RowMapper<PgTable>>();

/**
 * The row type from a row selected with columnsAsKeys, without a copy: the driver's object is
 * kept and only values of another type than Drizzle's are converted in it. A page of rows is
 * then one object per row instead of two (a tenth of what a list request allocated). With
 * `keys` (the same as columnsAsKeys was given), only those are converted, and the row holds
 * only those: the caller builds it once per selection, and reads no other field.
 */
export function rowInPlace<T extends PgTable>(table: T, keys?: ReadonlySet<string>): RowMapper<T> {
  if (keys) return inPlace(fieldsOf(table).filter(({ key }) => keys.has(key))) as RowMapper<T>;
  let mapper = inPlaceMappers.get(table);
  if (!mapper) {
    mapper = inPlace(fieldsOf(table));
    inPlaceMappers.set(table, mapper);
  }
  return mapper as RowMapper<T>;
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
