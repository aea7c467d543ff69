// API keys through the API (ADMIN only): create (secret shown once), list without secrets, revoke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { graphql } from './support/graphql/index.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

const CREATE = graphql(`
  mutation ApiKeysCreate($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        role
        prefix
        revokedAt
      }
    }
  }
`);
const REVOKE = graphql(`
  mutation ApiKeysRevoke($key: String!) {
    revokeApiKey(input: { key: $key }) {
      apiKey {
        id
        revokedAt
      }
    }
  }
`);
const LIST = graphql(`
  query ApiKeysList($all: Boolean) {
    apiKeys(includeRevoked: $all) {
      id
      name
      role
      prefix
      revokedAt
    }
  }
`);

let api: TestApi;
let admin: string;
let editor: string;

beforeAll(async () => {
  api = await createTestApi();
  admin = (await createApiKey(api.database.db, { name: 'Admin', role: 'ADMIN' })).key;
  editor = (await createApiKey(api.database.db, { name: 'Editor', role: 'EDITOR' })).key;
});
afterAll(() => api.close());

describe('API keys through the API', () => {
  it('creates a key whose secret authenticates, and lists it without the secret', async () => {
    const created = dataOf(
      await api.query(
        CREATE,
        { input: { name: 'Warehouse sync', role: 'READER' } },
        { apiKey: admin },
      ),
    ).createApiKey;
    expect(created.apiKey).toMatchObject({
      name: 'Warehouse sync',
      role: 'READER',
      revokedAt: null,
    });
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);

    const listed = dataOf(await api.query(LIST, {}, { apiKey: admin })).apiKeys;
    expect(listed.map((k) => k.name)).toEqual(['Warehouse sync', 'Editor', 'Admin']);
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    // The new key identifies its holder at once.
    const asReader = await api.query(
      '{ deals(first: 1) { totalCount } }',
      {},
      { apiKey: created.secret },
    );
    expect(asReader.errors).toBeUndefined();

    const revoked = dataOf(
      await api.query(REVOKE, { key: created.apiKey.prefix }, { apiKey: admin }),
    ).revokeApiKey.apiKey;
    expect(revoked.id).toBe(created.apiKey.id);
    expect(revoked.revokedAt).not.toBeNull();
    const afterRevoke = dataOf(await api.query(LIST, {}, { apiKey: admin })).apiKeys;
    expect(afterRevoke.map((k) => k.id)).not.toContain(created.apiKey.id);
    const all = dataOf(await api.query(LIST, { all: true }, { apiKey: admin })).apiKeys;
    expect(all.map((k) => k.id)).toContain(created.apiKey.id);

    const again = await api.query(REVOKE, { key: created.apiKey.id }, { apiKey: admin });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is for admins only', async () => {
    for (const apiKey of [editor, undefined]) {
      for (const request of [
        () => api.query(LIST, {}, { apiKey }),
        () => api.query(CREATE, { input: { name: 'Sneaky', role: 'ADMIN' } }, { apiKey }),
        () => api.query(REVOKE, { key: 'arm_xxxxxx' }, { apiKey }),
      ]) {
        const result = await request();
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a nameless key and a key revoking itself, with the argument named', async () => {
    const nameless = await api.query(
      CREATE,
      { input: { name: '  ', role: 'EDITOR' } },
      { apiKey: admin },
    );
    expect(nameless.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nameless.errors?.[0]?.message).toContain('name');

    const own = dataOf(await api.query(LIST, {}, { apiKey: admin })).apiKeys.find(
      (k) => k.name === 'Admin',
    )!;
    const self = await api.query(REVOKE, { key: own.id }, { apiKey: admin });
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.message).toContain('cannot revoke itself');
  });
});
