// Deal.howToCite through GraphQL: the Kazan record (news sources) and SIPRI-imported deals
// (SIPRI's credit line), and its cost on long lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { parseGlobalIdOf } from '../src/graphql/global-id.js';
import { citeDeal, createSource } from './support/factories.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';
import { graphql } from './support/graphql/index.js';
import type { HowToCiteDealsQuery } from './support/graphql/graphql.js';

type CitedDeal = HowToCiteDealsQuery['deals']['nodes'][number];

const CITED = graphql(`
  query HowToCiteDeals($f: DealFilter, $n: Int) {
    deals(filter: $f, first: $n) {
      nodes {
        id
        stage
        orderDate {
          iso
        }
        items {
          platform {
            designation
          }
        }
        howToCite
      }
    }
  }
`);

describe('Deal.howToCite', () => {
  let api: TestApi;
  let maliDeals: CitedDeal[];

  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
    maliDeals = dataOf(
      await api.query(CITED, {
        f: { supplierCountry: ['RU'], recipientCountry: ['ML'] },
        n: 100,
      }),
    ).deals.nodes;
  });
  afterAll(() => api.close());

  it('cites the Kazan record with its news sources and no SIPRI credit', () => {
    const kazan = maliDeals.find((d) => d.stage === 'REPORTED_INTEREST')!;
    const text = kazan.howToCite;
    expect(text).toMatch(
      /^Russia → Mali: Mi-171 \(.*\), quantity unknown; Mi-35 \(.*\), quantity unknown/,
    );
    expect(text).toContain('(reported interest)');
    expect(text).toContain(`Armstrail deal ${kazan.id}`);
    expect(text).toContain('eurasiafocus.com, date unknown, https://eurasiafocus.com/9976-2/.');
    expect(text).toContain('http://news.abamako.com/h/300986.html');
    expect(text).toContain('27 Jun 2025');
    expect(text).toContain('http://news.abamako.com/h/300967.html');
    expect(text).not.toContain('SIPRI');
  });

  it('cites a SIPRI row with the release it comes from and SIPRI’s credit line', () => {
    const mi17 = maliDeals.find(
      (d) => d.items[0]?.platform.designation === 'Mi-17' && d.orderDate?.iso === '2020',
    )!;
    const [record, sources, credit, ...rest] = mi17.howToCite.split('\n');
    expect(record).toBe(
      'Russia → Mali: 4 × Mi-17 (transport helicopter; Mi-171Sh armed version) ' +
        `(delivered, ordered 2020, delivered 2021). Armstrail deal ${mi17.id}.`,
    );
    expect(sources).toMatch(
      /^Sources: \[1\] SIPRI, “SIPRI Arms Transfers Database — trade register \(Sahel excerpt/,
    );
    expect(sources).toContain('18 May 2026');
    expect(credit).toBe(
      'Information from the SIPRI Arms Transfers Database, Stockholm International Peace ' +
        'Research Institute, https://www.sipri.org/databases/armstransfers, data generated 18 May 2026.',
    );
    expect(rest).toEqual([
      expect.stringMatching(/^Armstrail record: http:\/\/localhost:4000\/graphql\?query=/),
    ]);
  });

  it('credits SIPRI once, for the newest release, when several SIPRI releases are cited', async () => {
    const mi35m = maliDeals.find((d) => d.items[0]?.platform.designation === 'Mi-35M')!;
    const dealId = parseGlobalIdOf('Deal', mi35m.id, 'id');
    // The 2024 register cites the same deal: an older release, a source of its own.
    const older = await createSource(api.database.db, {
      kind: 'DATASET',
      publisher: 'SIPRI',
      title: 'SIPRI Arms Transfers Database — trade register (1950–2024)',
      url: 'https://www.sipri.org/databases/armstransfers',
      publishedYear: 2024,
      publishedMonth: 10,
      publishedDay: 13,
    });
    await citeDeal(api.database.db, dealId, older.id);
    const [deal] = dataOf(
      await api.query(
        graphql(`
          query HowToCiteNodes($id: ID!) {
            nodes(ids: [$id]) {
              ... on Deal {
                id
                howToCite
              }
            }
          }
        `),
        { id: mi35m.id },
      ),
    ).nodes;
    const lines = deal!.howToCite.split('\n');
    const credits = lines.filter((l) => l.startsWith('Information from the SIPRI'));
    expect(credits).toEqual([
      'Information from the SIPRI Arms Transfers Database, Stockholm International Peace ' +
        'Research Institute, https://www.sipri.org/databases/armstransfers, data generated 18 May 2026.',
    ]);
    // Both releases are named, each once.
    const sources = lines.find((l) => l.startsWith('Sources: '))!;
    expect(sources).toContain('[1] ');
    expect(sources).toContain('[2] ');
    expect(sources).not.toContain('[3] ');
    expect(sources.match(/13 Oct 2024/g)).toHaveLength(1);
  });

  it('links to the record: a GraphiQL link that resolves the deal', async () => {
    const kazan = maliDeals.find((d) => d.stage === 'REPORTED_INTEREST')!;
    const link = /Armstrail record: (\S+)$/m.exec(kazan.howToCite)?.[1];
    expect(link).toMatch(/^http:\/\/localhost:4000\/graphql\?query=/);
    const query = new URL(link!).searchParams.get('query')!;
    expect(query).toContain(kazan.id);
    // The link's query, run as it stands, answers with this deal. It is the server's text, known
    // only at run time: no typed document for it.
    const data = dataOf(await api.query<{ deal: { id: string } | null }>(query));
    expect(data.deal?.id).toBe(kazan.id);
  });

  it('sends the same number of statements for 1 deal and for 100', async () => {
    const count = async (n: number) => {
      api.database.statements.reset();
      const data = dataOf(await api.query(CITED, { n }));
      expect(data.deals.nodes).toHaveLength(n);
      return api.database.statements.count;
    };
    expect(await count(100)).toBe(await count(1));
  });
});
