// GraphiQL examples: every example query runs on the seeded database without errors (the
// release diff also with a second release imported), and docs/queries.md is the rendering of
// the same examples.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphiQLExample } from '../src/graphiql/example.js';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import { seedSipriExcerpt, SIPRI_EXCERPT_RELEASE_ID } from '../src/seed/sipri-excerpt.js';
import { futureTalk, QUERIES_DOC_PATH, renderQueriesDoc } from '../scripts/queries-doc.js';
import { BURKINA_FASO, OLDER, release } from './import/support.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

// What each answer must contain on the test database, which holds the Kazan record but not
// the SIPRI Sahel excerpt. Examples that need the excerpt are checked for a clean, well-shaped
// answer only here (their lists are empty or hold the Kazan record), and for real rows below.
const EXPECTED_ON_SEED: Record<string, (data: unknown, json: string) => void> = {
  'kazan-mali-reported-interest': (_data, json) => {
    expect(json).toContain('https://eurasiafocus.com/9976-2/');
    expect(json).toContain('La visite a pour objectif');
    expect(json).toContain('Mi-171');
  },
  'mali-received-from-russia': (data) => {
    expect(data).toMatchObject({ deals: { totalCount: expect.any(Number) as number } });
  },
  'sahel-russian-helicopters': (_data, json) => {
    expect(json).toContain('transport helicopter');
  },
  'search-goita': (_data, json) => {
    // Searched for without the diaeresis, found with it, and marked in the snippet.
    expect(json).toContain('«Goïta»');
  },
  'uncertain-quantities': (data) => {
    expect(data).toMatchObject({ deals: { totalCount: expect.any(Number) as number } });
  },
  'mali-volumes-by-year': (data) => {
    expect(data).toMatchObject({
      byYear: { totalCount: expect.any(Number) as number, nodes: expect.any(Array) as unknown[] },
    });
  },
  'sahel-top-suppliers': (data) => {
    expect(data).toMatchObject({
      topSuppliers: { totalCount: expect.any(Number) as number },
      byYear: { totalCount: expect.any(Number) as number },
    });
  },
  'mi8-family-tree': (_data, json) => {
    for (const designation of ['Mi-8', 'Mi-17', 'Mi-171', 'Mi-171Sh', 'Ми-171Ш']) {
      expect(json).toContain(`"${designation}"`);
    }
  },
  'sources-in-french': (_data, json) => {
    expect(json).toContain('https://eurasiafocus.com/9976-2/');
    expect(json).toContain('abamako');
    // The Russian and English articles on the visit are not French.
    expect(json).not.toContain('29ru.net');
    expect(json).not.toContain('sahellibertynews');
  },
};

type GraphQLErrors = NonNullable<Awaited<ReturnType<TestApi['query']>>['errors']>;

// Examples whose variables name a record of the SIPRI excerpt: without the excerpt they must
// say that the record is missing, not answer something else.
const ERROR_ON_SEED: Record<string, (errors: GraphQLErrors) => void> = {
  'sipri-release-diff': (errors) => {
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      path: ['releaseChanges'],
      extensions: { code: 'NOT_FOUND', argument: 'from' },
    });
  },
};

/** An example's variables as GraphiQL sends them: its JSON text, parsed. */
function variablesOf(example: GraphiQLExample): Record<string, unknown> | undefined {
  return example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
}

describe('GraphiQL example queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('has an expectation for every example, and unique ids and operation names', () => {
    expect([...Object.keys(EXPECTED_ON_SEED), ...Object.keys(ERROR_ON_SEED)].sort()).toEqual(
      graphiqlExamples.map((e) => e.id).sort(),
    );
    const operations = graphiqlExamples.map((e) => /^query (\w+)/m.exec(e.query)?.[1]);
    // Variables, when there are any, are a JSON object.
    for (const example of graphiqlExamples) expect(() => variablesOf(example)).not.toThrow();
    expect(new Set(operations).size).toBe(graphiqlExamples.length);
    expect(operations).not.toContain(undefined);
  });

  it.each(graphiqlExamples.map((example) => [example.id, example] as const))(
    '%s returns data without errors (or, naming an excerpt record, says it is missing)',
    async (id, example) => {
      const result = await api.query(example.query, variablesOf(example));
      if (ERROR_ON_SEED[id]) return ERROR_ON_SEED[id](result.errors ?? []);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      EXPECTED_ON_SEED[example.id]!(result.data, JSON.stringify(result.data));
    },
  );

  it("describes today's API only, never features to come", () => {
    expect(futureTalk(graphiqlExamples)).toEqual([]);
    const promising = { ...graphiqlExamples[0]!, notes: 'Once search exists (issue 7), use it.' };
    expect(() => renderQueriesDoc([promising])).toThrow(/features to come/);
  });

  it('docs/queries.md is rendered from the examples (run `npm run docs:queries`)', () => {
    expect(readFileSync(QUERIES_DOC_PATH, 'utf8')).toBe(renderQueriesDoc(graphiqlExamples));
  });
});

// The default database (`npm start`) also holds the SIPRI Sahel excerpt: with it, the examples
// that need it must find its rows.
const EXPECTED_WITH_EXCERPT: Record<string, (json: string) => void> = {
  'mali-received-from-russia': (json) => {
    expect(json).toContain('"Mi-35M"');
    expect(json).toContain('"deliveryYears":[2017,2019,2020]');
  },
  'sahel-russian-helicopters': (json) => {
    expect(json).toContain('"combat helicopter"');
    expect(json).toContain('"Burkina Faso"');
  },
  'uncertain-quantities': (json) => {
    expect(json).toContain('"uncertain":true');
  },
  'mali-volumes-by-year': (json) => {
    expect(json).toContain('"year":2022');
    expect(json).toContain('"deliveryYearMethod":"EVEN_SPLIT"');
    expect(json).toMatch(/"tivDelivered":"\d/);
    expect(json).toContain('"name":"Russia"');
  },
  'sipri-release-diff': (json) => {
    // The seeded excerpt is the one release, compared with itself.
    const release = toGlobalId('SipriRelease', SIPRI_EXCERPT_RELEASE_ID);
    expect(json).toContain(`"sipriReleases":[{"id":"${release}"`);
    expect(json).toContain('"scope":"EXCERPT"');
    expect(json).toMatch(/"newDeals":[1-9]/);
    expect(json).toContain('"releaseChanges":{"totalCount":0');
  },
  'sahel-top-suppliers': (json) => {
    expect(json).toContain('"name":"China"');
    expect(json).toContain('"name":"Burkina Faso"');
    expect(json).toMatch(/"year":2022,"recipient":\{"name":"Mali"\}/);
  },
};

describe('GraphiQL example queries with the SIPRI Sahel excerpt', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
  });
  afterAll(async () => {
    await api.close();
  });

  it('covers every example marked as needing the excerpt', () => {
    expect(Object.keys(EXPECTED_WITH_EXCERPT).sort()).toEqual(
      graphiqlExamples
        .filter((e) => e.needsSipriExcerpt)
        .map((e) => e.id)
        .sort(),
    );
  });

  it.each(graphiqlExamples.map((example) => [example.id, example] as const))(
    '%s returns data without errors',
    async (id, example) => {
      const result = await api.query(example.query, variablesOf(example));
      expect(result.errors).toBeUndefined();
      const json = JSON.stringify(result.data);
      // The Kazan-record examples must still answer the same with SIPRI rows beside them.
      EXPECTED_ON_SEED[id]?.(result.data, json);
      EXPECTED_WITH_EXCERPT[id]?.(json);
    },
  );
});

interface ReleaseDiff {
  sipriReleases: { id: string; generatedText: string }[];
  releaseChanges: {
    totalCount: number;
    nodes: {
      kind: string;
      deal: { supplier: { name: string }; items: { platform: { designation: string } }[] };
      changes: { field: string; from: unknown; to: unknown }[];
    }[];
  };
}

// The release-diff example once a second release exists: an older Burkina Faso excerpt, built
// from the excerpt's own rows less its last one (Akinci drones from Turkiye), with one comment
// worded otherwise (the Soviet Mi-8T row).
describe('GraphiQL release-diff example with an older release imported', () => {
  const example = graphiqlExamples.find((e) => e.id === 'sipri-release-diff')!;
  let api: TestApi;
  let older: string;
  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
    const imported = await importSipriRegister(
      api.database.db,
      release({
        generated: OLDER,
        to: 'Burkina Faso',
        rows: [[BURKINA_FASO[0], BURKINA_FASO[1] - 1]],
        change: { [BURKINA_FASO[0] + 1]: (fields) => (fields[12] = 'An earlier comment') },
      }),
    );
    older = toGlobalId('SipriRelease', imported.releaseId);
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists both releases, and with their ids the deal added and the comment changed', async () => {
    const { to } = variablesOf(example) as { to: string };
    const diff = dataOf(await api.query<ReleaseDiff>(example.query, { from: older, to }));
    expect(diff.sipriReleases.map((r) => r.id)).toEqual([to, older]);
    expect(diff.sipriReleases[1]!.generatedText).toBe(OLDER);
    expect(diff.releaseChanges.totalCount).toBe(2);
    const byKind = Object.fromEntries(diff.releaseChanges.nodes.map((n) => [n.kind, n]));
    expect(Object.keys(byKind).sort()).toEqual(['ADDED', 'CHANGED']);
    expect(byKind.ADDED!.deal.supplier.name).toBe('Turkiye');
    expect(byKind.ADDED!.deal.items[0]!.platform.designation).toBe('Akinci');
    expect(byKind.CHANGED!.deal.items[0]!.platform.designation).toBe('Mi-8T');
    expect(byKind.CHANGED!.changes).toEqual([
      { field: 'comments', from: 'An earlier comment', to: null },
    ]);
  });
});
