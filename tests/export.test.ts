// Bulk export (GET /export/deals.ndjson, /export/deals.csv) through the real HTTP layer over a
// real test database holding the seeded Sahel excerpt: each format against what `deals` returns
// for the same filter, CSV quoting, unknown ≠ 0, attribution, coded errors for bad filters, the
// export's own allowance, and a client that leaves mid-export.
import http from 'node:http';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { LocalRateLimiter, type RateLimiter } from '../src/graphql/limits/index.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createLogger } from '../src/logger.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { CSV_COLUMNS } from '../src/modules/export/deal-csv.js';
import { EXPORT_DEAL_SELECTION } from '../src/modules/export/deal-records.js';
import { EXPORT_ATTRIBUTION } from '../src/modules/export/export-route.js';
import { ids } from '../src/seed/kazan-mali.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { graphql } from './support/graphql/index.js';
import { createTestApi, dataOf, serveHttp, type TestApi } from './support/test-api.js';
import { testDatabaseKind } from './support/test-database.js';

type Json = Record<string, unknown>;
type DealNode = Json & {
  id: string;
  items: (Json & { quantityOrdered: Json | null; quantityDelivered: Json | null })[];
};

const COMMENTS = 'Ordered, "reportedly" for 2 units,\nthen a second line; and a third\r\nline';

let api: TestApi;
let base: string;
let editor: string;
let createdDeal: string;

/** Every deal `deals` returns for the filter, in its order, with the export's selection. */
async function dealsFor(filter: Json | null): Promise<DealNode[]> {
  const nodes: DealNode[] = [];
  let after: string | null = null;
  // Bounded: the test database holds about 400 deals, 100 a page.
  for (let page = 0; page < 20; page++) {
    const data: {
      deals: { nodes: DealNode[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    } = dataOf(
      await api.query(
        `query ($filter: DealFilter, $after: String) {
          deals(filter: $filter, first: 100, after: $after) {
            nodes { ${EXPORT_DEAL_SELECTION} } pageInfo { endCursor hasNextPage } } }`,
        { filter, after },
      ),
    );
    nodes.push(...data.deals.nodes);
    if (!data.deals.pageInfo.hasNextPage) return nodes;
    after = data.deals.pageInfo.endCursor;
  }
  throw new Error('more pages than expected');
}

function exportPath(format: 'ndjson' | 'csv', filter: Json | null): string {
  const query = filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
  return `${base}/export/deals.${format}${query}`;
}

async function ndjson(filter: Json | null): Promise<DealNode[]> {
  const response = await fetch(exportPath('ndjson', filter));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(text.endsWith('\n') || text === '').toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as DealNode);
}

/** RFC 4180, written here so that the export is read by other code than the one writing it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with a line break');
  return rows;
}

async function csv(filter: Json | null): Promise<{ header: string[]; lines: Json[] }> {
  const response = await fetch(exportPath('csv', filter));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const [header, ...rows] = parseCsv(text);
  return {
    header: header!,
    lines: rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]]))),
  };
}

const cell = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** The CSV line the README's column list promises for a deal's item, from `deals`'s values. */
function expectedCsvLine(deal: Json, item: Json | null, position: number | null): Json {
  const party = (prefix: string, p: Json) => ({
    [`${prefix}_id`]: p.id,
    [`${prefix}_name`]: p.name,
    [`${prefix}_kind`]: p.kind,
    [`${prefix}_iso_alpha2`]: cell(p.isoAlpha2),
    [`${prefix}_iso_alpha3`]: cell(p.isoAlpha3),
  });
  const estimate = (prefix: string, e: Json | null | undefined) => ({
    [prefix]: cell(e?.value),
    [`${prefix}_low`]: cell(e?.low),
    [`${prefix}_high`]: cell(e?.high),
    [`${prefix}_uncertain`]: cell(e?.uncertain),
  });
  const order = deal.orderDate as Json | null;
  const value = deal.reportedValue as Json | null;
  const platform = item?.platform as Json | undefined;
  return {
    deal_id: deal.id,
    deal_version: String(deal.version),
    stage: deal.stage,
    arrangement: deal.arrangement,
    ...party('supplier', deal.supplier as Json),
    ...party('recipient', deal.recipient as Json),
    order_date: cell(order?.iso),
    order_year: cell(order?.year),
    order_month: cell(order?.month),
    order_day: cell(order?.day),
    order_date_uncertain: cell(order?.uncertain),
    value_amount: cell(value?.amount),
    value_currency: cell(value?.currency),
    value_covers: cell(value?.covers),
    comments: cell(deal.comments),
    source_count: String(
      new Set((deal.citations as { source: { id: string } }[]).map((c) => c.source.id)).size,
    ),
    updated_at: deal.updatedAt,
    retired_at: cell((deal.retirement as Json | null)?.retiredAt),
    item_id: cell(item?.id),
    item_number: cell(position),
    platform_id: cell(platform?.id),
    platform_designation: cell(platform?.designation),
    platform_category: cell(platform?.category),
    item_description: cell(item?.description),
    ...estimate('quantity_ordered', item?.quantityOrdered as Json | null),
    ...estimate('quantity_delivered', item?.quantityDelivered as Json | null),
    delivery_years: item ? (item.deliveryYears as number[]).join(' ') : '',
    condition: cell(item?.condition),
    tiv_per_unit: cell(item?.tivPerUnit),
    tiv_total_order: cell(item?.tivTotalOrder),
    tiv_delivered: cell(item?.tivDelivered),
    item_note: cell(item?.note),
    how_to_cite: deal.howToCite,
  };
}

beforeAll(async () => {
  api = await createTestApi();
  // The shipped Sahel excerpt: 402 SIPRI deals to Mali, Burkina Faso, Niger, Chad, Mauritania.
  await seedSipriExcerpt(api.database.db);
  editor = (await createApiKey(api.database.db, { name: 'Ed Itor', role: 'EDITOR' })).key;
  base = (await api.listen()).replace(/\/graphql$/, '');
  // A deal whose comments need quoting, with a known quantity, a known zero and unknowns.
  const created = await api.query(
    graphql(`
      mutation ExportCreateDeal($input: CreateDealInput!) {
        createDeal(input: $input) {
          deal {
            id
          }
        }
      }
    `),
    {
      input: {
        supplier: toGlobalId('Actor', ids.russia),
        recipient: toGlobalId('Actor', ids.mali),
        stage: 'DELIVERING',
        arrangement: 'SALE',
        orderDate: { year: 2024, month: 3, uncertain: true },
        reportedValue: { amount: '12.50', currency: 'USD', covers: 'with "training", spares' },
        comments: COMMENTS,
        items: [
          {
            platform: toGlobalId('Platform', ids.mi171sh),
            quantityOrdered: { value: 4, low: 2, high: 6, uncertain: true },
            quantityDelivered: { value: 0 },
            deliveryYears: [2024, 2025],
            tivPerUnit: '5.50',
            note: 'armed, "Sh" version',
          },
          { platform: toGlobalId('Platform', ids.mi35m) },
        ],
        citations: [
          {
            newSource: {
              kind: 'NEWS',
              publisher: 'Test, "Agency"',
              url: 'https://example.org/export-test',
              language: 'fr',
            },
            excerpt: 'quatre hélicoptères, "armés"',
          },
        ],
        reason: 'Reported order',
      },
    },
    { apiKey: editor },
  );
  createdDeal = dataOf(created).createDeal.deal.id;
});
afterAll(() => api.close());

describe('the NDJSON export', () => {
  it('holds, line by line, what deals returns for the same filter, every field', async () => {
    for (const filter of [
      { recipientCountry: ['MLI'] },
      { supplierCountry: ['FR', 'USA'], orderYear: { from: 1990 } },
      { category: ['AIRCRAFT'], stage: ['DELIVERED', 'DELIVERING'], includeRetired: true },
      null,
    ]) {
      const expected = await dealsFor(filter);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await ndjson(filter), JSON.stringify(filter)).toEqual(expected);
    }
  });

  it("reads a SIPRI release's own values with filter.release", async () => {
    const [release] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from sipri_releases order by generated_on desc limit 1`,
    );
    expect(release).toBeDefined();
    const filter = { release: toGlobalId('SipriRelease', release!.id), recipientCountry: ['TCD'] };
    const expected = await dealsFor(filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ndjson(filter)).toEqual(expected);
  });

  it('carries the deal created through the API with its comments as written', async () => {
    const [deal] = (
      await ndjson({ recipientCountry: ['MLI'], orderYear: { from: 2024, to: 2024 } })
    ).filter((d) => d.id === createdDeal);
    expect(deal?.comments).toBe(COMMENTS);
    expect(deal?.items[1]?.quantityOrdered).toBeNull();
    expect(deal?.items[0]?.quantityDelivered).toEqual({
      value: 0,
      low: null,
      high: null,
      uncertain: false,
    });
  });
});

describe('the CSV export', () => {
  it('has one line per item, the columns the README lists, values as deals gives them', async () => {
    const filter = { recipientCountry: ['MLI', 'NER'] };
    const deals = await dealsFor(filter);
    const { header, lines } = await csv(filter);
    expect(header).toEqual(CSV_COLUMNS);
    const expected = deals.flatMap((deal) =>
      deal.items.length === 0
        ? [expectedCsvLine(deal, null, null)]
        : deal.items.map((item, i) => expectedCsvLine(deal, item, i + 1)),
    );
    expect(lines.length).toBe(deals.reduce((n, d) => n + Math.max(1, d.items.length), 0));
    expect(lines).toEqual(expected);
    // The created deal's two items are two lines, the deal's columns repeated.
    const mine = lines.filter((line) => line.deal_id === createdDeal);
    expect(mine.map((line) => line.item_number)).toEqual(['1', '2']);
    expect(new Set(mine.map((line) => line.comments))).toEqual(new Set([COMMENTS]));
  });

  it('quotes commas, quotes and line breaks, so that a reader gets the text back exactly', async () => {
    const response = await fetch(exportPath('csv', { recipientCountry: ['MLI'] }));
    const text = await response.text();
    // RFC 4180: the field in quotes, inner quotes doubled, line breaks kept inside.
    expect(text).toContain(`"${COMMENTS.replaceAll('"', '""')}"`);
    expect(text).toContain('"armed, ""Sh"" version"');
    const line = (await csv({ recipientCountry: ['MLI'] })).lines.find(
      (l) => l.deal_id === createdDeal && l.item_number === '1',
    );
    expect(line).toMatchObject({
      comments: COMMENTS,
      value_amount: '12.50',
      value_currency: 'USD',
      value_covers: 'with "training", spares',
      item_note: 'armed, "Sh" version',
    });
  });

  it('leaves unknown values empty and writes a known zero as 0; decimals as stored', async () => {
    const lines = (await csv({ recipientCountry: ['MLI'] })).lines.filter(
      (l) => l.deal_id === createdDeal,
    );
    expect(lines[0]).toMatchObject({
      order_date: '2024-03?',
      order_date_uncertain: 'true',
      quantity_ordered: '4',
      quantity_ordered_low: '2',
      quantity_ordered_high: '6',
      quantity_ordered_uncertain: 'true',
      quantity_delivered: '0',
      quantity_delivered_low: '',
      quantity_delivered_uncertain: 'false',
      delivery_years: '2024 2025',
      tiv_per_unit: '5.50',
      tiv_total_order: '',
      tiv_delivered: '',
    });
    // The second item: nothing known of its quantities or values — empty, never 0.
    expect(lines[1]).toMatchObject({
      quantity_ordered: '',
      quantity_ordered_uncertain: '',
      quantity_delivered: '',
      quantity_delivered_uncertain: '',
      delivery_years: '',
      tiv_per_unit: '',
    });
  });
});

describe('export responses', () => {
  it("names the file by what and when, and credits SIPRI's data", async () => {
    for (const format of ['ndjson', 'csv'] as const) {
      const response = await fetch(exportPath(format, { recipientCountry: ['TCD'] }));
      await response.text();
      expect(response.headers.get('x-attribution')).toBe(EXPORT_ATTRIBUTION);
      expect(response.headers.get('x-attribution')).toContain(
        'Information from the SIPRI Arms Transfers Database, Stockholm International Peace Research Institute',
      );
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="armstrail-deals-filtered-\\d{8}T\\d{6}Z\\.${format}"$`),
      );
      expect(response.headers.get('content-type')).toMatch(
        format === 'csv' ? /^text\/csv; charset=utf-8/ : /^application\/x-ndjson; charset=utf-8/,
      );
    }
    const whole = await fetch(exportPath('csv', null));
    await whole.text();
    expect(whole.headers.get('content-disposition')).toMatch(/filename="armstrail-deals-\d{8}T/);
    // howToCite carries SIPRI's credit line in each SIPRI deal's line.
    const [sipriDeal] = await ndjson({ recipientCountry: ['TCD'], orderYear: { to: 2000 } });
    expect(sipriDeal?.howToCite).toContain('Information from the SIPRI Arms Transfers Database');
  });

  it('refuses a bad filter with 400 and the coded error GraphQL gives for it', async () => {
    const cases: [string, unknown][] = [
      ['reversed range', { orderYear: { from: 2020, to: 2010 } }],
      ['misspelt country', { recipientCountry: ['Mail'] }],
      ['unknown enum value', { stage: ['SIGNED'] }],
      ['wrong type', { orderYear: 2020 }],
      ['unknown field', { recipientCountri: ['MLI'] }],
      ['ID of another type', { supplier: [toGlobalId('Platform', ids.mi171)] }],
      [
        'unknown actor',
        { supplier: [toGlobalId('Actor', '00000000-0000-4000-8000-000000000000')] },
      ],
      ['NUL character', { recipientCountry: ['ML\u0000'] }],
    ];
    for (const [name, filter] of cases) {
      const response = await fetch(exportPath('ndjson', filter as Json));
      const body = (await response.json()) as { errors: Json[] };
      expect(response.status, name).toBe(400);
      const graphql = await api.query(
        'query ($filter: DealFilter) { deals(filter: $filter) { totalCount } }',
        { filter },
      );
      const strip = (e: Json) => ({ message: e.message, extensions: e.extensions });
      expect(graphql.errors?.length, name).toBeGreaterThan(0);
      expect(body.errors.map(strip), name).toEqual(graphql.errors!.map((e) => strip(e as Json)));
    }
    const notJson = await fetch(`${base}/export/deals.csv?filter=%7Bnope`);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors: Json[] }).errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter' },
    });
    const misspelt = await fetch(`${base}/export/deals.csv?filtre=%7B%7D`);
    expect(misspelt.status).toBe(400);
  });

  it('gives the export URL in GraphQL, checked like the export', async () => {
    const filter = { recipientCountry: ['ML'], orderYear: { from: 2010 } };
    const result = await api.query(
      graphql(`
        query ExportUrlCsv($filter: DealFilter) {
          exportUrl(filter: $filter, format: CSV)
        }
      `),
      { filter },
    );
    const url = new URL(dataOf(result).exportUrl);
    expect(url.origin + url.pathname).toBe('http://localhost:4000/export/deals.csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual(filter);
    const same = await fetch(`${base}${url.pathname}${url.search}`);
    expect(same.status).toBe(200);
    expect(
      dataOf(
        await api.query(
          graphql(`
            query ExportUrlNdjson {
              exportUrl(format: NDJSON)
            }
          `),
        ),
      ).exportUrl,
    ).toBe('http://localhost:4000/export/deals.ndjson');
    const bad = await api.query(
      '{ exportUrl(filter: { orderYear: { from: 3, to: 1 } }, format: CSV) }',
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a client that leaves mid-export', () => {
  it('ends the export: its transaction and connection are freed and the server answers', async () => {
    // A server of its own, with batches of 10 deals: the hang-up comes mid-export, not after.
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    const logger = createLogger('info', sink);
    const server = await serveHttp({ database: api.database, logger, exportBatchSize: 10 });
    const origin = server.base;
    try {
      let received = 0;
      await new Promise<void>((resolve, reject) => {
        const request = http.get(`${origin}/export/deals.ndjson`, (response) => {
          expect(response.statusCode).toBe(200);
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            // The client hangs up once the first lines have come.
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error) => {
          if (!request.destroyed) reject(error);
        });
      });
      expect(received).toBeGreaterThan(0);
      const ended = () =>
        lines.find((line) => line.msg === 'export ended early: the client went away');
      // Bounded: 5 s.
      for (let i = 0; i < 50 && !ended(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(ended()).toMatchObject({ stalled: false });
      // The request's log line says it did not finish.
      expect(lines.find((line) => line.msg === 'graphql request')).toMatchObject({
        status: 200,
        outcome: 'aborted',
      });
      // The database answers at once: on PGlite the export's transaction would hold its one
      // connection; on PostgreSQL no session of this database is left in a transaction.
      const started = performance.now();
      await api.database.db.execute(sql`select 1`);
      expect(performance.now() - started).toBeLessThan(1000);
      if (testDatabaseKind === 'postgres') {
        const sessions = await queryRows<{ state: string; query: string }>(
          api.database.db,
          sql`select state, query from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and (state like 'idle in transaction%' or query ilike '%armstrail_export%')`,
        );
        expect(sessions).toEqual([]);
      }
      const answer = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ deals(first: 1) { totalCount } }' }),
      });
      expect(answer.status).toBe(200);
      // And the next export runs whole.
      const next = await fetch(
        `${origin}/export/deals.ndjson?filter=${encodeURIComponent('{"recipientCountry":["MRT"]}')}`,
      );
      const text = await next.text();
      expect(text.split('\n').filter(Boolean).length).toBe(
        Number(next.headers.get('x-export-deals')),
      );
    } finally {
      await server.close();
    }
  });
});

describe('limits', () => {
  const logger = pino({ level: 'silent' });
  const servers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of servers) await close();
  });

  async function listen(options: {
    rateLimiter?: RateLimiter;
    exportRateLimiter?: RateLimiter;
  }): Promise<string> {
    const serving = await serveHttp({ database: api.database, logger, ...options });
    servers.push(() => serving.close());
    return serving.base;
  }

  it('charges an export to its own allowance by deals, apart from the GraphQL budget', async () => {
    const mali = (await dealsFor({ recipientCountry: ['MLI'] })).length;
    const points = new LocalRateLimiter({
      anonymous: { burst: 100, perSecond: 0.001 },
      key: { burst: 100, perSecond: 0.001 },
    });
    const rows = new LocalRateLimiter({
      anonymous: { burst: mali + 10, perSecond: 0.001 },
      key: { burst: 100_000, perSecond: 0.001 },
    });
    const server = await listen({ rateLimiter: points, exportRateLimiter: rows });
    const path = (filter: Json) =>
      `${server}/export/deals.ndjson?filter=${encodeURIComponent(JSON.stringify(filter))}`;
    const first = await fetch(path({ recipientCountry: ['MLI'] }));
    await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-export-deals')).toBe(String(mali));
    // The allowance has 10 deals left: Mali's again is refused until it refills…
    const again = await fetch(path({ recipientCountry: ['MLI'] }));
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(1000);
    expect(((await again.json()) as { errors: Json[] }).errors[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', limit: 'exportRows', cost: mali },
    });
    // …an export larger than the whole allowance can never pass, and says so…
    const whole = await fetch(path({ includeRetired: true }));
    expect(whole.status).toBe(400);
    expect(((await whole.json()) as { errors: Json[] }).errors[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'exportRows', max: mali + 10 },
    });
    // …and the GraphQL budget paid only the 1-point admissions: an API key has its own.
    const { key } = await createApiKey(api.database.db, { name: 'Mirror', role: 'READER' });
    const keyed = await fetch(path({ includeRetired: true }), {
      headers: { authorization: `Bearer ${key}` },
    });
    await keyed.text();
    expect(keyed.status).toBe(200);
    expect((await points.take({ kind: 'anonymous', id: 'ip:127.0.0.1' }, 90)).allowed).toBe(true);
    // A bad key is refused as on /graphql.
    const badKey = await fetch(path({}), { headers: { authorization: 'Bearer nope' } });
    expect(badKey.status).toBe(401);
    expect(((await badKey.json()) as { errors: Json[] }).errors[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('keeps the connection open on a 429 once the request body is read', async () => {
    const points = new LocalRateLimiter({
      anonymous: { burst: 100, perSecond: 0.001 },
      key: { burst: 100, perSecond: 0.001 },
    });
    const server = await listen({ rateLimiter: points });
    await points.take({ kind: 'anonymous', id: 'ip:127.0.0.1' }, 100);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = () =>
      new Promise<{ status: number; connection: string | undefined; reused: boolean }>(
        (resolve, reject) => {
          const request = http.request(
            `${server}/graphql`,
            { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
            (response) => {
              response.resume();
              response.on('end', () =>
                resolve({
                  status: response.statusCode!,
                  connection: response.headers.connection,
                  reused: request.reusedSocket,
                }),
              );
            },
          );
          request.on('error', reject);
          request.end(JSON.stringify({ query: '{ __typename }' }));
        },
      );
    const first = await post();
    const second = await post();
    agent.destroy();
    expect(first).toMatchObject({ status: 429, connection: 'keep-alive' });
    expect(second).toMatchObject({ status: 429, connection: 'keep-alive', reused: true });
  });
});
