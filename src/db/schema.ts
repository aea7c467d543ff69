// Database contract: every table, enum and index. Row types are inferred from here.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  jsonb,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

// Enum values are the GraphQL enum values, so rows pass through resolvers unchanged.
export const actorKind = pgEnum('actor_kind', [
  'STATE',
  'NON_STATE_ARMED_GROUP',
  'INTERNATIONAL_ORGANIZATION',
  'COMPANY',
  'UNKNOWN',
]);
export const weaponCategory = pgEnum('weapon_category', [
  'AIRCRAFT',
  'AIR_DEFENCE_SYSTEMS',
  'ANTI_SUBMARINE_WARFARE_WEAPONS',
  'ARMOURED_VEHICLES',
  'ARTILLERY',
  'ENGINES',
  'MISSILES',
  'NAVAL_WEAPONS',
  'SATELLITES',
  'SENSORS',
  'SHIPS',
  'OTHER',
]);
export const unrocaCategory = pgEnum('unroca_category', [
  'I_BATTLE_TANKS',
  'II_ARMOURED_COMBAT_VEHICLES',
  'III_LARGE_CALIBRE_ARTILLERY_SYSTEMS',
  'IV_COMBAT_AIRCRAFT',
  'V_ATTACK_HELICOPTERS',
  'VI_WARSHIPS',
  'VII_MISSILES_AND_MISSILE_LAUNCHERS',
]);
export const dealStage = pgEnum('deal_stage', [
  'REPORTED_INTEREST',
  'NEGOTIATING',
  'SELECTED',
  'ORDERED',
  'DELIVERING',
  'DELIVERED',
  'CANCELLED',
  'STALLED',
]);
export const dealArrangement = pgEnum('deal_arrangement', [
  'SALE',
  'AID',
  'LEASE',
  'LICENSED_PRODUCTION',
  'UNKNOWN',
]);
export const itemCondition = pgEnum('item_condition', [
  'NEW',
  'SECOND_HAND',
  'SECOND_HAND_MODERNIZED',
]);
export const dealEventType = pgEnum('deal_event_type', [
  'REPORTED_INTEREST',
  'VISIT',
  'NEGOTIATION',
  'SELECTION',
  'CONTRACT_SIGNED',
  'DELIVERY',
  'CANCELLATION',
  'OTHER',
]);
export const sourceKind = pgEnum('source_kind', [
  'NEWS',
  'GOVERNMENT',
  'INDUSTRY',
  'NGO',
  'DATASET',
  'OTHER',
]);
export const citationStance = pgEnum('citation_stance', ['ASSERTS', 'DISPUTES', 'SPECULATES']);

// READER keys only identify a client (for its own rate limit); EDITOR writes; ADMIN also
// deletes and merges.
export const apiKeyRole = pgEnum('api_key_role', ['READER', 'EDITOR', 'ADMIN']);
export const revisionAction = pgEnum('revision_action', [
  'CREATE',
  'UPDATE',
  'DELETE',
  'MERGE',
  'RETIRE',
]);
/** What a SIPRI export covers: the whole register, or the recipients it holds (an excerpt). */
export const sipriReleaseScope = pgEnum('sipri_release_scope', ['FULL_REGISTER', 'EXCERPT']);
/** How a row of a release was tied to its deal (src/import/sipri-release-matching.ts). */
export const sipriMatch = pgEnum('sipri_match', [
  'SAME_KEY',
  'RESPELLED',
  'RENAMED',
  'CORRECTED',
  'NEW_DEAL',
]);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
};

/**
 * Columns of every editable record: timestamps, a version that each update increments (so
 * that an update based on an older version can be refused instead of overwriting), and a
 * deletion time.
 */
const editable = {
  ...timestamps,
  version: integer('version').notNull().default(1),
  /** Set when the record is deleted: it stays as a tombstone for history and the feed. */
  deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
};

/** PostgreSQL's 64-bit transaction ID; text on the wire, compared in SQL only. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

const datePart = (column: string) => smallint(column);
const flag = (column: string) => boolean(column).notNull().default(false);
const count = (column: string) => integer(column);

/**
 * A fuzzy date stored as year / month / day parts plus an uncertainty flag; the precision
 * is whichever part is the last one present, so it cannot disagree with the parts.
 */
function fuzzyDateColumns<K extends string>(key: K, column: string) {
  return {
    [`${key}Year`]: datePart(`${column}_year`),
    [`${key}Month`]: datePart(`${column}_month`),
    [`${key}Day`]: datePart(`${column}_day`),
    [`${key}Uncertain`]: flag(`${column}_uncertain`),
  } as Record<`${K}Year` | `${K}Month` | `${K}Day`, ReturnType<typeof datePart>> &
    Record<`${K}Uncertain`, ReturnType<typeof flag>>;
}

function fuzzyDateChecks(prefix: string) {
  return sql.raw(
    `(${prefix}_month is null or (${prefix}_year is not null and ${prefix}_month between 1 and 12)) and ` +
      `(${prefix}_day is null or (${prefix}_month is not null and ${prefix}_day between 1 and 31))`,
  );
}

/** An estimate: value with an optional low–high range; null means unknown, never zero. */
function estimateColumns<K extends string>(key: K, column: string) {
  return {
    [key]: count(column),
    [`${key}Low`]: count(`${column}_low`),
    [`${key}High`]: count(`${column}_high`),
    [`${key}Uncertain`]: flag(`${column}_uncertain`),
  } as Record<K | `${K}Low` | `${K}High`, ReturnType<typeof count>> &
    Record<`${K}Uncertain`, ReturnType<typeof flag>>;
}

function estimateChecks(prefix: string) {
  return sql.raw(
    `(${prefix}_low is null or ${prefix}_high is null or ${prefix}_low <= ${prefix}_high) and ` +
      `(${prefix} is null or ${prefix}_low is null or ${prefix}_low <= ${prefix}) and ` +
      `(${prefix} is null or ${prefix}_high is null or ${prefix} <= ${prefix}_high)`,
  );
}

export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: actorKind('kind').notNull(),
    name: text('name').notNull(),
    isoAlpha2: text('iso_alpha2'),
    isoAlpha3: text('iso_alpha3'),
    isoNumeric: text('iso_numeric'),
    /** Owning organisation (companies) — e.g. Kazan Helicopter Plant → Russian Helicopters. */
    parentId: uuid('parent_id').references((): AnyPgColumn => actors.id),
    /** Home country of a company, host country of a non-state group. */
    countryId: uuid('country_id').references((): AnyPgColumn => actors.id),
    /** Years a historical state existed (Soviet Union: 1922–1991). */
    existedFrom: smallint('existed_from'),
    existedUntil: smallint('existed_until'),
    description: text('description'),
    /** Set when merged into another actor: this one is a tombstone whose ID leads there. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => actors.id),
    ...editable,
  },
  (t) => [
    uniqueIndex('actors_iso_alpha2_key').on(t.isoAlpha2),
    uniqueIndex('actors_iso_alpha3_key').on(t.isoAlpha3),
    index('actors_name_idx').on(sql`lower(${t.name})`, t.id),
    index('actors_kind_idx').on(t.kind),
    index('actors_parent_id_idx').on(t.parentId),
    index('actors_country_id_idx').on(t.countryId),
    check('actors_iso_alpha2_format', sql`${t.isoAlpha2} ~ '^[A-Z]{2}$'`),
    check('actors_iso_alpha3_format', sql`${t.isoAlpha3} ~ '^[A-Z]{3}$'`),
    check('actors_iso_numeric_format', sql`${t.isoNumeric} ~ '^[0-9]{3}$'`),
  ],
);

export const actorAliases = pgTable(
  'actor_aliases',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    /** BCP 47 tag of the alias's language or script, when known. */
    language: text('language'),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.alias] }),
    index('actor_aliases_alias_idx').on(sql`lower(${t.alias})`),
  ],
);

export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    designation: text('designation').notNull(),
    /** Parent in the family tree (Mi-171 → Mi-17 → Mi-8). */
    parentId: uuid('parent_id').references((): AnyPgColumn => platforms.id),
    /**
     * Who set the family link: `editor` (updatePlatform, createPlatform, the seed — also when
     * an editor removed the family), `rule:<name>` (src/import/platform-family-rules.ts), or
     * null (never placed). An import places only platforms without an editor's choice.
     */
    familySource: text('family_source'),
    category: weaponCategory('category'),
    unrocaCategory: unrocaCategory('unroca_category'),
    description: text('description'),
    /** Set when merged into another platform: this one is a tombstone whose ID leads there. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => platforms.id),
    ...editable,
  },
  (t) => [
    index('platforms_designation_idx').on(sql`lower(${t.designation})`, t.id),
    index('platforms_parent_id_idx').on(t.parentId),
    index('platforms_category_idx').on(t.category),
    check('platforms_not_own_parent', sql`${t.parentId} is distinct from ${t.id}`),
    check(
      'platforms_family_source',
      sql`${t.familySource} = 'editor' or ${t.familySource} like 'rule:%'`,
    ),
  ],
);

export const platformAliases = pgTable(
  'platform_aliases',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    language: text('language'),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.alias] }),
    index('platform_aliases_alias_idx').on(sql`lower(${t.alias})`),
  ],
);

export const platformProducers = pgTable(
  'platform_producers',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    producerId: uuid('producer_id')
      .notNull()
      .references(() => actors.id),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.producerId] }),
    index('platform_producers_producer_id_idx').on(t.producerId),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => actors.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => actors.id),
    stage: dealStage('stage').notNull(),
    arrangement: dealArrangement('arrangement').notNull().default('UNKNOWN'),
    ...fuzzyDateColumns('order', 'order'),
    /**
     * Sort key for "newest first": yyyymmdd with missing parts as 0; null without an
     * order date. Generated so that it can never disagree with the date parts.
     */
    orderSort: integer('order_sort').generatedAlwaysAs(
      sql`order_year * 10000 + coalesce(order_month, 0) * 100 + coalesce(order_day, 0)`,
    ),
    valueAmount: numeric('value_amount'),
    /** ISO 4217 code of the reported amount; amounts are never converted. */
    valueCurrency: text('value_currency'),
    /** What the reported value covers, as reported ("incl training and armament"). */
    valueCovers: text('value_covers'),
    comments: text('comments'),
    /** Stable natural key of an imported record (e.g. a SIPRI row key); null for edited records. */
    importKey: text('import_key'),
    /** The newest SIPRI release this deal appears in: the release whose values it shows. */
    sipriReleaseId: uuid('sipri_release_id').references((): AnyPgColumn => sipriReleases.id),
    /**
     * Set when the newest release covering this deal no longer contains it: the deal is kept
     * (history, citations, node(id)) but left out of default views.
     */
    retiredAt: timestamp('retired_at', { withTimezone: true, precision: 3 }),
    /** The release that dropped it. */
    retiredByReleaseId: uuid('retired_by_release_id').references(
      (): AnyPgColumn => sipriReleases.id,
    ),
    ...editable,
  },
  (t) => [
    index('deals_supplier_order_idx').on(t.supplierId, t.orderSort.desc().nullsLast(), t.id.desc()),
    index('deals_recipient_order_idx').on(
      t.recipientId,
      t.orderSort.desc().nullsLast(),
      t.id.desc(),
    ),
    index('deals_order_idx').on(t.orderSort.desc().nullsLast(), t.id.desc()),
    index('deals_stage_idx').on(t.stage),
    index('deals_arrangement_idx').on(t.arrangement),
    index('deals_order_year_idx').on(t.orderYear),
    index('deals_updated_at_idx').on(t.updatedAt, t.id),
    uniqueIndex('deals_import_key_key').on(t.importKey),
    check('deals_order_date_parts', fuzzyDateChecks('order')),
    check('deals_value_currency_format', sql`${t.valueCurrency} ~ '^[A-Z]{3}$'`),
    check(
      'deals_retired_by_release',
      sql`(${t.retiredAt} is null) = (${t.retiredByReleaseId} is null)`,
    ),
  ],
);

export const dealItems = pgTable(
  'deal_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    /** Order of the item within its deal, from 0. */
    position: smallint('position').notNull().default(0),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    ...estimateColumns('quantityOrdered', 'quantity_ordered'),
    ...estimateColumns('quantityDelivered', 'quantity_delivered'),
    deliveryYears: smallint('delivery_years')
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    condition: itemCondition('condition'),
    /** SIPRI trend-indicator values, in millions, exact as published. */
    tivPerUnit: numeric('tiv_per_unit'),
    tivTotalOrder: numeric('tiv_total_order'),
    tivDelivered: numeric('tiv_delivered'),
    /** What the source says about the variant or configuration ("Mi-171Sh armed version"). */
    note: text('note'),
    /**
     * How the source describes the item in this record ("transport helicopter"), verbatim.
     * SIPRI rewords it between releases and per row for one designation (APC vs IFV), so
     * the platform's own description cannot hold it without losing facts.
     */
    description: text('description'),
    /**
     * The variant the source's comment names ("Mi-171Sh armed version" on a SIPRI "Mi-17" row)
     * when it is a platform of this database below the item's platform in its family tree; the
     * item's platform stays the source's designation. Derived for SIPRI items by
     * src/import/platform-variants.ts (no revision: a derived link, like a rule's family link).
     */
    variantPlatformId: uuid('variant_platform_id').references(() => platforms.id),
    /**
     * The deal's order_sort, copied by triggers (migration 0008) on every insert and on every
     * change of the deal's order date, whatever writes it: no code sets it. A platform's deals
     * come through its items, and with the deals' order beside the platform in one index a
     * page of them reads its few rows in order, instead of every deal of the platform (a
     * thousand for a page of Q3's 35 platforms) to keep five of each.
     */
    dealOrderSort: integer('deal_order_sort'),
  },
  (t) => [
    uniqueIndex('deal_items_deal_position_key').on(t.dealId, t.position),
    // As the deal order indexes are (deals_order_idx): `deal_id` holds the ties' order.
    index('deal_items_platform_order_idx').on(
      t.platformId,
      t.dealOrderSort.desc().nullsLast(),
      t.dealId.desc(),
    ),
    index('deal_items_variant_order_idx')
      .on(t.variantPlatformId, t.dealOrderSort.desc().nullsLast(), t.dealId.desc())
      .where(sql`${t.variantPlatformId} is not null`),
    index('deal_items_delivery_years_idx').using('gin', t.deliveryYears),
    check('deal_items_quantity_ordered_range', estimateChecks('quantity_ordered')),
    check('deal_items_quantity_delivered_range', estimateChecks('quantity_delivered')),
  ],
);

export const dealEvents = pgTable(
  'deal_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    type: dealEventType('type').notNull(),
    ...fuzzyDateColumns('date', 'date'),
    place: text('place'),
    description: text('description'),
    ...editable,
  },
  (t) => [
    index('deal_events_deal_id_idx').on(t.dealId, t.dateYear, t.dateMonth, t.dateDay),
    check('deal_events_date_parts', fuzzyDateChecks('date')),
  ],
);

export const dealEventActors = pgTable(
  'deal_event_actors',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => dealEvents.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.actorId] }),
    index('deal_event_actors_actor_id_idx').on(t.actorId),
  ],
);

export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: sourceKind('kind').notNull(),
    title: text('title'),
    publisher: text('publisher'),
    url: text('url'),
    archivedUrl: text('archived_url'),
    ...fuzzyDateColumns('published', 'published'),
    accessedOn: date('accessed_on'),
    /** BCP 47 language tag of the document (fr, ru, en). */
    language: text('language'),
    /** Provenance notes, e.g. where a republished article first appeared. */
    note: text('note'),
    ...editable,
  },
  (t) => [
    uniqueIndex('sources_url_key').on(t.url),
    index('sources_kind_idx').on(t.kind),
    index('sources_language_idx').on(t.language),
    check('sources_published_date_parts', fuzzyDateChecks('published')),
  ],
);

export const citations = pgTable(
  'citations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    // Exactly one target: separate foreign keys keep referential integrity, which a
    // polymorphic (type, id) pair would give up.
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => dealEvents.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id').references(() => platforms.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
    /**
     * Set on a citation of a platform when what the source supports is that this actor
     * produces it (a platform_producers link): the link's own citation.
     */
    producerId: uuid('producer_id').references(() => actors.id),
    /** Excerpt in the source's own language. */
    excerpt: text('excerpt'),
    /** English translation of the excerpt. */
    translation: text('translation'),
    /** Where in the source: page, paragraph, row. */
    locator: text('locator'),
    stance: citationStance('stance').notNull().default('ASSERTS'),
    ...timestamps,
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('citations_source_id_idx').on(t.sourceId),
    index('citations_deal_id_idx')
      .on(t.dealId)
      .where(sql`${t.dealId} is not null`),
    index('citations_event_id_idx')
      .on(t.eventId)
      .where(sql`${t.eventId} is not null`),
    index('citations_platform_id_idx')
      .on(t.platformId)
      .where(sql`${t.platformId} is not null`),
    index('citations_actor_id_idx')
      .on(t.actorId)
      .where(sql`${t.actorId} is not null`),
    check(
      'citations_one_target',
      sql`num_nonnulls(${t.dealId}, ${t.eventId}, ${t.platformId}, ${t.actorId}) = 1`,
    ),
    check(
      'citations_producer_of_platform',
      sql`${t.producerId} is null or ${t.platformId} is not null`,
    ),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who holds the key; shown as the author of every change made with it. */
    name: text('name').notNull(),
    role: apiKeyRole('role').notNull(),
    /** SHA-256 of the key: the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, so that an admin can tell keys apart in lists. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: timestamps.createdAt,
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash)],
);

/**
 * One row per change to one record, written in the same transaction as the change: the
 * record's history and, in transaction order, the change feed.
 */
export const revisions = pgTable(
  'revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /**
     * The writing transaction. The feed only serves transactions older than every running
     * one, so a slow transaction can never commit behind a reader's cursor.
     */
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    action: revisionAction('action').notNull(),
    authorKeyId: uuid('author_key_id').references(() => apiKeys.id),
    /** The key's name, or the importer's ("SIPRI import"), as it was at the time. */
    authorName: text('author_name').notNull(),
    reason: text('reason'),
    /** Changed fields: { field: { from, to } }; on CREATE every field set, from null. */
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    /** Sources cited for this change. */
    sourceIds: uuid('source_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** For MERGE: the record this one was merged into. */
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index('revisions_record_idx').on(t.recordId, t.id),
    index('revisions_feed_idx').on(t.txId, t.id),
  ],
);

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * One searchable document per deal, platform, actor and source, rebuilt by
 * modules/search/search.service.ts whenever its record or anything it shows changes.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    recordId: uuid('record_id').primaryKey(),
    /** Deal, Platform, Actor or Source. */
    recordType: text('record_type').notNull(),
    /**
     * Names, designations, aliases and codes in compact form (armstrail_compact: letters and
     * digits, lower case, no accents), space-separated and space-framed, for trigram matching.
     */
    names: text('names').notNull(),
    /** Readable text that snippets are cut from, accents and all. */
    body: text('body').notNull(),
    /** Words, stemmed per language (excerpts in their source's language), weighted A–C. */
    tsv: tsvector('tsv').notNull(),
  },
  (t) => [
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_names_idx').using('gin', t.names.op('gin_trgm_ops')),
    index('search_documents_type_idx').on(t.recordType),
  ],
);

/**
 * One imported SIPRI export. An export is identified by its content (a SHA-256 of the
 * decoded preamble and records), so importing the same file again is recognised, whatever
 * its name or encoding; releases are ordered by SIPRI's generation date.
 */
export const sipriReleases = pgTable(
  'sipri_releases',
  {
    id: uuid('id').primaryKey(),
    /** The DATASET source every deal of this release cites. */
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    /** SIPRI's "Data generated:" date; orders releases (the newest one shows). */
    generatedOn: date('generated_on').notNull(),
    /** The preamble's generation text, verbatim ("18 May 2026 2:29:20 PM"). */
    generatedText: text('generated_text').notNull(),
    fileName: text('file_name').notNull(),
    /** Null for releases imported before rows were kept (migration 0004). */
    contentSha256: text('content_sha256'),
    rowCount: integer('row_count').notNull(),
    scope: sipriReleaseScope('scope').notNull(),
    /** For an EXCERPT, the recipients it speaks for: it never retires anyone else's deals. */
    recipientIds: uuid('recipient_ids').array(),
    /** Rows per kind of match, and retirements, as the import summary counted them. */
    matchCounts: jsonb('match_counts').$type<Record<string, number>>().notNull().default({}),
    importedAt: timestamp('imported_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('sipri_releases_content_sha256_key').on(t.contentSha256),
    index('sipri_releases_generated_on_idx').on(t.generatedOn),
  ],
);

/**
 * Every row of every imported release, losslessly (its 16 raw fields and its line), with the
 * values the importer derived from it and the deal it was matched to. A release's view
 * (`deals(filter: { release })`, `transferVolumes`) and release diffs read from here.
 */
export const sipriRows = pgTable(
  'sipri_rows',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => sipriReleases.id, { onDelete: 'cascade' }),
    /** Physical line where the record starts in the file. */
    line: integer('line').notNull(),
    /** The 16 fields exactly as read (after decoding), in SIPRI's column order. */
    fields: text('fields').array().notNull(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id),
    match: sipriMatch('match').notNull(),
    /** Why a match other than SAME_KEY was made, for the researcher reviewing it. */
    matchNote: text('match_note'),
    supplierId: uuid('supplier_id').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    stage: dealStage('stage').notNull(),
    arrangement: dealArrangement('arrangement').notNull(),
    orderYear: smallint('order_year').notNull(),
    orderUncertain: flag('order_uncertain'),
    comments: text('comments'),
    platformId: uuid('platform_id').notNull(),
    quantityOrdered: count('quantity_ordered'),
    quantityOrderedUncertain: flag('quantity_ordered_uncertain'),
    quantityDelivered: count('quantity_delivered'),
    quantityDeliveredUncertain: flag('quantity_delivered_uncertain'),
    deliveryYears: smallint('delivery_years').array().notNull(),
    condition: itemCondition('condition'),
    tivPerUnit: numeric('tiv_per_unit'),
    tivTotalOrder: numeric('tiv_total_order'),
    tivDelivered: numeric('tiv_delivered'),
    note: text('note'),
    description: text('description'),
    /** The variant its comment names, derived as for deal_items (platform-variants.ts). */
    variantPlatformId: uuid('variant_platform_id'),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.line] }),
    uniqueIndex('sipri_rows_release_deal_key').on(t.releaseId, t.dealId),
    index('sipri_rows_deal_id_idx').on(t.dealId),
  ],
);

/**
 * The seed (src/seed/) this database received, and when. The seed is written into a new,
 * empty database only: its row here is claimed in the seed's own transaction, so of several
 * instances starting at once exactly one seeds, and no later start rewrites seeded records.
 */
export const appliedSeeds = pgTable('applied_seeds', {
  name: text('name').primaryKey(),
  /** Which contents of that seed were written (src/seed/apply-seed.ts says what each holds). */
  version: integer('version').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * The data version: how many writing transactions have committed, summed over the slots. A
 * statement-level trigger on every other table (migration 0007) adds 1 to one slot per writing
 * transaction, so the sum changes exactly when a write commits, in every process at once; the
 * response cache (src/graphql/response-cache) keys answers by it. Why slots rather than one
 * row: see the migration.
 */
export const dataVersion = pgTable('data_version', {
  slot: smallint('slot').primaryKey(),
  commits: bigint('commits', { mode: 'number' }).notNull().default(0),
});

export type ActorRow = typeof actors.$inferSelect;
export type PlatformRow = typeof platforms.$inferSelect;
export type DealRow = typeof deals.$inferSelect;
export type DealItemRow = typeof dealItems.$inferSelect;
export type DealEventRow = typeof dealEvents.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type CitationRow = typeof citations.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
export type AppliedSeedRow = typeof appliedSeeds.$inferSelect;
export type SipriReleaseRow = typeof sipriReleases.$inferSelect;
export type SipriRowRow = typeof sipriRows.$inferSelect;
