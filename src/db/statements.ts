// Named statements: SQL whose text never changes, built once when the module loads and run by
// the driver directly. The loaders run on every request, many times; through Drizzle each run
// rebuilt the SQL text and mapped every row field by field (issue 12's profile: a fifth of the
// CPU). On PostgreSQL a named statement is parsed and planned once per pool connection, then
// only bound and executed.
import { createHash } from 'node:crypto';
import { fillPlaceholders, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows, rawQueryOf, type Db } from './client.js';
import { uuidArrayLiteral } from './fragments.js';
import { columnSelection } from './raw-rows.js';

export interface Statement<P extends Record<string, unknown>> {
  readonly name: string;
  readonly text: string;
  /** Parameters, with Drizzle placeholders where the run's values go. */
  readonly params: unknown[];
  /** The same statement with values in, for a database without a driver of its own (a transaction). */
  readonly build: (values: P) => SQL;
}

const dialect = new PgDialect();

/**
 * A statement with fixed text: `build` gets placeholders once (for the text) and values on a
 * transaction. It must not vary its text with the values: that is what makes the name reusable.
 */
export function statement<P extends Record<string, unknown>>(
  build: (values: P) => SQL,
  placeholderNames: (keyof P & string)[],
): Statement<P> {
  const placeholders = Object.fromEntries(
    placeholderNames.map((key) => [key, sql.placeholder(key)]),
  ) as unknown as P;
  const query = dialect.sqlToQuery(build(placeholders));
  // Named after the text, so that one name can never stand for two texts on a connection.
  const name = `armstrail_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
  return { name, text: query.sql, params: query.params, build };
}

/** Raw rows of a statement: column names as in SQL, values as the driver gives them. */
export async function runStatement<P extends Record<string, unknown>>(
  db: Db,
  st: Statement<P>,
  values: P,
): Promise<Record<string, unknown>[]> {
  const run = rawQueryOf(db);
  if (!run) return queryRows<Record<string, unknown>>(db, st.build(values));
  const params = fillPlaceholders(st.params, values);
  try {
    return await run(st.name, st.text, params);
  } catch (error) {
    // As Drizzle reports a failed statement: the text and parameters, the driver's error as cause.
    throw new DrizzleQueryError(st.text, params, error as Error);
  }
}

/**
 * Every column (or those under `keys`) of `table`'s rows whose `column` is one of a batch of
 * UUIDs (optionally `where` too, in `orderBy` order), as one named statement with the whole
 * batch as one uuid[] parameter: the same text, and so the same prepared statement, for any
 * batch size.
 */
export function rowsWhereIn<T extends PgTable>(
  table: T,
  column: PgColumn,
  options: { where?: SQL; orderBy?: SQL; keys?: readonly string[] } = {},
): (db: Db, ids: readonly string[]) => Promise<InferSelectModel<T>[]> {
  const { list, toRow } = columnSelection(table, options.keys);
  const st = statement<{ ids: string }>(
    ({ ids }) =>
      sql`select ${list} from ${table} where ${column} = any(${ids}::uuid[])${
        options.where ? sql` and ${options.where}` : sql``
      }${options.orderBy ? sql` order by ${options.orderBy}` : sql``}`,
    ['ids'],
  );
  return async (db, ids) => (await runStatement(db, st, { ids: uuidArrayLiteral(ids) })).map(toRow);
}

/**
 * rowsWhereIn with a subset of the table's keys (the columns a selection reads): one statement
 * per subset, built on first use. A few subsets per query shape; the number of shapes a public
 * API sees is small, and each is a statement's text, not rows.
 */
export function rowsWhereInSelecting<T extends PgTable>(
  table: T,
  column: PgColumn,
  options: { where?: SQL; orderBy?: SQL } = {},
): (keys: readonly string[]) => (db: Db, ids: readonly string[]) => Promise<InferSelectModel<T>[]> {
  const statements = new Map<string, ReturnType<typeof rowsWhereIn<T>>>();
  return (keys) => {
    const name = keys.join(',');
    let run = statements.get(name);
    if (!run) {
      run = rowsWhereIn(table, column, { ...options, keys });
      statements.set(name, run);
    }
    return run;
  };
}
