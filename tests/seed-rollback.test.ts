// The seed and its record are all or nothing: a seed that fails halfway leaves the database
// empty and unmarked, so the next start seeds it whole.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/bootstrap.js';
import { count } from './import/support.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('a seed that fails halfway', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    // The SIPRI excerpt, the seed's second half, fails once it starts writing (after the Kazan
    // record was written): a trigger on the table its release goes to, so the failure is the
    // database's own, inside the seed's transaction.
    await t.db.execute(sql`
      create function fail_excerpt() returns trigger language plpgsql as $$
      begin raise exception 'the excerpt could not be read'; end $$`);
    await t.db.execute(sql`
      create trigger fail_excerpt before insert on sipri_releases
      for each row execute function fail_excerpt()`);
  });
  afterAll(() => t.close());

  it('writes nothing, not even its record', async () => {
    // Drizzle names the failed statement; the database's error is its cause.
    await expect(prepareDatabase(t)).rejects.toMatchObject({
      cause: { message: 'the excerpt could not be read' },
    });
    expect(await count(t.db, 'applied_seeds')).toBe(0);
    expect(await count(t.db, 'deals')).toBe(0);
    expect(await count(t.db, 'actors')).toBe(0);
  });

  it('is applied whole at the next start', async () => {
    await t.db.execute(sql`drop trigger fail_excerpt on sipri_releases`);
    expect(await prepareDatabase(t)).toMatchObject({ applied: true });
    expect(await count(t.db, 'deals')).toBe(403);
  });
});
