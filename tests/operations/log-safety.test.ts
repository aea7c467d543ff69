// Error logs stay bounded and hold no request parameters and no API-key hashes, however large
// the request or however the database fails.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeError } from '../../src/logger.js';
import { createApiKey } from '../../src/modules/auth/api-keys.service.js';
import { postGraphQL } from '../support/real-server.js';
import { createTestApi, type TestApi } from '../support/test-api.js';
import { testDatabaseKind } from '../support/test-database.js';

const MAX_LOG_LINE = 8 * 1024;

describe('the error serializer', () => {
  it('keeps a failed query, cut short, and never its parameters', () => {
    const secret = 'x'.repeat(3_000_000);
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      detail: `value ${secret}`,
    });
    const error = new DrizzleQueryError(`select * from deals where comments = $1`, [secret], cause);
    const line = JSON.stringify(serializeError(error));
    expect(line.length).toBeLessThan(MAX_LOG_LINE);
    expect(line).not.toContain('xxxxxxxxxx');
    expect(line).toContain('select * from deals where comments = $1');
    expect(line).toContain('22021');
  });
});

describe(`error logs from real failures (${testDatabaseKind})`, () => {
  let api: TestApi;
  let url: string;
  beforeAll(async () => {
    api = await createTestApi();
    url = await api.listen();
  });
  afterAll(() => api.close());

  const errorLines = () =>
    api.logs.filter((l) => (l.level as number) >= 50).map((l) => JSON.stringify(l));

  it('logs no API-key hash when the key lookup fails', async () => {
    const { key } = await createApiKey(api.database.db, { name: 'Logged?', role: 'EDITOR' });
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    await api.database.db.execute(sql`alter table api_keys rename to api_keys_away`);
    try {
      const answer = await postGraphQL(
        url,
        { query: '{ deals { totalCount } }' },
        {
          authorization: `Bearer ${key}`,
        },
      );
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await api.database.db.execute(sql`alter table api_keys_away rename to api_keys`);
    }
    const lines = errorLines();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(hash);
      expect(line).not.toContain(key);
    }
  });

  it('writes a bounded line without the request text when a large request fails', async () => {
    const before = api.logs.length;
    const text = `needle${'a'.repeat(9_000)}`;
    await api.database.db.execute(sql`alter table actors rename to actors_away`);
    try {
      const answer = await postGraphQL(url, {
        query: 'query($q: String!) { actors(filter: { name: $q }) { nodes { name } } }',
        variables: { q: text },
      });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await api.database.db.execute(sql`alter table actors_away rename to actors`);
    }
    const lines = api.logs.slice(before).map((l) => JSON.stringify(l));
    expect(lines.some((l) => l.includes('"level":50'))).toBe(true);
    for (const line of lines) {
      expect(line.length).toBeLessThan(MAX_LOG_LINE);
      expect(line).not.toContain('needleaaaa');
    }
  });
});
