import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { parseGlobalIdOf, toGlobalId } from '../src/graphql/global-id.js';
import { createApiKey, revokeApiKey } from '../src/modules/auth/api-keys.service.js';
import { ids } from '../src/seed/kazan-mali.js';
import { graphql } from './support/graphql/index.js';
import type { CreateDealInput } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

const RUSSIA = toGlobalId('Actor', ids.russia);
const MALI = toGlobalId('Actor', ids.mali);
const MI171 = toGlobalId('Platform', ids.mi171);
const KAZAN_DEAL = toGlobalId('Deal', ids.kazanDeal);
const ESSOR = toGlobalId('Source', ids.essor);

const CREATE_DEAL = graphql(`
  mutation MutationsCreateDeal($input: CreateDealInput!) {
    createDeal(input: $input) {
      deal {
        id
        stage
        version
        supplier {
          name
        }
        items {
          platform {
            designation
          }
          quantityOrdered {
            value
            uncertain
          }
        }
        citations {
          source {
            url
          }
        }
        history {
          action
          author
          reason
        }
      }
    }
  }
`);

function dealInput(overrides: Partial<CreateDealInput> = {}): CreateDealInput {
  return {
    supplier: RUSSIA,
    recipient: MALI,
    stage: 'ORDERED',
    orderDate: { year: 2024, month: 3 },
    items: [{ platform: MI171, quantityOrdered: { value: 2, uncertain: true } }],
    citations: [
      {
        newSource: {
          kind: 'NEWS',
          publisher: 'Test Agency',
          url: `https://example.org/${Math.random()}`,
          language: 'fr',
        },
        excerpt: 'deux hélicoptères',
      },
    ],
    reason: 'Reported order',
    ...overrides,
  };
}

async function countRows(api: TestApi) {
  const [row] = await queryRows<{ n: string }>(
    api.database.db,
    sql`select (select count(*) from deals) + (select count(*) from deal_items) + (select count(*) from sources)
      + (select count(*) from citations) + (select count(*) from revisions) + (select count(*) from deal_events) as n`,
  );
  return Number(row!.n);
}

describe('editorial mutations', () => {
  let api: TestApi;
  let editor: string;
  let admin: string;
  let reader: string;
  let revoked: string;

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    editor = (await createApiKey(db, { name: 'Ed Itor', role: 'EDITOR' })).key;
    admin = (await createApiKey(db, { name: 'Ad Min', role: 'ADMIN' })).key;
    reader = (await createApiKey(db, { name: 'Dash Board', role: 'READER' })).key;
    const old = await createApiKey(db, { name: 'Former', role: 'EDITOR' });
    await revokeApiKey(db, old.row.id);
    revoked = old.key;
  });
  afterAll(() => api.close());

  describe('authentication and roles, over HTTP', () => {
    let url: string;
    beforeAll(async () => {
      url = await api.listen();
    });

    async function send(query: string, variables: Record<string, unknown>, authorization?: string) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as {
        data?: Record<string, unknown> | null;
        errors?: { message: string; extensions: { code: string } }[];
      };
      return { status: response.status, body, code: body.errors?.[0]?.extensions.code ?? null };
    }

    it.each([
      ['anonymous', undefined, 200, 'FORBIDDEN'],
      ['a reader key', 'reader', 200, 'FORBIDDEN'],
      ['an editor', 'editor', 200, null],
      ['an admin', 'admin', 200, null],
      ['a revoked key', 'revoked', 401, 'UNAUTHENTICATED'],
      ['an unknown key', 'unknown', 401, 'UNAUTHENTICATED'],
      ['a malformed header', 'malformed', 401, 'UNAUTHENTICATED'],
    ])('answers %s calling a mutation', async (_who, key, status, code) => {
      const header =
        key === 'reader'
          ? `Bearer ${reader}`
          : key === 'editor'
            ? `Bearer ${editor}`
            : key === 'admin'
              ? `Bearer ${admin}`
              : key === 'revoked'
                ? `Bearer ${revoked}`
                : key === 'unknown'
                  ? 'Bearer arm_thisKeyWasNeverIssued'
                  : key === 'malformed'
                    ? 'Basic abc'
                    : undefined;
      const result = await send(String(CREATE_DEAL), { input: dealInput() }, header);
      expect(result.status).toBe(status);
      expect(result.code).toBe(code);
    });

    it('lets anonymous requests read, and refuses bad keys even for reads', async () => {
      expect((await send('{ deals { totalCount } }', {})).status).toBe(200);
      expect((await send('{ deals { totalCount } }', {}, `Bearer ${revoked}`)).status).toBe(401);
    });

    it('says the same thing for a revoked key and a key that never existed', async () => {
      const a = await send('{ deals { totalCount } }', {}, `Bearer ${revoked}`);
      const b = await send('{ deals { totalCount } }', {}, 'Bearer arm_thisKeyWasNeverIssued');
      expect(a.body.errors?.[0]?.message).toBe(b.body.errors?.[0]?.message);
    });
  });

  it('creates a cited deal with its items, sources and a revision by the key holder', async () => {
    const data = dataOf(await api.query(CREATE_DEAL, { input: dealInput() }, { apiKey: editor }));
    const deal = data.createDeal.deal;
    expect(deal.stage).toBe('ORDERED');
    expect(deal.version).toBe(1);
    expect(deal.items).toEqual([
      { platform: { designation: 'Mi-171' }, quantityOrdered: { value: 2, uncertain: true } },
    ]);
    expect(deal.citations).toHaveLength(1);
    expect(deal.history).toEqual([
      { action: 'CREATE', author: 'Ed Itor', reason: 'Reported order' },
    ]);
  });

  it('lists every invalid field with its path, and writes nothing', async () => {
    const before = await countRows(api);
    const result = await api.query(
      CREATE_DEAL,
      {
        input: dealInput({
          supplier: 'garbage',
          recipient: MI171,
          orderDate: { year: 2024, month: 13, day: 2 },
          reportedValue: { amount: '-5', currency: 'dollars' },
          items: [
            {
              platform: MI171,
              quantityOrdered: { value: 10, low: 12, high: 11 },
              deliveryYears: [20245],
            },
          ],
          citations: [
            { newSource: { kind: 'NEWS', url: 'ftp://nope', language: 'not a language!' } },
            { source: ESSOR, newSource: { kind: 'NEWS', title: 'x' } },
          ],
          reason: '  ',
        }),
      },
      { apiKey: editor },
    );
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (error.extensions?.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'input.supplier',
        'input.recipient',
        'input.orderDate.month',
        'input.reportedValue.amount',
        'input.reportedValue.currency',
        'input.items[0].quantityOrdered',
        'input.items[0].deliveryYears[0]',
        'input.citations[0].newSource.url',
        'input.citations[0].newSource.language',
        'input.citations[1]',
        'input.reason',
      ]),
    );
    expect(await countRows(api)).toBe(before);
  });

  it('takes ISO 4217 currencies, historical ones included, and refuses made-up codes', async () => {
    const valueOf = async (currency: string) =>
      api.query(
        graphql(`
          mutation MutationsCreateDealCurrency($input: CreateDealInput!) {
            createDeal(input: $input) {
              deal {
                reportedValue {
                  currency
                }
              }
            }
          }
        `),
        { input: dealInput({ reportedValue: { amount: '12.5', currency } }) },
        { apiKey: editor },
      );
    const made = await valueOf('XYZ');
    expect(made.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(made.errors?.[0]?.extensions?.problems).toContainEqual({
      path: 'input.reportedValue.currency',
      message: '"XYZ" is not an ISO 4217 currency code',
    });
    // A Soviet-era deal is priced in Soviet roubles: a withdrawn code is still a code.
    for (const currency of ['usd', 'SUR', 'FRF']) {
      const result = await valueOf(currency);
      expect(result.errors, currency).toBeUndefined();
      expect(result.data?.createDeal.deal.reportedValue?.currency).toBe(currency.toUpperCase());
    }
  });

  it('requires a citation and a reason to create a deal or change its stage', async () => {
    const create = await api.query(
      CREATE_DEAL,
      { input: dealInput({ citations: [] }) },
      { apiKey: editor },
    );
    expect(create.errors?.[0]?.message).toContain('input.citations');
    const update = await api.query(
      `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { deal { stage } } }`,
      { input: { id: KAZAN_DEAL, expectedVersion: 1, stage: 'CANCELLED' } },
      { apiKey: editor },
    );
    const paths = (update.errors?.[0]?.extensions?.problems as { path: string }[]).map(
      (p) => p.path,
    );
    expect(paths).toEqual(['input.reason', 'input.citations']);
  });

  it('changes notes without a citation, and counts versions', async () => {
    const created = dataOf(
      await api.query(CREATE_DEAL, { input: dealInput() }, { apiKey: editor }),
    );
    const result = dataOf(
      await api.query(
        graphql(`
          mutation MutationsUpdateDealComments($input: UpdateDealInput!) {
            updateDeal(input: $input) {
              deal {
                comments
                version
                history {
                  changes {
                    field
                    from
                    to
                  }
                }
              }
            }
          }
        `),
        { input: { id: created.createDeal.deal.id, expectedVersion: 1, comments: 'Typo fixed' } },
        { apiKey: editor },
      ),
    );
    expect(result.updateDeal.deal.comments).toBe('Typo fixed');
    expect(result.updateDeal.deal.version).toBe(2);
    expect(result.updateDeal.deal.history.at(-1)?.changes).toEqual([
      { field: 'comments', from: null, to: 'Typo fixed' },
    ]);
  });

  it('refuses a stale update with CONFLICT, and of two concurrent updates exactly one wins', async () => {
    const created = dataOf(
      await api.query(CREATE_DEAL, { input: dealInput() }, { apiKey: editor }),
    );
    const id = created.createDeal.deal.id;
    const update = (stage: string) =>
      api.query(
        `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { deal { stage version } } }`,
        {
          input: {
            id,
            expectedVersion: 1,
            stage,
            reason: 'Concurrent edit',
            citations: [{ source: ESSOR }],
          },
        },
        { apiKey: editor },
      );
    const results = await Promise.all([update('DELIVERING'), update('CANCELLED')]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const stale = await update('STALLED');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const [row] = await queryRows<{ version: number }>(
      api.database.db,
      sql`select version from deals where id = ${parseGlobalIdOf('Deal', id, 'id')}`,
    );
    expect(row?.version).toBe(2);
  });

  it('leaves nothing behind when the transaction fails between the data and its revision', async () => {
    const db = api.database.db;
    // A trigger that refuses revisions: the deal, items, sources and citations are written first.
    await db.execute(sql`create function refuse_revision() returns trigger language plpgsql as
      $$ begin raise exception 'injected failure'; end $$`);
    await db.execute(
      sql`create trigger refuse_revision before insert on revisions for each row execute function refuse_revision()`,
    );
    try {
      const before = await countRows(api);
      const result = await api.query(CREATE_DEAL, { input: dealInput() }, { apiKey: editor });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await countRows(api)).toBe(before);
    } finally {
      await db.execute(sql`drop trigger refuse_revision on revisions`);
      await db.execute(sql`drop function refuse_revision()`);
    }
  });

  it('advances the Kazan record to NEGOTIATING with a cited event, and shows both states in its history', async () => {
    const event = await api.query(
      `mutation($input: AddDealEventInput!) { addDealEvent(input: $input) { event { type date { iso } citations { source { url } } } } }`,
      {
        input: {
          deal: KAZAN_DEAL,
          type: 'NEGOTIATION',
          date: { year: 2025, month: 6, day: 26 },
          place: 'Kazan, Tatarstan, Russia',
          actors: [MALI],
          citations: [{ source: ESSOR }],
          reason: 'Talks reported during the visit',
        },
      },
      { apiKey: editor },
    );
    // The payload is the event as stored: its type, its date and the source it cites.
    expect(dataOf(event)).toEqual({
      addDealEvent: {
        event: {
          type: 'NEGOTIATION',
          date: { iso: '2025-06-26' },
          citations: [{ source: { url: 'http://news.abamako.com/h/300986.html' } }],
        },
      },
    });
    const current = dataOf(
      await api.query(
        graphql(`
          query MutationsDealVersion($id: ID!) {
            node(id: $id) {
              ... on Deal {
                version
              }
            }
          }
        `),
        { id: KAZAN_DEAL },
      ),
    );
    const result = dataOf(
      await api.query(
        graphql(`
          mutation MutationsUpdateDealStage($input: UpdateDealInput!) {
            updateDeal(input: $input) {
              deal {
                stage
                history {
                  action
                  changes {
                    field
                    from
                    to
                  }
                  sources {
                    url
                  }
                }
              }
            }
          }
        `),
        {
          input: {
            id: KAZAN_DEAL,
            expectedVersion: current.node!.version,
            stage: 'NEGOTIATING',
            reason: 'Talks reported in Kazan',
            citations: [{ source: toGlobalId('Source', ids.sputnik) }],
          },
        },
        { apiKey: editor },
      ),
    );
    expect(result.updateDeal.deal.stage).toBe('NEGOTIATING');
    const change = result.updateDeal.deal.history.at(-1)!;
    expect(change.changes).toContainEqual({
      field: 'stage',
      from: 'REPORTED_INTEREST',
      to: 'NEGOTIATING',
    });
    expect(change.sources).toEqual([{ url: 'http://news.abamako.com/h/300967.html' }]);
  });
});
