// API keys: creation (shown once), hashing, lookup of a request's key, listing and revocation.
import { createHash, randomBytes } from 'node:crypto';
import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { columnSelection } from '../../db/raw-rows.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import { runStatement, statement } from '../../db/statements.js';
import { InvalidInputError } from '../../errors.js';

export type Role = ApiKeyRow['role'];

/** Who is making a request: anyone (read-only), or the holder of a valid key. */
export type Viewer =
  { kind: 'anonymous' } | { kind: 'key'; keyId: string; name: string; role: Role };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

const KEY_PREFIX = 'arm_';
// The name is shown as the author of every change: a person's or an integration's name.
const MAX_NAME_LENGTH = 200;

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Creates a key; the returned secret is the only copy there will ever be. */
export async function createApiKey(
  db: Db,
  input: { name: string; role: Role },
): Promise<{ key: string; row: ApiKeyRow }> {
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('name', 'a key needs a name: who holds it');
  if (name.length > MAX_NAME_LENGTH) {
    throw new InvalidInputError('name', `at most ${MAX_NAME_LENGTH} characters`);
  }
  // 32 random bytes: guessing is hopeless, so a fast hash is enough to store it safely.
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(apiKeys)
    .values({ name, role: input.role, keyHash: hashKey(key), keyPrefix: key.slice(0, 10) })
    .returning();
  return { key, row: row! };
}

export function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

function byIdOrPrefix(idOrPrefix: string) {
  return /^[0-9a-f-]{36}$/.test(idOrPrefix)
    ? eq(apiKeys.id, idOrPrefix)
    : eq(apiKeys.keyPrefix, idOrPrefix);
}

/** A key by its ID or its shown prefix, revoked or not. */
export async function findApiKey(db: Db, idOrPrefix: string): Promise<ApiKeyRow | null> {
  const [row] = await db.select().from(apiKeys).where(byIdOrPrefix(idOrPrefix)).limit(1);
  return row ?? null;
}

/** Revokes a key by ID or by its shown prefix; returns the revoked key, or null if none matched. */
export async function revokeApiKey(db: Db, idOrPrefix: string): Promise<ApiKeyRow | null> {
  const match = byIdOrPrefix(idOrPrefix);
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(sql`${match} and ${isNull(apiKeys.revokedAt)}`)
    .returning();
  return row ?? null;
}

const viewerColumns = columnSelection(apiKeys, ['id', 'name', 'role', 'revokedAt']);

// Every request with a key runs this first: a named statement, planned once per connection.
const keyByHash = statement<{ hash: string }>(
  ({ hash }) =>
    sql`select ${viewerColumns.list} from ${apiKeys} where ${apiKeys.keyHash} = ${hash} limit 1`,
  ['hash'],
);

/**
 * The viewer a key stands for, or null when no key has its hash or the key is revoked. Its
 * format is not checked first: every key, malformed or not, costs one hash and one indexed
 * lookup, so the answer's timing does not tell whether a key exists.
 */
export async function viewerForKey(db: Db, key: string): Promise<Viewer | null> {
  const [raw] = await runStatement(db, keyByHash, { hash: hashKey(key) });
  const row = raw && viewerColumns.toRow(raw);
  if (!row || row.revokedAt !== null) return null;
  return { kind: 'key', keyId: row.id, name: row.name, role: row.role };
}
