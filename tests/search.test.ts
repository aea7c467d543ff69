import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { ids } from '../src/seed/kazan-mali.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { graphql } from './support/graphql/index.js';
import type { SearchType } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

/** A hit as the tests read it: the generated union of record types, with every field optional. */
interface Hit {
  score: number;
  snippet: string | null;
  record: {
    __typename: string;
    designation?: string;
    name?: string;
    url?: string | null;
    comments?: string | null;
  };
}

interface SearchPage {
  totalCount: number;
  nodes: Hit[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const KAZAN_DEAL = toGlobalId('Deal', ids.kazanDeal);

const SEARCH = graphql(`
  query Search($q: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(query: $q, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        score
        snippet
        record {
          __typename
          ... on Platform {
            designation
          }
          ... on Actor {
            name
          }
          ... on Source {
            url
          }
          ... on Deal {
            comments
          }
        }
      }
    }
  }
`);

describe('search', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
    const editor = (await createApiKey(api.database.db, { name: 'Search Editor', role: 'EDITOR' }))
      .key;
    // The excerpt brings the United Arab Emirates in as a supplier; an editor records the
    // short name it is often written under, as an alias.
    const [uae] = dataOf(
      await api.query(
        graphql(`
          query SearchUae {
            actors(filter: { country: ["ARE"], kind: [STATE] }) {
              nodes {
                id
                version
                aliases {
                  name
                }
              }
            }
          }
        `),
      ),
    ).actors.nodes;
    if (!uae!.aliases.some((a) => a.name === 'UAE')) {
      dataOf(
        await api.query(
          `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }`,
          {
            input: {
              id: uae!.id,
              expectedVersion: uae!.version,
              aliases: [...uae!.aliases, { name: 'UAE' }],
              reason: 'Common short name',
            },
          },
          { apiKey: editor },
        ),
      );
    }
    dataOf(
      await api.query(
        `mutation { createActor(input: { kind: STATE, name: "Côte d'Ivoire", isoAlpha3: "CIV", reason: "Reference data" }) { actor { id } } }`,
        undefined,
        { apiKey: editor },
      ),
    );
    // A designation of SIPRI's 2026 register whose compact form starts like Bayraktar TB-2's.
    dataOf(
      await api.query(
        `mutation { createPlatform(input: { designation: "TB-20 Trinidad", category: AIRCRAFT, reason: "SIPRI register" }) { platform { id } } }`,
        undefined,
        { apiKey: editor },
      ),
    );
    // Test sources in French, in Russian and in a language not recorded, cited for the Kazan deal.
    for (const [language, excerpt, url] of [
      ['fr', 'Le Mali souhaite acquérir un hélicoptère de transport.', 'https://example.org/fr'],
      ['ru', 'Мали заинтересована в покупке вертолётов.', 'https://example.org/ru'],
      [null, 'Un hélicoptère Mi-171 et un вертолёт Ми-35.', 'https://example.org/unknown'],
    ] as const) {
      dataOf(
        await api.query(
          `mutation($input: AddCitationInput!) { addCitation(input: $input) { citation { id } } }`,
          {
            input: {
              target: KAZAN_DEAL,
              citation: { newSource: { kind: 'NEWS', publisher: 'Test', url, language }, excerpt },
              reason: 'Search test',
            },
          },
          { apiKey: editor },
        ),
      );
    }
  });
  afterAll(() => api.close());

  async function search(q: string, types?: SearchType[], first?: number): Promise<SearchPage> {
    return dataOf(await api.query(SEARCH, { q, types, first })).search;
  }

  it('ignores accents: Goita finds the visit of Assimi Goïta', async () => {
    const result = await search('Goita', ['DEAL']);
    expect(result.nodes[0]?.record.comments).toContain('Kazan Helicopter Plant');
    expect(result.nodes[0]?.snippet).toContain('«Goïta»');
  });

  it('treats Cote d’Ivoire and Côte d’Ivoire alike', async () => {
    // The SIPRI excerpt brings the state in under SIPRI's spelling, without the accent.
    const [civ] = dataOf(
      await api.query(
        graphql(`
          query SearchIvoryCoast {
            actors(filter: { country: ["CIV"], kind: [STATE] }) {
              nodes {
                name
              }
            }
          }
        `),
      ),
    ).actors.nodes;
    expect(civ).toBeDefined();
    for (const q of ["Cote d'Ivoire", "Côte d'Ivoire", 'cote divoire']) {
      const result = await search(q, ['ACTOR']);
      expect(result.nodes[0]?.record.name).toBe(civ!.name);
    }
  });

  it.each(['Mi171Sh', 'mi 171 sh', 'MI-171SH', 'Ми-171Ш'])(
    'finds Mi-171Sh first for %s',
    async (q) => {
      const result = await search(q, ['PLATFORM']);
      expect(result.nodes[0]?.record.designation).toBe('Mi-171Sh');
    },
  );

  it('finds the Mi-171 family for a designation prefix, and by its Cyrillic alias', async () => {
    const designations = (await search('Mi171', ['PLATFORM'])).nodes.map(
      (n) => n.record.designation,
    );
    expect(designations).toEqual(expect.arrayContaining(['Mi-171', 'Mi-171Sh']));
    expect((await search('Ми-171', ['PLATFORM'])).nodes.map((n) => n.record.designation)).toContain(
      'Mi-171Sh',
    );
  });

  it('stems words in their own language: hélicoptères finds hélicoptère, вертолёт finds вертолётов', async () => {
    const french = await search('hélicoptères', ['SOURCE']);
    expect(french.nodes.map((n) => n.record.url)).toContain('https://example.org/fr');
    const fr = french.nodes.find((n) => n.record.url === 'https://example.org/fr');
    expect(fr?.snippet).toContain('«hélicoptère»');
    const russian = await search('вертолёт', ['SOURCE']);
    expect(russian.nodes.map((n) => n.record.url)).toContain('https://example.org/ru');
  });

  it('matches the seeded French excerpt whatever the accents and number', async () => {
    // The eurasiafocus excerpt says « aéronefs de combat et de transport ».
    const plural = await search('aéronef', ['SOURCE']);
    expect(plural.nodes.map((n) => n.record.url)).toContain('https://eurasiafocus.com/9976-2/');
    const unaccented = await search('aeronefs combat', ['DEAL']);
    expect(unaccented.totalCount).toBeGreaterThan(0);
  });

  it('finds actors by alias and code: UAE, KVZ', async () => {
    expect((await search('UAE', ['ACTOR'])).nodes[0]?.record.name).toBe('United Arab Emirates');
    expect((await search('KVZ', ['ACTOR'])).nodes[0]?.record.name).toBe('Kazan Helicopter Plant');
  });

  // Names people type: English, French and Russian names and abbreviations of states.
  it.each([
    ['UAE', 'United Arab Emirates'],
    ['Turkey', 'Turkiye'],
    ['Ivory Coast', "Côte d'Ivoire"],
    ['USSR', 'Soviet Union'],
    ['Britain', 'United Kingdom'],
    ['Russie', 'Russia'],
    ['Mauritanie', 'Mauritania'],
    ['Tchad', 'Chad'],
    ['Турция', 'Turkiye'],
    ['СССР', 'Soviet Union'],
  ])('finds the state first for %s, in search and in actors(filter: { name })', async (q, name) => {
    expect((await search(q)).nodes[0]?.record.name).toBe(name);
    const filtered = dataOf(
      await api.query(
        graphql(`
          query SearchStatesByName($q: String!) {
            actors(filter: { name: $q, kind: [STATE] }) {
              nodes {
                name
              }
            }
          }
        `),
        { q },
      ),
    ).actors.nodes.map((n) => n.name);
    expect(filtered).toContain(name);
  });

  it('ranks an exact model code above a longer designation: TB2 finds Bayraktar TB-2 first', async () => {
    for (const q of ['TB2', 'tb-2', 'TB 2']) {
      const all = await search(q);
      expect(all.nodes[0]?.record.designation).toBe('Bayraktar TB-2');
      const platforms = (await search(q, ['PLATFORM'])).nodes.map((n) => n.record.designation);
      expect(platforms.slice(0, 2)).toEqual(['Bayraktar TB-2', 'TB-20 Trinidad']);
    }
    const exact = await search('Mi-171Sh');
    expect(exact.nodes[0]?.record.designation).toBe('Mi-171Sh');
  });

  it('reads mi 171, mi171, Mi-171 and MI 171 as one query', async () => {
    const results = await Promise.all(
      ['Mi-171', 'mi 171', 'mi171', 'MI 171'].map((q) => search(q, undefined, 100)),
    );
    const hits = results.map((r) => ({
      total: r.totalCount,
      hits: r.nodes.map((n) => [
        n.record.__typename,
        n.record.designation ?? n.record.comments ?? n.record.url,
        n.score,
      ]),
    }));
    for (const other of hits.slice(1)) expect(other).toEqual(hits[0]);
    // The seeded Mi-17 deals whose comments name the Mi-171 are among them.
    expect(hits[0]!.total).toBeGreaterThan(3);
  });

  it.each([
    ['hélicoptères', 'hélicoptère'],
    ['helicopteres', 'helicoptere'],
    ['вертолёты', 'вертолёт'],
  ])('finds for the plural %s everything the singular %s finds', async (plural, singular) => {
    const ofPlural = await search(plural, undefined, 100);
    const ofSingular = await search(singular, undefined, 100);
    expect(ofSingular.totalCount).toBeGreaterThan(0);
    expect(ofPlural.totalCount).toBeGreaterThanOrEqual(ofSingular.totalCount);
    const key = (h: Hit) =>
      `${h.record.__typename}:${h.record.designation ?? h.record.name ?? h.record.url ?? h.record.comments}`;
    expect(ofPlural.nodes.map(key)).toEqual(expect.arrayContaining(ofSingular.nodes.map(key)));
  });

  it('finds imported SIPRI deals by words in their comments', async () => {
    const result = await search('Africa Corps mercenaries', ['DEAL']);
    expect(result.nodes[0]?.record.comments).toContain("'Africa Corps' mercenaries");
  });

  it('mixes record types, best first, and pages through them', async () => {
    const all = await search('Mali', undefined, 100);
    expect(new Set(all.nodes.map((n) => n.record.__typename))).toEqual(
      new Set(['Actor', 'Deal', 'Source']),
    );
    expect(all.nodes[0]?.record.name).toBe('Mali');
    const scores = all.nodes.map((n) => n.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = await search('Mali', undefined, 5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(
      await api.query(SEARCH, {
        q: 'Mali',
        first: 5,
        after: first.pageInfo.endCursor,
      }),
    ).search;
    expect(next.nodes).toEqual(all.nodes.slice(5, 10));
  });

  it('refuses an empty query and a foreign cursor', async () => {
    const empty = await api.query(SEARCH, { q: '   ' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await api.query(SEARCH, { q: 'Mali', after: 'bm9wZQ' });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sees a change as soon as it is committed', async () => {
    const editor = (await createApiKey(api.database.db, { name: 'Late Editor', role: 'EDITOR' }))
      .key;
    expect((await search('Zmeyevik', ['PLATFORM'])).totalCount).toBe(0);
    dataOf(
      await api.query(
        `mutation { createPlatform(input: { designation: "Zmeyevik-2", category: OTHER, reason: "t" }) { platform { id } } }`,
        undefined,
        { apiKey: editor },
      ),
    );
    expect((await search('zmeyevik 2', ['PLATFORM'])).nodes[0]?.record.designation).toBe(
      'Zmeyevik-2',
    );
  });
});
