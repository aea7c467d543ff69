// Actors and platforms alike are named records with aliases, placed in a tree (an actor's owner,
// a platform's family), that an admin may merge. The writes they share are here, once; each
// module describes its kind (a NamedKind) and adds what is its own (ISO codes, producers).
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { citations, type actorAliases, type platformAliases } from '../../db/schema.js';
import { wouldCreateCycle } from '../../db/tree.js';
import { bumpVersion, lockVersioned } from '../../db/versioned.js';
import { InvalidFieldsError, type Problem } from '../../errors.js';
import type { AliasValues } from '../../graphql/input-schema.js';
import { RECORD_TYPES, type FeedType } from '../../graphql/record-types.js';
import {
  recordRevision,
  tombstone,
  trackChanges,
  snapshotOf,
  type Author,
  type Change,
  type RowOf,
  type Snapshot,
} from '../revisions/revisions.service.js';
import { recordCitedChange, type ValidCitation } from '../sources/sources.service.js';

type NamedType = 'Actor' | 'Platform';
type Table<T extends NamedType> = (typeof RECORD_TYPES)[T]['table'];
// Drizzle cannot type a write to "the actors or the platforms table": writes go through the
// actors table's type, and RowOf<T> gives the rows back their own.
type WriteTable = PgTable & Table<'Actor'>;
export type ValuesOf<T extends NamedType> = Omit<Table<T>['$inferInsert'], 'id'>;

/** What the shared writes need to know of a kind of named record. */
export interface NamedKind<T extends NamedType> {
  type: T;
  /** Its aliases: the table, and the column naming the record. */
  aliases: { table: typeof actorAliases | typeof platformAliases; owner: PgColumn };
  /** Its name, which stays on the winner of a merge as an alias. */
  nameOf: (row: RowOf<T>) => string;
  /** The problem to report when a new parent is one of the record's own descendants. */
  cycle: Problem;
  /** Rebuilds the search documents that show these records. */
  refreshSearch: (tx: Db, ids: string[]) => Promise<void>;
}

/** A validated create (`id` null) or update; a field absent from `values` is left alone. */
export interface NamedWrite<T extends NamedType> {
  id: string | null;
  expectedVersion: number | null;
  values: Partial<ValuesOf<T>>;
  /** The full new list of aliases, or null to keep them. */
  aliases: AliasValues[] | null;
  citations: ValidCitation[];
  reason: string;
}

/**
 * Creates or updates a named record, with its aliases, citations and revision; `own` writes
 * what only this kind has, once the row exists.
 */
export async function writeNamed<T extends NamedType>(
  tx: Db,
  kind: NamedKind<T>,
  input: NamedWrite<T>,
  author: Author,
  own?: (row: RowOf<T>, created: boolean) => Promise<void>,
): Promise<RowOf<T>> {
  const { table, noun } = RECORD_TYPES[kind.type] as { table: WriteTable; noun: string };
  let before: Snapshot | null = null;
  let row: RowOf<T>;
  if (input.id) {
    const current = (await lockVersioned(
      tx,
      table,
      input.id,
      input.expectedVersion,
      noun,
    )) as RowOf<T>;
    before = await snapshotOf(tx, kind.type, current.id);
    const parentId = input.values.parentId;
    if (parentId && (await wouldCreateCycle(tx, table, current.id, parentId))) {
      throw new InvalidFieldsError([kind.cycle]);
    }
    [row] = (await tx
      .update(table)
      .set({ ...input.values, ...bumpVersion(table) })
      .where(eq(table.id, current.id))
      .returning()) as unknown as [RowOf<T>];
  } else {
    // A create's values hold every required column: its schema checks all its fields.
    [row] = (await tx
      .insert(table)
      .values(input.values as ValuesOf<'Actor'>)
      .returning()) as unknown as [RowOf<T>];
  }
  if (input.aliases) {
    const { table: aliases, owner } = kind.aliases;
    await tx.delete(aliases).where(eq(owner, row.id));
    if (input.aliases.length > 0) {
      await tx
        .insert(aliases)
        .values(input.aliases.map((a) => ({ ...a, [ownerKey(kind)]: row.id })) as never);
    }
  }
  await own?.(row, input.id === null);
  await recordCitedChange(tx, input.citations, {
    recordType: kind.type,
    recordId: row.id,
    action: input.id ? 'UPDATE' : 'CREATE',
    author,
    reason: input.reason,
    before,
    after: await snapshotOf(tx, kind.type, row.id),
  });
  await kind.refreshSearch(tx, [row.id]);
  return row;
}

/** What a kind adds to a merge. */
export interface MergeSpec<T extends NamedType> {
  /**
   * The live records whose values name the loser (a deal's party, an actor's parent…), which
   * movePointers changes: each gets an UPDATE revision, so the feed shows the winner there.
   */
  referrers: (tx: Db, loserId: string) => Promise<{ type: FeedType; ids: string[] }[]>;
  /** Points everything of the kind's own that names the loser at the winner (deals, trees, links). */
  movePointers: (tx: Db, loser: RowOf<T>, winner: RowOf<T>) => Promise<void>;
  /** Columns the loser's tombstone gives up. */
  released?: Record<string, null>;
  /** Columns the winner takes from the loser. */
  winnerTakes?: (loser: RowOf<T>, winner: RowOf<T>) => Partial<ValuesOf<T>>;
}

/**
 * Merges `loserId` into `winnerId`: everything that refers to the loser moves to the winner,
 * its aliases and name become the winner's aliases, and it stays as a tombstone that redirects.
 * Writes one MERGE revision for the loser and one UPDATE for the winner.
 */
export async function mergeNamed<T extends NamedType>(
  tx: Db,
  kind: NamedKind<T>,
  { loserId, winnerId }: { loserId: string; winnerId: string },
  change: Change,
  spec: MergeSpec<T>,
): Promise<RowOf<T>> {
  const { table, noun, citedBy } = RECORD_TYPES[kind.type] as {
    table: WriteTable;
    noun: string;
    citedBy: 'actorId' | 'platformId';
  };
  // Loser first, then winner: two merges of the same pair lock in the same order.
  const loser = (await lockVersioned(tx, table, loserId, null, `${noun} to merge`)) as RowOf<T>;
  const winner = (await lockVersioned(
    tx,
    table,
    winnerId,
    null,
    `${noun} to merge into`,
  )) as RowOf<T>;
  const before = await snapshotOf(tx, kind.type, winnerId);
  const citing = await tx
    .select({ id: citations.id })
    .from(citations)
    .where(and(eq(citations[citedBy], loserId), isNull(citations.deletedAt)));
  // The winner's own changes are in its revision below; the loser's, in its MERGE.
  const referrers = [
    ...(await spec.referrers(tx, loserId)),
    { type: 'Citation' as const, ids: citing.map((c) => c.id) },
  ].map((r) => ({ ...r, ids: r.ids.filter((id) => id !== winnerId && id !== loserId) }));
  await trackChanges(tx, referrers, change, async () => {
    await spec.movePointers(tx, loser, winner);
    await tx
      .update(citations)
      .set({ [citedBy]: winnerId })
      .where(eq(citations[citedBy], loserId));
  });
  await moveLinks(tx, kind.aliases.table, kind.aliases.owner, loserId, winnerId);
  await tx
    .insert(kind.aliases.table)
    .values({ [ownerKey(kind)]: winnerId, alias: kind.nameOf(loser), language: null } as never)
    .onConflictDoNothing();
  await tombstone(
    tx,
    kind.type,
    loserId,
    { ...change, mergedIntoId: winnerId },
    { released: spec.released },
  );
  const [merged] = (await tx
    .update(table)
    .set({ ...spec.winnerTakes?.(loser, winner), ...bumpVersion(table) })
    .where(eq(table.id, winnerId))
    .returning()) as unknown as [RowOf<T>];
  await recordRevision(tx, {
    recordType: kind.type,
    recordId: winnerId,
    action: 'UPDATE',
    ...change,
    before,
    after: await snapshotOf(tx, kind.type, merged.id),
  });
  await kind.refreshSearch(tx, [winnerId]);
  return merged;
}

/**
 * Moves the rows of a link table (aliases, producers, event actors) from `loserId` to
 * `winnerId` in `column`; a link the winner already has is kept once.
 */
export async function moveLinks(
  tx: Db,
  table: PgTable,
  column: PgColumn,
  loserId: string,
  winnerId: string,
): Promise<void> {
  const columns = Object.values(getTableColumns(table));
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const values = sql.join(
    columns.map((c) => (c.name === column.name ? sql`${winnerId}::uuid` : sql.identifier(c.name))),
    sql`, `,
  );
  await tx.execute(sql`insert into ${table} (${names})
    select ${values} from ${table} where ${sql.identifier(column.name)} = ${loserId}::uuid
    on conflict do nothing`);
  await tx.delete(table).where(eq(column, loserId));
}

/** The property name of the aliases' owner column (`actorId`, `platformId`). */
function ownerKey({ aliases }: { aliases: NamedKind<NamedType>['aliases'] }): string {
  const columns = getTableColumns(aliases.table) as Record<string, PgColumn>;
  return Object.keys(columns).find((key) => columns[key] === aliases.owner)!;
}
