// Platform writes: create, update, merge and delete platforms, each in one transaction with its revisions.
import { and, eq, isNull, or, sql, type InferInsertModel } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { Db } from '../../db/client.js';
import {
  citations,
  dealItems,
  deals,
  platformAliases,
  platformProducers,
  platforms,
  type PlatformRow,
} from '../../db/schema.js';
import { wouldCreateCycle } from '../../db/tree.js';
import { transactionRetryingDeadlock } from '../../db/deadlock-retry.js';
import { lockVersioned } from '../../db/versioned.js';
import { ApiError } from '../../errors.js';
import type {
  CreatePlatformInput,
  UpdatePlatformInput,
} from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { resolveReference, resolveReferences } from '../../graphql/references.js';
import {
  InputProblems,
  validateAliases,
  validateId,
  validateText,
  type AliasParts,
} from '../../graphql/input-validation.js';
import { recordRevision, type Author, type Snapshot } from '../revisions/revisions.service.js';
import { refreshSearchForPlatforms, refreshSearchDocuments } from '../search/search.service.js';
import {
  recordCitedChange,
  validateCitations,
  type ValidCitation,
} from '../sources/sources.service.js';

type PlatformValues = Omit<InferInsertModel<typeof platforms>, 'id'>;

export interface ValidPlatformWrite {
  platformId: string | null;
  expectedVersion: number | null;
  values: Partial<PlatformValues>;
  aliases: AliasParts[] | null;
  producerIds: string[] | null;
  citations: ValidCitation[];
  reason: string;
}

async function platformSnapshot(tx: Db, row: PlatformRow): Promise<Snapshot> {
  const [aliases, producers] = await Promise.all([
    tx
      .select({ alias: platformAliases.alias })
      .from(platformAliases)
      .where(eq(platformAliases.platformId, row.id))
      .orderBy(platformAliases.alias),
    tx
      .select({ id: platformProducers.producerId })
      .from(platformProducers)
      .where(eq(platformProducers.platformId, row.id))
      .orderBy(platformProducers.producerId),
  ]);
  return {
    designation: row.designation,
    family: row.parentId && toGlobalId('Platform', row.parentId),
    category: row.category,
    unrocaCategory: row.unrocaCategory,
    description: row.description,
    aliases: aliases.map((a) => a.alias),
    producers: producers.map((p) => toGlobalId('Actor', p.id)),
  };
}

/** Validates a create (no `id`) or an update; a field absent from an update is left alone. */
export async function validatePlatformWrite(
  input: CreatePlatformInput | UpdatePlatformInput,
  ctx: Context,
): Promise<ValidPlatformWrite> {
  const problems = new InputProblems();
  const isUpdate = 'id' in input;
  const platformId = isUpdate ? validateId('Platform', input.id, 'input.id', problems) : null;
  const values: Partial<PlatformValues> = {};
  const has = (field: keyof CreatePlatformInput & keyof UpdatePlatformInput) =>
    !isUpdate || field in input;

  if (has('designation')) {
    const designation = validateText(input.designation, 'input.designation', problems, {
      max: 300,
      required: true,
    });
    if (designation) values.designation = designation;
  }
  if (has('family')) {
    const id = input.family;
    const path = 'input.family';
    const uuid = id ? validateId('Platform', id, path, problems) : null;
    // A merged-away platform leads to its winner, which may be this very platform.
    const family = id
      ? await resolveReference(ctx, problems, { path, type: 'Platform', uuid, id })
      : null;
    if (family && family === platformId) problems.add(path, 'a platform cannot be its own family');
    values.parentId = family;
    // The editor's choice, even "no family", wins over every later import's rules.
    values.familySource = isUpdate || family ? 'editor' : null;
  }
  if (has('category')) values.category = input.category ?? null;
  if (has('unrocaCategory')) values.unrocaCategory = input.unrocaCategory ?? null;
  if (has('description')) {
    values.description = validateText(input.description, 'input.description', problems, {
      max: 2000,
    });
  }
  const aliases = has('aliases') ? validateAliases(input.aliases, 'input.aliases', problems) : null;
  let producerIds: string[] | null = null;
  if (has('producers')) {
    const producers = await resolveReferences(
      ctx,
      problems,
      (input.producers ?? []).map((id, i) => {
        const path = `input.producers[${i}]`;
        return { path, type: 'Actor', uuid: validateId('Actor', id, path, problems), id };
      }),
    );
    // A merged-away producer and its winner are one producer.
    producerIds = [...new Set(producers.filter((id) => id !== null))];
  }
  const reason = validateText(input.reason, 'input.reason', problems, {
    max: 1000,
    required: true,
  });
  const citations = await validateCitations(input.citations, 'input.citations', problems, ctx, {
    required: false,
  });
  problems.throwIfAny();
  return {
    platformId,
    expectedVersion: isUpdate ? input.expectedVersion : null,
    values,
    aliases,
    producerIds: producerIds && [...new Set(producerIds)],
    citations,
    reason: reason!,
  };
}

export async function writePlatform(
  db: Db,
  input: ValidPlatformWrite,
  author: Author,
): Promise<PlatformRow> {
  return transactionRetryingDeadlock(db, async (tx) => {
    let before: Snapshot | null = null;
    let row: PlatformRow;
    if (input.platformId) {
      const current = await lockVersioned(
        tx,
        platforms,
        input.platformId,
        input.expectedVersion,
        'platform',
      );
      before = await platformSnapshot(tx, current);
      const parentId = input.values.parentId;
      if (parentId && (await wouldCreateCycle(tx, platforms, current.id, parentId))) {
        throw new ApiError(
          'Invalid input — `input.family`: that platform is a variant of this one',
          'BAD_USER_INPUT',
        );
      }
      [row] = (await tx
        .update(platforms)
        .set({ ...input.values, version: sql`${platforms.version} + 1`, updatedAt: sql`now()` })
        .where(eq(platforms.id, current.id))
        .returning()) as [PlatformRow];
    } else {
      [row] = (await tx
        .insert(platforms)
        .values(input.values as PlatformValues)
        .returning()) as [PlatformRow];
    }
    if (input.aliases) {
      await tx.delete(platformAliases).where(eq(platformAliases.platformId, row.id));
      if (input.aliases.length > 0) {
        await tx
          .insert(platformAliases)
          .values(input.aliases.map((a) => ({ ...a, platformId: row.id })));
      }
    }
    if (input.producerIds) {
      await tx.delete(platformProducers).where(eq(platformProducers.platformId, row.id));
      if (input.producerIds.length > 0) {
        await tx
          .insert(platformProducers)
          .values(input.producerIds.map((producerId) => ({ platformId: row.id, producerId })));
      }
    }
    await recordCitedChange(tx, { platformId: row.id }, input.citations, {
      recordType: 'Platform',
      recordId: row.id,
      action: input.platformId ? 'UPDATE' : 'CREATE',
      author,
      reason: input.reason,
      before,
      after: await platformSnapshot(tx, row),
    });
    await refreshSearchForPlatforms(tx, [row.id]);
    return row;
  });
}

/**
 * Moves every item, variant, producer, citation and alias of the loser to the winner, keeps
 * the loser's designation as an alias, and leaves the loser as a tombstone that redirects.
 */
export async function mergePlatforms(
  db: Db,
  loserId: string,
  winnerId: string,
  author: Author,
  reason: string,
): Promise<PlatformRow> {
  return transactionRetryingDeadlock(db, async (tx) => {
    const loser = await lockVersioned(tx, platforms, loserId, null, 'platform to merge');
    const winner = await lockVersioned(tx, platforms, winnerId, null, 'platform to merge into');
    const before = await platformSnapshot(tx, winner);
    await tx
      .update(dealItems)
      .set({ platformId: winnerId })
      .where(eq(dealItems.platformId, loserId));
    await tx
      .update(dealItems)
      .set({ variantPlatformId: winnerId })
      .where(eq(dealItems.variantPlatformId, loserId));
    await tx
      .update(deals)
      .set({ version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
      .where(
        sql`${deals.id} in (select deal_id from ${dealItems} where platform_id = ${winnerId}::uuid)`,
      );
    // The loser's variants join the winner's family; if the winner was one of them, it takes
    // the loser's place in the tree.
    await tx
      .update(platforms)
      .set({
        parentId: sql`case when ${platforms.id} = ${winnerId}::uuid then ${loser.parentId}::uuid else ${winnerId}::uuid end`,
      })
      .where(eq(platforms.parentId, loserId));
    await tx
      .update(citations)
      .set({ platformId: winnerId })
      .where(eq(citations.platformId, loserId));
    await tx.execute(sql`insert into ${platformProducers} (platform_id, producer_id)
      select ${winnerId}::uuid, producer_id from ${platformProducers} where platform_id = ${loserId}::uuid
      on conflict do nothing`);
    await tx.delete(platformProducers).where(eq(platformProducers.platformId, loserId));
    await tx.execute(sql`insert into ${platformAliases} (platform_id, alias, language)
      select ${winnerId}::uuid, alias, language from ${platformAliases} where platform_id = ${loserId}::uuid
      union all select ${winnerId}::uuid, ${loser.designation}, null
      on conflict do nothing`);
    await tx.delete(platformAliases).where(eq(platformAliases.platformId, loserId));
    await tx
      .update(platforms)
      .set({
        mergedIntoId: winnerId,
        deletedAt: sql`now()`,
        version: sql`${platforms.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(platforms.id, loserId));
    const [merged] = await tx
      .update(platforms)
      .set({ version: sql`${platforms.version} + 1`, updatedAt: sql`now()` })
      .where(eq(platforms.id, winnerId))
      .returning();
    await recordRevision(tx, {
      recordType: 'Platform',
      recordId: loserId,
      action: 'MERGE',
      author,
      reason,
      before: await platformSnapshot(tx, loser),
      after: { mergedInto: toGlobalId('Platform', winnerId) },
      mergedIntoId: winnerId,
    });
    await recordRevision(tx, {
      recordType: 'Platform',
      recordId: winnerId,
      action: 'UPDATE',
      author,
      reason,
      before,
      after: await platformSnapshot(tx, merged!),
    });
    await refreshSearchForPlatforms(tx, [winnerId]);
    await refreshSearchDocuments(tx, { platforms: [loserId] });
    return merged!;
  });
}

/** Deletes a platform nothing refers to; one still in use must be merged instead. */
export async function deletePlatform(
  tx: Db,
  platformId: string,
  author: Author,
  reason: string,
): Promise<void> {
  const platform = await lockVersioned(tx, platforms, platformId, null, 'platform');
  const [item] = await tx
    .select({ id: dealItems.id })
    .from(dealItems)
    .where(or(eq(dealItems.platformId, platformId), eq(dealItems.variantPlatformId, platformId)))
    .limit(1);
  const [variant] = await tx
    .select({ id: platforms.id })
    .from(platforms)
    .where(and(eq(platforms.parentId, platformId), isNull(platforms.deletedAt)))
    .limit(1);
  if (item || variant) {
    throw new ApiError(
      'The platform is still referred to by deal items or variants: merge it instead',
      'CONFLICT',
    );
  }
  const before = await platformSnapshot(tx, platform);
  await tx
    .update(platforms)
    .set({ deletedAt: sql`now()`, version: sql`${platforms.version} + 1`, updatedAt: sql`now()` })
    .where(eq(platforms.id, platformId));
  await recordRevision(tx, {
    recordType: 'Platform',
    recordId: platformId,
    action: 'DELETE',
    author,
    reason,
    before,
    after: {},
  });
  await refreshSearchDocuments(tx, { platforms: [platformId] });
}
