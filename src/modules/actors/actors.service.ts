// Actor writes: create, update, merge and delete actors, each in one transaction with its revisions.
import { and, eq, isNull, ne, or, sql, type InferInsertModel } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { Db } from '../../db/client.js';
import { wouldCreateCycle } from '../../db/tree.js';
import {
  actorAliases,
  actors,
  citations,
  dealEventActors,
  deals,
  platformProducers,
  type ActorRow,
} from '../../db/schema.js';
import { transactionRetryingDeadlock } from '../../db/deadlock-retry.js';
import { lockVersioned } from '../../db/versioned.js';
import { ApiError } from '../../errors.js';
import type {
  CreateActorInput,
  UpdateActorInput,
} from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import {
  InputProblems,
  validateAliases,
  validateId,
  validateText,
  validateYearSpan,
  type AliasParts,
} from '../../graphql/input-validation.js';
import { resolveReference } from '../../graphql/references.js';
import { isoCodes } from '../../reference/iso-countries.js';
import { referenceAliasesOfState } from '../../reference/state-aliases.js';
import { recordRevision, type Author, type Snapshot } from '../revisions/revisions.service.js';
import { refreshSearchForActors, refreshSearchDocuments } from '../search/search.service.js';
import {
  recordCitedChange,
  validateCitations,
  type ValidCitation,
} from '../sources/sources.service.js';

type ActorValues = Omit<InferInsertModel<typeof actors>, 'id'>;

export interface ValidActorWrite {
  actorId: string | null;
  expectedVersion: number | null;
  values: Partial<ActorValues>;
  aliases: AliasParts[] | null;
  citations: ValidCitation[];
  reason: string;
}

async function actorSnapshot(tx: Db, row: ActorRow): Promise<Snapshot> {
  const aliases = await tx
    .select({ alias: actorAliases.alias })
    .from(actorAliases)
    .where(eq(actorAliases.actorId, row.id))
    .orderBy(actorAliases.alias);
  return {
    kind: row.kind,
    name: row.name,
    isoAlpha3: row.isoAlpha3,
    parent: row.parentId && toGlobalId('Actor', row.parentId),
    country: row.countryId && toGlobalId('Actor', row.countryId),
    existedFrom: row.existedFrom,
    existedUntil: row.existedUntil,
    description: row.description,
    aliases: aliases.map((a) => a.alias),
  };
}

/** Validates a create (no `id`) or an update; a field absent from an update is left alone. */
export async function validateActorWrite(
  input: CreateActorInput | UpdateActorInput,
  ctx: Context,
): Promise<ValidActorWrite> {
  const problems = new InputProblems();
  const isUpdate = 'id' in input;
  const actorId = isUpdate ? validateId('Actor', input.id, 'input.id', problems) : null;
  const values: Partial<ActorValues> = {};
  const has = (field: keyof CreateActorInput & keyof UpdateActorInput) =>
    !isUpdate || field in input;

  if (has('kind')) {
    if (input.kind) values.kind = input.kind;
    else problems.add('input.kind', 'an actor always has a kind');
  }
  if (has('name')) {
    const name = validateText(input.name, 'input.name', problems, { max: 300, required: true });
    if (name) values.name = name;
  }
  if (has('isoAlpha3')) {
    const code = input.isoAlpha3?.trim().toUpperCase();
    const codes = code ? isoCodes(code) : null;
    if (code && !codes)
      problems.add('input.isoAlpha3', `"${input.isoAlpha3}" is not an ISO 3166-1 alpha-3 code`);
    values.isoAlpha3 = codes?.alpha3 ?? null;
    values.isoAlpha2 = codes?.alpha2 ?? null;
    values.isoNumeric = codes?.numeric ?? null;
  }
  for (const [field, column] of [
    ['parent', 'parentId'],
    ['country', 'countryId'],
  ] as const) {
    if (!has(field)) continue;
    const id = input[field];
    const path = `input.${field}`;
    const uuid = id ? validateId('Actor', id, path, problems) : null;
    // A merged-away actor leads to its winner, which may be this very actor.
    const target = id
      ? await resolveReference(ctx, problems, { path, type: 'Actor', uuid, id })
      : null;
    if (target && target === actorId) problems.add(path, 'an actor cannot be its own ' + field);
    values[column] = target;
  }
  if (has('existedFrom')) values.existedFrom = input.existedFrom ?? null;
  if (has('existedUntil')) values.existedUntil = input.existedUntil ?? null;
  validateYearSpan(input.existedFrom, input.existedUntil, 'input', problems);
  if (has('description')) {
    values.description = validateText(input.description, 'input.description', problems, {
      max: 5000,
    });
  }
  const aliases = has('aliases') ? validateAliases(input.aliases, 'input.aliases', problems) : null;
  const reason = validateText(input.reason, 'input.reason', problems, {
    max: 1000,
    required: true,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: false,
  });
  problems.throwIfAny();
  return {
    actorId,
    expectedVersion: isUpdate ? input.expectedVersion : null,
    values,
    aliases,
    citations,
    reason: reason!,
  };
}

async function replaceAliases(tx: Db, actorId: string, aliases: AliasParts[]) {
  await tx.delete(actorAliases).where(eq(actorAliases.actorId, actorId));
  if (aliases.length > 0) {
    await tx.insert(actorAliases).values(aliases.map((a) => ({ ...a, actorId })));
  }
}

/**
 * A new state gets its reference names (English, French, Russian, abbreviations) besides the
 * editor's aliases, as imported and seeded states do; an alias the editor gave keeps its language.
 */
async function addReferenceAliases(tx: Db, state: ActorRow) {
  const aliases = referenceAliasesOfState(state);
  if (aliases.length > 0) {
    await tx
      .insert(actorAliases)
      .values(aliases.map((a) => ({ ...a, actorId: state.id })))
      .onConflictDoNothing();
  }
}

export async function writeActor(
  db: Db,
  input: ValidActorWrite,
  author: Author,
): Promise<ActorRow> {
  return transactionRetryingDeadlock(db, async (tx) => {
    let before: Snapshot | null = null;
    let row: ActorRow;
    if (input.actorId) {
      const current = await lockVersioned(
        tx,
        actors,
        input.actorId,
        input.expectedVersion,
        'actor',
      );
      before = await actorSnapshot(tx, current);
      const parentId = input.values.parentId;
      if (parentId && (await wouldCreateCycle(tx, actors, current.id, parentId))) {
        throw new ApiError(
          'Invalid input — `input.parent`: that actor is owned by this one',
          'BAD_USER_INPUT',
        );
      }
      [row] = (await tx
        .update(actors)
        .set({ ...input.values, version: sql`${actors.version} + 1`, updatedAt: sql`now()` })
        .where(eq(actors.id, current.id))
        .returning()) as [ActorRow];
    } else {
      [row] = (await tx
        .insert(actors)
        .values(input.values as ActorValues)
        .returning()) as [ActorRow];
    }
    if (input.aliases) await replaceAliases(tx, row.id, input.aliases);
    if (!input.actorId && row.kind === 'STATE') await addReferenceAliases(tx, row);
    await recordCitedChange(tx, input.citations, {
      recordType: 'Actor',
      recordId: row.id,
      action: input.actorId ? 'UPDATE' : 'CREATE',
      author,
      reason: input.reason,
      before,
      after: await actorSnapshot(tx, row),
    });
    await refreshSearchForActors(tx, [row.id]);
    return row;
  });
}

/**
 * Leaves an actor as a tombstone (merged into `mergedIntoId`, or simply deleted). Its ISO
 * codes are released: they are unique, and another record may carry them now.
 */
async function tombstoneActor(tx: Db, actorId: string, mergedIntoId: string | null) {
  await tx
    .update(actors)
    .set({
      isoAlpha2: null,
      isoAlpha3: null,
      isoNumeric: null,
      mergedIntoId,
      deletedAt: sql`now()`,
      version: sql`${actors.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(actors.id, actorId));
}

/**
 * Moves everything that refers to `loserId` over to `winnerId`, keeps the loser's names as
 * aliases, and leaves the loser as a tombstone that redirects. Deals that change party get a
 * new version and updatedAt, so "changed since" syncs pick them up.
 */
export async function mergeActors(
  db: Db,
  loserId: string,
  winnerId: string,
  author: Author,
  reason: string,
): Promise<ActorRow> {
  return transactionRetryingDeadlock(db, async (tx) => {
    const loser = await lockVersioned(tx, actors, loserId, null, 'actor to merge');
    const winner = await lockVersioned(tx, actors, winnerId, null, 'actor to merge into');
    const before = await actorSnapshot(tx, winner);
    const bump = { version: sql`${deals.version} + 1`, updatedAt: sql`now()` };
    await tx
      .update(deals)
      .set({ supplierId: winnerId, ...bump })
      .where(eq(deals.supplierId, loserId));
    await tx
      .update(deals)
      .set({ recipientId: winnerId, ...bump })
      .where(eq(deals.recipientId, loserId));
    await tx
      .update(actors)
      .set({
        parentId: sql`case when ${actors.id} = ${winnerId}::uuid then ${winner.parentId} else ${winnerId}::uuid end`,
      })
      .where(eq(actors.parentId, loserId));
    await tx
      .update(actors)
      .set({
        countryId: sql`case when ${actors.id} = ${winnerId}::uuid then ${winner.countryId} else ${winnerId}::uuid end`,
      })
      .where(eq(actors.countryId, loserId));
    await tx.update(citations).set({ actorId: winnerId }).where(eq(citations.actorId, loserId));
    await tx.execute(sql`insert into ${dealEventActors} (event_id, actor_id)
      select event_id, ${winnerId}::uuid from ${dealEventActors} where actor_id = ${loserId}::uuid
      on conflict do nothing`);
    await tx.delete(dealEventActors).where(eq(dealEventActors.actorId, loserId));
    await tx.execute(sql`insert into ${platformProducers} (platform_id, producer_id)
      select platform_id, ${winnerId}::uuid from ${platformProducers} where producer_id = ${loserId}::uuid
      on conflict do nothing`);
    await tx.delete(platformProducers).where(eq(platformProducers.producerId, loserId));
    await tx.execute(sql`insert into ${actorAliases} (actor_id, alias, language)
      select ${winnerId}::uuid, alias, language from ${actorAliases} where actor_id = ${loserId}::uuid
      union all select ${winnerId}::uuid, ${loser.name}, null
      on conflict do nothing`);
    await tx.delete(actorAliases).where(eq(actorAliases.actorId, loserId));
    // ISO codes are unique: they leave the tombstone, and go to the winner if it has none.
    await tombstoneActor(tx, loserId, winnerId);
    const [merged] = await tx
      .update(actors)
      .set({
        ...(winner.isoAlpha3 === null && loser.isoAlpha3 !== null
          ? { isoAlpha2: loser.isoAlpha2, isoAlpha3: loser.isoAlpha3, isoNumeric: loser.isoNumeric }
          : {}),
        version: sql`${actors.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(actors.id, winnerId))
      .returning();
    await recordRevision(tx, {
      recordType: 'Actor',
      recordId: loserId,
      action: 'MERGE',
      author,
      reason,
      before: await actorSnapshot(tx, loser),
      after: { mergedInto: toGlobalId('Actor', winnerId) },
      mergedIntoId: winnerId,
    });
    await recordRevision(tx, {
      recordType: 'Actor',
      recordId: winnerId,
      action: 'UPDATE',
      author,
      reason,
      before,
      after: await actorSnapshot(tx, merged!),
    });
    await refreshSearchForActors(tx, [winnerId]);
    await refreshSearchDocuments(tx, { actors: [loserId] });
    return merged!;
  });
}

/** Deletes an actor nothing refers to; one still in use must be merged instead. */
export async function deleteActor(
  tx: Db,
  actorId: string,
  author: Author,
  reason: string,
): Promise<void> {
  const actor = await lockVersioned(tx, actors, actorId, null, 'actor');
  const references = await Promise.all([
    tx
      .select({ id: deals.id })
      .from(deals)
      .where(
        and(
          or(eq(deals.supplierId, actorId), eq(deals.recipientId, actorId)),
          isNull(deals.deletedAt),
        ),
      )
      .limit(1),
    tx
      .select({ id: dealEventActors.eventId })
      .from(dealEventActors)
      .where(eq(dealEventActors.actorId, actorId))
      .limit(1),
    tx
      .select({ id: actors.id })
      .from(actors)
      .where(
        and(
          or(eq(actors.parentId, actorId), eq(actors.countryId, actorId)),
          ne(actors.id, actorId),
          isNull(actors.deletedAt),
        ),
      )
      .limit(1),
    tx
      .select({ id: platformProducers.platformId })
      .from(platformProducers)
      .where(eq(platformProducers.producerId, actorId))
      .limit(1),
  ]);
  const inUse = references.flat();
  if (inUse.length > 0) {
    throw new ApiError(
      'The actor is still referred to by deals, events, platforms or other actors: merge it instead',
      'CONFLICT',
    );
  }
  await tombstoneActor(tx, actorId, null);
  await recordRevision(tx, {
    recordType: 'Actor',
    recordId: actorId,
    action: 'DELETE',
    author,
    reason,
    before: await actorSnapshot(tx, actor),
    after: {},
  });
  await refreshSearchDocuments(tx, { actors: [actorId] });
}
