// The data version (migration 0007): a number that changes exactly when a writing transaction
// commits, whichever process or path made the write; and the identity of the database it
// counts, so that two databases' versions are never mistaken for each other.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from './client.js';

/**
 * The current data version: one statement summing 64 small counters. It sees every commit made
 * before it started, in any connection, and none still running, so an answer read after this
 * call reflects at least this version.
 */
export async function readDataVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    db,
    sql`select coalesce(sum(commits), 0)::text as version from data_version`,
  );
  return row!.version;
}

/**
 * Names the database whose versions these are, for keys shared with other processes (Redis).
 * PostgreSQL: the cluster's system identifier and the database's OID, so that two clusters, or
 * a database dropped and created again (or copied from a template) with the same name, never
 * share keys; without the right to read the identifier, a name of this process's own (no
 * sharing, still correct). PGlite: always this process's own — one process holds a folder, and
 * copies of one folder would otherwise count the same versions for different data.
 */
export async function databaseIdentity(database: Database): Promise<string> {
  if (database.kind === 'pglite') return `pglite:${randomUUID()}`;
  try {
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`select (select system_identifier from pg_control_system())::text || ':' ||
        (select oid from pg_database where datname = current_database())::text as id`,
    );
    return `pg:${row!.id}`;
  } catch {
    return `pg-process:${randomUUID()}`;
  }
}
