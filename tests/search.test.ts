import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { ids } from '../src/seed/kazan-mali.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

interface Hit {
  score: number;
  snippet: string | null;
  record: {
    __typename: string;
    designation?: string;
    name?: string;
    url?: string;
    comments?: string | null;
  };
}

const KAZAN_DEAL = toGlobalId('Deal', ids.kazanDeal);

const SEARCH = `query($q: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { score snippet record { __typename
      ... on Platform { designation } ... on Actor { name } ... on Source { url }
      ... on Deal { comments } } } } }`;

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
      await api.query<{
        actors: { nodes: { id: string; version: number; aliases: { name: string }[] }[] };
      }>(
        '{ actors(filter: { country: ["ARE"], kind: [STATE] }) { nodes { id version aliases { name } } } }',
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
    // A test source in French and one in Russian, cited for the Kazan deal.
    for (const [language, excerpt, url] of [
      ['fr', 'Le Mali souhaite acquérir un hélicoptère de transport.', 'https://example.org/fr'],
      ['ru', 'Мали заинтересована в покупке вертолётов.', 'https://example.org/ru'],
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

  async function search(q: string, types?: string[], first?: number) {
    return dataOf(
      await api.query<{
        search: {
          totalCount: number;
          nodes: Hit[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(SEARCH, { q, types, first }),
    ).search;
  }

  it('ignores accents: Goita finds the visit of Assimi Goïta', async () => {
    const result = await search('Goita', ['DEAL']);
    expect(result.nodes[0]?.record.comments).toContain('Kazan Helicopter Plant');
    expect(result.nodes[0]?.snippet).toContain('«Goïta»');
  });

  it('treats Cote d’Ivoire and Côte d’Ivoire alike', async () => {
    // The SIPRI excerpt brings the state in under SIPRI's spelling, without the accent.
    const [civ] = dataOf(
      await api.query<{ actors: { nodes: { name: string }[] } }>(
        '{ actors(filter: { country: ["CIV"], kind: [STATE] }) { nodes { name } } }',
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
    expect(french.nodes[0]?.snippet).toContain('«hélicoptère»');
    const russian = await search('вертолёт', ['SOURCE']);
    expect(russian.nodes.map((n) => n.record.url)).toEqual(['https://example.org/ru']);
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
      await api.query<{ search: { nodes: Hit[] } }>(SEARCH, {
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
