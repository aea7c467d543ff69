// What each Platform field reads of its row: an item's platform and variant are loaded with
// those columns only (src/graphql/selected-columns.ts). tests/relation-columns.test.ts checks
// each field, alone, against the same record read whole.
import { getTableColumns } from 'drizzle-orm';
import { platforms, type PlatformRow } from '../../db/schema.js';
import type { Platform } from '../../graphql/generated/resolvers-types.js';
import { columnSelector } from '../../graphql/selected-columns.js';

export type PlatformKey = keyof PlatformRow;

/** Besides `id` (always selected). Typed by the schema's Platform type: every field is listed. */
const PLATFORM_FIELD_COLUMNS: Record<
  Exclude<keyof Platform, '__typename'>,
  readonly PlatformKey[]
> = {
  id: [],
  version: ['version'],
  history: [],
  designation: ['designation'],
  category: ['category'],
  unrocaCategory: ['unrocaCategory'],
  description: ['description'],
  aliases: [],
  family: ['parentId'],
  familySource: ['familySource'],
  variants: [],
  producers: [],
  deals: [],
  citations: [],
};

const ALL_PLATFORM_KEYS = Object.keys(getTableColumns(platforms)) as PlatformKey[];

/** The platform columns an item's `platform { … }` or `variant { … }` selection needs. */
export const platformColumnsSelected = columnSelector(
  PLATFORM_FIELD_COLUMNS,
  ['id'],
  ALL_PLATFORM_KEYS,
);
