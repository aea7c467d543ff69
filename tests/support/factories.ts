// Test factories: insert minimal valid records straight into the test database.
import { randomUUID } from 'node:crypto';
import type { InferInsertModel } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import {
  actors,
  citations,
  dealItems,
  deals,
  platforms,
  sources,
  type ActorRow,
  type DealRow,
  type PlatformRow,
  type SourceRow,
} from '../../src/db/schema.js';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { isoCodes } from '../../src/reference/iso-countries.js';

type ActorInput = Partial<InferInsertModel<typeof actors>>;
type PlatformInput = Partial<InferInsertModel<typeof platforms>>;
type ItemInput = Partial<Omit<InferInsertModel<typeof dealItems>, 'dealId'>> & {
  platformId: string;
};
type DealInput = Partial<InferInsertModel<typeof deals>> & {
  supplierId: string;
  recipientId: string;
  items?: ItemInput[];
};

let sequence = 0;
const next = () => ++sequence;

export async function createActor(db: Db, input: ActorInput = {}): Promise<ActorRow> {
  const [row] = await db
    .insert(actors)
    .values({ kind: 'COMPANY', name: `Test actor ${next()}`, ...input })
    .returning();
  return row!;
}

/** `count` companies in one statement (`${prefix} 0`, `${prefix} 1`, …): a table of realistic size. */
export async function createCompanies(
  db: Db,
  count: number,
  prefix: string,
): Promise<{ id: string }[]> {
  return db
    .insert(actors)
    .values(
      Array.from({ length: count }, (_, i) => ({
        kind: 'COMPANY' as const,
        name: `${prefix} ${i}`,
      })),
    )
    .returning({ id: actors.id });
}

/** A state with its real ISO 3166-1 codes (the seed already holds Russia and Mali). */
export async function createState(db: Db, name: string, isoAlpha3: string): Promise<ActorRow> {
  const codes = isoCodes(isoAlpha3);
  if (!codes) throw new Error(`${isoAlpha3} is not an ISO 3166-1 alpha-3 code`);
  return createActor(db, {
    kind: 'STATE',
    name,
    isoAlpha2: codes.alpha2,
    isoAlpha3: codes.alpha3,
    isoNumeric: codes.numeric,
  });
}

export async function createPlatform(db: Db, input: PlatformInput = {}): Promise<PlatformRow> {
  const [row] = await db
    .insert(platforms)
    .values({ designation: `TP-${next()}`, category: 'AIRCRAFT', ...input })
    .returning();
  return row!;
}

/** A deal with its items (one per entry in `items`), in one transaction. */
export async function createDeal(db: Db, input: DealInput): Promise<DealRow> {
  const { items = [], ...deal } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(deals)
      .values({ stage: 'ORDERED', ...deal })
      .returning();
    if (items.length > 0) {
      await tx
        .insert(dealItems)
        .values(items.map((item, position) => ({ position, ...item, dealId: row!.id })));
    }
    return row!;
  });
}

export async function createSource(
  db: Db,
  input: Partial<InferInsertModel<typeof sources>> = {},
): Promise<SourceRow> {
  const [row] = await db
    .insert(sources)
    .values({ kind: 'NEWS', url: `https://example.org/${randomUUID()}`, ...input })
    .returning();
  return row!;
}

export async function citeDeal(db: Db, dealId: string, sourceId: string): Promise<void> {
  await db.insert(citations).values({ dealId, sourceId, stance: 'ASSERTS' });
}

export const gid = {
  actor: (row: { id: string }) => toGlobalId('Actor', row.id),
  platform: (row: { id: string }) => toGlobalId('Platform', row.id),
  deal: (row: { id: string }) => toGlobalId('Deal', row.id),
};
