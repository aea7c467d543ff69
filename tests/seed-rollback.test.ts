// The seed and its record are all or nothing: a seed that fails halfway leaves the database
// empty and unmarked, so the next start seeds it whole.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareDatabase } from '../src/bootstrap.js';
import type * as sipriExcerpt from '../src/seed/sipri-excerpt.js';
import { count } from './import/support.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// The excerpt import fails once (after the Kazan record was written), then works.
vi.mock('../src/seed/sipri-excerpt.js', async (importOriginal) => {
  const original = await importOriginal<typeof sipriExcerpt>();
  return {
    ...original,
    seedSipriExcerpt: vi
      .fn(original.seedSipriExcerpt)
      .mockRejectedValueOnce(new Error('the excerpt could not be read')),
  };
});

describe('a seed that fails halfway', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
  });
  afterAll(() => t.close());

  it('writes nothing, not even its record', async () => {
    await expect(prepareDatabase(t)).rejects.toThrow('the excerpt could not be read');
    expect(await count(t.db, 'applied_seeds')).toBe(0);
    expect(await count(t.db, 'deals')).toBe(0);
    expect(await count(t.db, 'actors')).toBe(0);
  });

  it('is applied whole at the next start', async () => {
    expect(await prepareDatabase(t)).toMatchObject({ applied: true });
    expect(await count(t.db, 'deals')).toBe(403);
  });
});
