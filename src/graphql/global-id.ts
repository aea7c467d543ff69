// Global IDs: opaque strings that name a record's type and its UUID, so node(id) can find it.
import { isUuid } from '../db/stable-id.js';
import { InvalidInputError } from '../errors.js';
import { isRecordType, type RecordType } from './record-types.js';

/** A record type: the part of a global ID before the UUID. */
export type NodeType = RecordType;

export function toGlobalId(type: NodeType, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');
}

/** Decodes a global ID of any type; throws BAD_USER_INPUT naming the argument when malformed. */
export function parseGlobalId(id: string, argument: string): { type: NodeType; uuid: string } {
  const decoded = /^[A-Za-z0-9_-]{1,100}$/.test(id)
    ? Buffer.from(id, 'base64url').toString('utf8')
    : '';
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator) as NodeType;
  const uuid = decoded.slice(separator + 1);
  if (separator < 0 || !isRecordType(type) || !isUuid(uuid)) {
    throw new InvalidInputError(argument, `"${truncate(id)}" is not an Armstrail ID`);
  }
  return { type, uuid };
}

/** Decodes a global ID that must be of one type (a Platform ID where a platform is expected). */
export function parseGlobalIdOf(expected: NodeType, id: string, argument: string): string {
  const { type, uuid } = parseGlobalId(id, argument);
  if (type !== expected) {
    throw new InvalidInputError(
      argument,
      `expected ${withArticle(expected)} ID, got ${withArticle(type)} ID`,
    );
  }
  return uuid;
}

function withArticle(type: NodeType): string {
  return /^[AEIOU]/.test(type) ? `an ${type}` : `a ${type}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
