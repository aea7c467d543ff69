// What each Actor field reads of its row: a deal's parties are loaded with those columns only
// (src/graphql/selected-columns.ts). tests/relation-columns.test.ts checks each field, alone,
// against the same record read whole.
import { getTableColumns } from 'drizzle-orm';
import { actors, type ActorRow } from '../../db/schema.js';
import type { Actor } from '../../graphql/generated/resolvers-types.js';
import { columnSelector } from '../../graphql/selected-columns.js';

export type ActorKey = keyof ActorRow;

/** Besides `id` (always selected). Typed by the schema's Actor type: every field is listed. */
const ACTOR_FIELD_COLUMNS: Record<Exclude<keyof Actor, '__typename'>, readonly ActorKey[]> = {
  id: [],
  version: ['version'],
  history: [],
  kind: ['kind'],
  name: ['name'],
  isoAlpha2: ['isoAlpha2'],
  isoAlpha3: ['isoAlpha3'],
  isoNumeric: ['isoNumeric'],
  aliases: [],
  parent: ['parentId'],
  subsidiaries: [],
  country: ['countryId'],
  existedFrom: ['existedFrom'],
  existedUntil: ['existedUntil'],
  description: ['description'],
  produces: [],
  dealsAsSupplier: [],
  dealsAsRecipient: [],
  citations: [],
};

const ALL_ACTOR_KEYS = Object.keys(getTableColumns(actors)) as ActorKey[];

/** The actor columns a party's selection (`supplier { … }`) needs. */
export const actorColumnsSelected = columnSelector(ACTOR_FIELD_COLUMNS, ['id'], ALL_ACTOR_KEYS);
