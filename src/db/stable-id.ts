// Deterministic record IDs: the same natural key gives the same UUID in every database.
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID as PostgreSQL prints it (lower case, with hyphens). */
export const isUuid = (text: string): boolean => UUID.test(text);

// Armstrail's own UUID namespace (a random v4, fixed forever).
const NAMESPACE = Buffer.from('6f1c2a4e8b3d4f0a9c7e5d2b1a0f3e4c', 'hex');

/**
 * A name-based UUID (RFC 9562 version 5) for a natural key such as `actor:state:RUS`.
 * Seeds and importers use it so that IDs stay stable across re-imports and databases.
 */
export function stableUuid(naturalKey: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(naturalKey, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Natural keys shared by the seed and the importers, so both find the same records. */
export const naturalKeys = {
  state: (isoAlpha3: string) => `actor:state:${isoAlpha3}`,
  actor: (name: string) => `actor:name:${name.toLowerCase()}`,
  platform: (designation: string) => `platform:${designation.toLowerCase()}`,
  source: (url: string) => `source:${url}`,
};
