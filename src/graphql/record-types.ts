// The API's record types in one list: the table each lives in, its by-ID loader, the citations
// column that points at it, whether it has a history, how search names it and what its search
// document is rebuilt under. Global IDs, node(id), deleteRecord, citations, search, history and
// the schema guard read this list, so a new record type is added here once.
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  actors,
  citations,
  dealEvents,
  dealItems,
  deals,
  platforms,
  sipriReleases,
  sources,
} from '../db/schema.js';
import type { SearchScope } from '../modules/search/search.service.js';
import type { RecordType as FeedName, SearchType } from './generated/resolvers-types.js';

interface RecordTypeInfo {
  table: PgTable;
  /** What messages call it: "The event does not exist or was deleted". */
  noun: string;
  /** The key of its by-ID loader in ctx.loaders (context.ts checks that it exists). */
  loader: string;
  /** The column of `citations` that cites a record of this type; absent when it cannot be cited. */
  citedBy?: 'dealId' | 'eventId' | 'platformId' | 'actorId';
  /** Whether it has `history` (revisions of its own). */
  history: boolean;
  /** Its name in `search(types:)`, when it has a search document. */
  search?: SearchType;
  /** Its key in refreshSearchDocuments' scope, when it has a search document. */
  searchScope?: keyof SearchScope;
  /** Whether `deleteRecord` takes it (the deleter is node.resolvers.ts's, checked against this). */
  deletable: boolean;
  /**
   * Its name in `changes(types:)`, when every write of it is in the change feed (its snapshot
   * is modules/revisions/snapshots.ts's, checked against this).
   */
  feed?: FeedName;
}

export const RECORD_TYPES = {
  Actor: {
    table: actors,
    noun: 'actor',
    loader: 'actorById',
    citedBy: 'actorId',
    history: true,
    search: 'ACTOR',
    searchScope: 'actors',
    deletable: true,
    feed: 'ACTOR',
  },
  Platform: {
    table: platforms,
    noun: 'platform',
    loader: 'platformById',
    citedBy: 'platformId',
    history: true,
    search: 'PLATFORM',
    searchScope: 'platforms',
    deletable: true,
    feed: 'PLATFORM',
  },
  Deal: {
    table: deals,
    noun: 'deal',
    loader: 'dealById',
    citedBy: 'dealId',
    history: true,
    search: 'DEAL',
    searchScope: 'deals',
    deletable: true,
    feed: 'DEAL',
  },
  // Items are written and deleted with their deal (updateDeal replaces them), never alone.
  DealItem: {
    table: dealItems,
    noun: 'deal item',
    loader: 'dealItemById',
    history: false,
    deletable: false,
  },
  DealEvent: {
    table: dealEvents,
    noun: 'event',
    loader: 'dealEventById',
    citedBy: 'eventId',
    history: true,
    deletable: true,
    feed: 'DEAL_EVENT',
  },
  Source: {
    table: sources,
    noun: 'source',
    loader: 'sourceById',
    history: true,
    search: 'SOURCE',
    searchScope: 'sources',
    deletable: true,
    feed: 'SOURCE',
  },
  Citation: {
    table: citations,
    noun: 'citation',
    loader: 'citationById',
    history: false,
    deletable: true,
    feed: 'CITATION',
  },
  // Written by imports only (src/import): releases are never edited, cited or deleted.
  SipriRelease: {
    table: sipriReleases,
    noun: 'SIPRI release',
    loader: 'sipriReleaseById',
    history: false,
    deletable: false,
  },
} as const satisfies Record<string, RecordTypeInfo>;

export type RecordType = keyof typeof RECORD_TYPES;

type TypesWhere<P> = {
  [T in RecordType]: (typeof RECORD_TYPES)[T] extends P ? T : never;
}[RecordType];

export type CitableType = TypesWhere<{ citedBy: string }>;
export type DeletableType = TypesWhere<{ deletable: true }>;
export type SearchableType = TypesWhere<{ search: string }>;
export type HistoryType = TypesWhere<{ history: true }>;
export type FeedType = TypesWhere<{ feed: string }>;

export const RECORD_TYPE_NAMES = Object.keys(RECORD_TYPES) as RecordType[];

function typesWhere<T extends RecordType>(test: (info: RecordTypeInfo) => boolean): T[] {
  return RECORD_TYPE_NAMES.filter((type) => test(RECORD_TYPES[type])) as T[];
}

export const CITABLE_TYPES = typesWhere<CitableType>((info) => info.citedBy !== undefined);
export const DELETABLE_TYPES = typesWhere<DeletableType>((info) => info.deletable);
export const HISTORY_TYPES = typesWhere<HistoryType>((info) => info.history);
export const FEED_TYPES = typesWhere<FeedType>((info) => info.feed !== undefined);

/** The record type `changes(types:)` means by each RecordType. */
export const FEED_TYPE_NAMES = Object.fromEntries(
  FEED_TYPES.map((type) => [(RECORD_TYPES[type] as RecordTypeInfo).feed, type]),
) as Record<FeedName, FeedType>;

/** The record type `search(types:)` means by each SearchType. */
export const SEARCH_TYPES = Object.fromEntries(
  RECORD_TYPE_NAMES.flatMap((type) => {
    const info: RecordTypeInfo = RECORD_TYPES[type];
    return info.search ? [[info.search, type]] : [];
  }),
) as Record<SearchType, SearchableType>;

/** The citations column for a citable type. */
export function citedByColumn(type: CitableType): (typeof RECORD_TYPES)[CitableType]['citedBy'] {
  return RECORD_TYPES[type].citedBy;
}

export function isRecordType(name: string): name is RecordType {
  return Object.hasOwn(RECORD_TYPES, name);
}
