// Platform writes: create, update, merge and delete platforms, each in one transaction with its revisions.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { Db } from '../../db/client.js';
import {
  dealItems,
  deals,
  platformAliases,
  platformProducers,
  platforms,
  type PlatformRow,
} from '../../db/schema.js';
import { bumpVersion } from '../../db/versioned.js';
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
} from '../../graphql/input-validation.js';
import {
  mergeNamed,
  moveLinks,
  writeNamed,
  type NamedKind,
  type NamedWrite,
  type ValuesOf,
} from '../records/records.service.js';
import {
  tombstone,
  type Author,
  type Change,
  type Snapshot,
} from '../revisions/revisions.service.js';
import { refreshSearchForPlatforms } from '../search/search.service.js';
import { validateCitations } from '../sources/sources.service.js';

type PlatformValues = ValuesOf<'Platform'>;
export interface ValidPlatformWrite extends NamedWrite<'Platform'> {
  /** The full new list of producers, or null to keep them. */
  producerIds: string[] | null;
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
    id: platformId,
    expectedVersion: isUpdate ? input.expectedVersion : null,
    values,
    aliases,
    producerIds: producerIds && [...new Set(producerIds)],
    citations,
    reason: reason!,
  };
}

const PLATFORM: NamedKind<'Platform'> = {
  type: 'Platform',
  aliases: { table: platformAliases, owner: platformAliases.platformId },
  nameOf: (platform) => platform.designation,
  snapshot: platformSnapshot,
  cycle: { path: 'input.family', message: 'that platform is a variant of this one' },
  refreshSearch: refreshSearchForPlatforms,
};

export function writePlatform(
  tx: Db,
  input: ValidPlatformWrite,
  author: Author,
): Promise<PlatformRow> {
  return writeNamed(tx, PLATFORM, input, author, async (row) => {
    if (!input.producerIds) return;
    await tx.delete(platformProducers).where(eq(platformProducers.platformId, row.id));
    if (input.producerIds.length > 0) {
      await tx
        .insert(platformProducers)
        .values(input.producerIds.map((producerId) => ({ platformId: row.id, producerId })));
    }
  });
}

/**
 * Moves every item, variant, producer, citation and alias of the loser to the winner, keeps
 * the loser's designation as an alias, and leaves the loser as a tombstone that redirects.
 */
export function mergePlatforms(
  tx: Db,
  merge: { loserId: string; winnerId: string },
  change: Change,
): Promise<PlatformRow> {
  const { winnerId, loserId } = merge;
  return mergeNamed(tx, PLATFORM, merge, change, {
    movePointers: async (tx, loser) => {
      await tx
        .update(dealItems)
        .set({ platformId: winnerId })
        .where(eq(dealItems.platformId, loserId));
      // Every deal with an item of the winner, its own included, is bumped: one statement.
      await tx
        .update(deals)
        .set(bumpVersion(deals))
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
      await moveLinks(tx, platformProducers, platformProducers.platformId, loserId, winnerId);
    },
  });
}

/** Deletes a platform nothing refers to; one still in use must be merged instead. */
export async function deletePlatform(tx: Db, platformId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Platform', platformId, change, {
    snapshot: platformSnapshot,
    stillUsed: async (tx, platformId) => {
      const [item] = await tx
        .select({ id: dealItems.id })
        .from(dealItems)
        .where(eq(dealItems.platformId, platformId))
        .limit(1);
      const [variant] = await tx
        .select({ id: platforms.id })
        .from(platforms)
        .where(and(eq(platforms.parentId, platformId), isNull(platforms.deletedAt)))
        .limit(1);
      return item || variant
        ? 'The platform is still referred to by deal items or variants: merge it instead'
        : null;
    },
  });
}
