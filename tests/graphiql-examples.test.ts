// GraphiQL examples: every example query runs on the seeded database without errors, and
// docs/queries.md is the rendering of the same examples.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphiQLExample } from '../src/graphiql/example.js';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { futureTalk, QUERIES_DOC_PATH, renderQueriesDoc } from '../scripts/queries-doc.js';
import { createTestApi, type TestApi } from './support/test-api.js';

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
    expect(Object.keys(EXPECTED_ON_SEED).sort()).toEqual(graphiqlExamples.map((e) => e.id).sort());
    const operations = graphiqlExamples.map((e) => /^query (\w+)/m.exec(e.query)?.[1]);
    // Variables, when there are any, are a JSON object.
    for (const example of graphiqlExamples) expect(() => variablesOf(example)).not.toThrow();
    expect(new Set(operations).size).toBe(graphiqlExamples.length);
    expect(operations).not.toContain(undefined);
  });

  it.each(graphiqlExamples.map((example) => [example.id, example] as const))(
    '%s returns data without errors',
    async (_id, example) => {
      const result = await api.query(example.query, variablesOf(example));
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
      EXPECTED_ON_SEED[id]!(result.data, json);
      EXPECTED_WITH_EXCERPT[id]?.(json);
    },
  );
});
