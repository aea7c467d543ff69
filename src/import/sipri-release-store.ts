// SIPRI import: what the database already holds of SIPRI — releases and their coverage, and
// every imported deal as its newest release published it — for matching a new release.
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import {
  actors,
  dealItems,
  deals,
  platforms,
  revisions,
  sipriReleases,
  sipriRows,
} from '../db/schema.js';
import {
  replaySignature,
  signature,
  type DealValues,
  type ItemValues,
} from './sipri-deal-values.js';
import { IDS_PER_STATEMENT, inChunks } from './sipri-batch-writer.js';
import { canonicalDesignation } from './sipri-designations.js';
import type { MatchRecord } from './sipri-release-matching.js';

/** A SIPRI deal already in the database. */
export interface ExistingSipriDeal {
  dealId: string;
  importKey: string;
  itemId: string | null;
  retired: boolean;
  /** The release that retired it, if retired. */
  retiredByReleaseId: string | null;
  deleted: boolean;
  /** The newest release it appears in (ReleaseCoverage knows its date and scope). */
  releaseId: string | null;
  /**
   * Its parties as its newest release named them (SIPRI's spelling), or the actors' names for
   * a deal imported before rows were kept: what the review report shows.
   */
  recipientName: string;
  supplierName: string;
  /** Signature of the deal's values now (an editor may have changed them). */
  current: string;
  /**
   * Signature of what its newest release published. For a deal imported before rows were
   * kept: what the import's own revisions add up to (an editor's left out), or, without
   * them, its current values. A new release changes the deal only where SIPRI changed this.
   */
  published: string;
  match: MatchRecord;
}

const row = alias(sipriRows, 'published_row');
const recipient = alias(actors, 'recipient');
const supplier = alias(actors, 'supplier');

/** Every deal a SIPRI import wrote, tombstones and retired ones included. */
export async function loadSipriDeals(db: Db): Promise<ExistingSipriDeal[]> {
  const found = await db
    .select({
      deal: deals,
      item: dealItems,
      platformDesignation: platforms.designation,
      row,
      recipientName: recipient.name,
      supplierName: supplier.name,
    })
    .from(deals)
    .innerJoin(recipient, eq(recipient.id, deals.recipientId))
    .innerJoin(supplier, eq(supplier.id, deals.supplierId))
    .leftJoin(row, and(eq(row.releaseId, deals.sipriReleaseId), eq(row.dealId, deals.id)))
    .leftJoin(dealItems, and(eq(dealItems.dealId, deals.id), eq(dealItems.position, 0)))
    .leftJoin(platforms, eq(platforms.id, dealItems.platformId))
    .where(like(deals.importKey, 'sipri:%'));
  const replayed = await publishedByImports(
    db,
    found.filter((f) => !f.row).map((f) => f.deal.id),
  );
  return found.map((f) => {
    const { deal, item, platformDesignation, row: published } = f;
    const current = item ? signature(deal, item) : '';
    // Without a kept row, the deal's own values stand for what SIPRI published.
    const values: DealValues & ItemValues & { designation: string } = published
      ? { ...published, designation: published.fields[6] ?? '' }
      : { ...deal, ...(item ?? emptyItem()), designation: platformDesignation ?? '' };
    return {
      dealId: deal.id,
      importKey: deal.importKey!,
      itemId: item?.id ?? null,
      retired: deal.retiredAt !== null,
      retiredByReleaseId: deal.retiredByReleaseId,
      deleted: deal.deletedAt !== null,
      releaseId: deal.sipriReleaseId,
      recipientName: published?.fields[0]?.trim() || f.recipientName,
      supplierName: published?.fields[1]?.trim() || f.supplierName,
      current,
      published: published ? signature(published, published) : (replayed.get(deal.id) ?? current),
      match: matchRecord(values),
    };
  });
}

/**
 * What SIPRI last published for deals imported before releases kept their rows, from the
 * revisions the import wrote (no API key, author "SIPRI import …"): its CREATE, then its
 * UPDATEs. Without this an editor's change made before the upgrade would pass for SIPRI's
 * values, and the next release, finding SIPRI's values "changed", would undo it. A deal whose
 * import revisions do not start with its CREATE (imported before imports wrote revisions) is
 * left out: its current values stand in.
 */
async function publishedByImports(db: Db, dealIds: string[]): Promise<Map<string, string>> {
  const byDeal = new Map<
    string,
    { action: string; changes: Record<string, { from: unknown; to: unknown }> }[]
  >();
  await inChunks(dealIds, IDS_PER_STATEMENT, async (chunk) => {
    const found = await db
      .select({ dealId: revisions.recordId, action: revisions.action, changes: revisions.changes })
      .from(revisions)
      .where(
        and(
          eq(revisions.recordType, 'Deal'),
          inArray(revisions.recordId, chunk),
          isNull(revisions.authorKeyId),
          like(revisions.authorName, 'SIPRI import%'),
        ),
      )
      .orderBy(asc(revisions.id));
    for (const r of found) {
      const list = byDeal.get(r.dealId);
      if (list) list.push(r);
      else byDeal.set(r.dealId, [r]);
    }
  });
  const published = new Map<string, string>();
  for (const [dealId, list] of byDeal) {
    if (list[0]?.action !== 'CREATE') continue;
    published.set(dealId, replaySignature(list.map((r) => r.changes)));
  }
  return published;
}

function emptyItem(): ItemValues {
  return { platformId: '', deliveryYears: [] };
}

/** What matching compares, from a deal's or a row's values and SIPRI's designation. */
export function matchRecord(v: DealValues & ItemValues & { designation: string }): MatchRecord {
  return {
    pair: `${v.supplierId}|${v.recipientId}`,
    orderYear: v.orderYear ?? 0,
    numberOrdered: v.quantityOrdered ?? null,
    designation: v.designation,
    keyDesignation: canonicalDesignation(v.designation).toLowerCase(),
    description: v.description ?? null,
    tivPerUnit: v.tivPerUnit ?? null,
    comments: v.comments ?? null,
    rest: [
      v.orderUncertain ?? false,
      v.quantityOrderedUncertain ?? false,
      v.quantityDelivered ?? null,
      v.quantityDeliveredUncertain ?? false,
      v.deliveryYears ?? [],
      v.condition ?? null,
      v.tivTotalOrder ?? null,
      v.tivDelivered ?? null,
    ],
  };
}

/** Which releases speak for which recipients, to tell whether a release is the newest. */
export class ReleaseCoverage {
  private constructor(
    private readonly releases: {
      id: string;
      generatedOn: string;
      recipientIds: ReadonlySet<string> | null;
    }[],
  ) {}

  static async load(db: Db): Promise<ReleaseCoverage> {
    const rows = await db
      .select({
        id: sipriReleases.id,
        generatedOn: sql<string>`${sipriReleases.generatedOn}::text`,
        scope: sipriReleases.scope,
        recipientIds: sipriReleases.recipientIds,
      })
      .from(sipriReleases);
    return new ReleaseCoverage(
      rows.map((r) => ({
        id: r.id,
        generatedOn: r.generatedOn,
        recipientIds: r.scope === 'EXCERPT' ? new Set(r.recipientIds ?? []) : null,
      })),
    );
  }

  add(release: { id: string; generatedOn: string; recipientIds: readonly string[] | null }): void {
    this.releases.push({
      ...release,
      recipientIds: release.recipientIds ? new Set(release.recipientIds) : null,
    });
  }

  /**
   * Whether `release` is the one a deal should show, given the release it shows now: it is
   * newer, or of the same day and not an excerpt taking over from the full register.
   */
  showsOver(
    release: { generatedOn: string; recipientIds: readonly string[] | null },
    currentId: string | null,
  ): boolean {
    const current = this.releases.find((r) => r.id === currentId);
    if (!current) return true; // Imported before releases were kept (no release recorded).
    if (release.generatedOn !== current.generatedOn)
      return release.generatedOn > current.generatedOn;
    return !(release.recipientIds && !current.recipientIds);
  }

  /** The newest release covering a recipient (a full register before an excerpt of its day). */
  newestFor(recipientId: string): { id: string; generatedOn: string } | null {
    let newest: (typeof this.releases)[number] | null = null;
    for (const r of this.releases) {
      if (r.recipientIds && !r.recipientIds.has(recipientId)) continue;
      if (
        !newest ||
        r.generatedOn > newest.generatedOn ||
        (r.generatedOn === newest.generatedOn && !r.recipientIds && newest.recipientIds)
      ) {
        newest = r;
      }
    }
    return newest;
  }
}

/** The release already imported from this content, if any. */
export async function findReleaseByContent(db: Db, contentSha256: string): Promise<string | null> {
  const [found] = await db
    .select({ id: sipriReleases.id })
    .from(sipriReleases)
    .where(eq(sipriReleases.contentSha256, contentSha256));
  return found?.id ?? null;
}

/** A release of this source and scope recorded by migration 0004, without rows, if any. */
export async function findReleaseWithoutRows(
  db: Db,
  sourceId: string,
  scope: 'FULL_REGISTER' | 'EXCERPT',
): Promise<string | null> {
  const [found] = await db
    .select({ id: sipriReleases.id })
    .from(sipriReleases)
    .where(
      and(
        eq(sipriReleases.sourceId, sourceId),
        eq(sipriReleases.scope, scope),
        isNull(sipriReleases.contentSha256),
      ),
    );
  return found?.id ?? null;
}
