// Named statements: SQL whose text never changes, built once when the module loads and run by
// the driver directly. The loaders run on every request, many times; through Drizzle each run
// rebuilt the SQL text and mapped every row field by field (issue 12's profile: a fifth of the
// CPU). On PostgreSQL a named statement is parsed and planned once per pool connection, then
// only bound and executed.
import { createHash } from 'node:crypto';
import { fillPlaceholders, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows, rawQueryOf, type Db, type RawQuery } from './client.js';
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
  return { name: statementName(query.sql), text: query.sql, params: query.params, build };
}

/** Named after the text, so that one name can never stand for two texts on a connection. */
function statementName(text: string): string {
  return `armstrail_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

/** Raw rows of a statement: column names as in SQL, values as the driver gives them. */
export function runStatement<P extends Record<string, unknown>>(
  db: Db,
  st: Statement<P>,
  values: P,
): Promise<Record<string, unknown>[]> {
  return runNamed(db, st, values, () => st.name);
}

/**
 * A statement with its values, on the database's own driver under the name `nameOf` gives, or
 * through Drizzle with the values built in when there is no such driver (a transaction).
 */
async function runNamed<P extends Record<string, unknown>>(
  db: Db,
  st: Statement<P>,
  values: P,
  nameOf: () => string | undefined,
): Promise<Record<string, unknown>[]> {
  const run = rawQueryOf(db);
  if (!run) return queryRows<Record<string, unknown>>(db, st.build(values));
  return runRaw(run, nameOf(), st.text, fillPlaceholders(st.params, values));
}

async function runRaw(
  run: RawQuery,
  name: string | undefined,
  text: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  try {
    return await run(name, text, params);
  } catch (error) {
    // As Drizzle reports a failed statement: the text and parameters, the driver's error as cause.
    throw new DrizzleQueryError(text, params, error as Error);
  }
}

/**
 * Texts kept as named statements by `queryPrepared`. A list's statement text follows the
 * request's shape (its filter, its order, its columns, a list filter's length): a public API
 * sees a few dozen shapes, but nothing bounds them, and each named statement stays prepared on
 * every pool connection for the connection's life. Past this many texts, new ones run unnamed.
 */
export const PREPARED_TEXTS_KEPT = 200;

/** Names for statement texts, the first `kept` texts only; undefined for the rest. */
export function statementNames(kept: number): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < kept) {
      name = statementName(text);
      names.set(text, name);
    }
    return name;
  };
}

const preparedName = statementNames(PREPARED_TEXTS_KEPT);

/**
 * Raw rows of a statement built per request (a list's page, with its values in), run as a named
 * statement: PostgreSQL parses and plans a text once per connection, then only binds and
 * executes it. Planning a page of deals cost as much as running it (0.17 ms each), a platform's
 * pages for 50 platforms ~0.9 ms, on every request (issue 12). The plans are PostgreSQL's own
 * choice between custom and generic (plan_cache_mode). Inside a transaction, Drizzle runs it.
 */
export async function queryPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const run = rawQueryOf(db);
  if (!run) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await runRaw(run, preparedName(text), text, params)) as T[];
}

/**
 * Statements built per request whose text follows the request's shape (a page's filter, order,
 * columns and size) but not some of its values (`names`: the parents of a nested page), kept
 * by shape: Drizzle builds a shape's text once, with placeholders for those values, instead of
 * on every request (50–80 µs a page statement, several per request: issue 12). `shape` must
 * say everything the text and the other parameters follow from. At most `kept` shapes are
 * kept (when full, it starts afresh). Run with `runPrepared`.
 */
export function statementsByShape<P extends Record<string, unknown>>(
  names: (keyof P & string)[],
  kept = PREPARED_TEXTS_KEPT,
): (shape: string, build: (values: P) => SQL) => Statement<P> {
  const built = new Map<string, Statement<P>>();
  return (shape, build) => {
    let st = built.get(shape);
    if (!st) {
      st = statement(build, names);
      if (built.size >= kept) built.clear();
      built.set(shape, st);
    }
    return st;
  };
}

/**
 * Raw rows of a statement of `statementsByShape`, named as queryPrepared names texts (the first
 * PREPARED_TEXTS_KEPT only), not by its own name: shapes come and go, names stay prepared.
 */
export async function runPrepared<P extends Record<string, unknown>, T>(
  db: Db,
  st: Statement<P>,
  values: P,
): Promise<T[]> {
  return (await runNamed(db, st, values, () => preparedName(st.text))) as T[];
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
