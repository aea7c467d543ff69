/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What kind of actor this is. */
export type ActorKind =
  /** A company: a manufacturer, holding or trader. */
  | 'COMPANY'
  /** An international organisation such as the United Nations or NATO (SIPRI marks these with **). */
  | 'INTERNATIONAL_ORGANIZATION'
  /** A rebel group, militia or other armed group that is not a state (SIPRI marks these with *). */
  | 'NON_STATE_ARMED_GROUP'
  /** A sovereign state, current or historical (Soviet Union, Yugoslavia…). */
  | 'STATE'
  /** The supplier or recipient is not known (SIPRI's 'unknown supplier(s)'). */
  | 'UNKNOWN';

/** A citation of a source for a record. */
export type AddCitationInput = {
  /** The source and what it says. */
  citation: CitationInput;
  /** Why the citation is added. */
  reason?: string | null | undefined;
  /** The record cited for: a Deal, DealEvent, Platform or Actor ID. */
  target: string | number;
};

/** A new event in a deal's timeline. */
export type AddDealEventInput = {
  /** The actors involved (Actor IDs). */
  actors?: Array<string | number> | null | undefined;
  /** The sources for the event, at least one. */
  citations: Array<CitationInput>;
  /** When it happened. */
  date?: FuzzyDateInput | null | undefined;
  /** The deal (a Deal ID). */
  deal: string | number;
  /** A short description. */
  description?: string | null | undefined;
  /** Where it happened. */
  place?: string | null | undefined;
  /** Why the event is added (a short sentence). */
  reason: string;
  /** What happened. */
  type: DealEventType;
};

/** Another name for an actor or platform, to record. */
export type AliasInput = {
  /** Its language or script as a BCP 47 tag, when known. */
  language?: string | null | undefined;
  /** The other name. */
  name: string;
};

/** What an API key lets its holder do. */
export type ApiKeyRole =
  /** Everything an editor does, plus deletions, merges and API keys. */
  | 'ADMIN'
  /** Reads, creates and changes records. */
  | 'EDITOR'
  /** Reads, with its own rate limit: identifies an integration. */
  | 'READER';

/** A source cited for a change: an existing source, or a new one to record. */
export type CitationInput = {
  /** The passage cited, in the source's language. */
  excerpt?: string | null | undefined;
  /** Where in the source: page, paragraph, row. */
  locator?: string | null | undefined;
  /** A source to record now. Give this or source. */
  newSource?: SourceInput | null | undefined;
  /** An existing source (a Source ID). Give this or newSource. */
  source?: string | number | null | undefined;
  /** Whether the source asserts, disputes or only speculates. Default ASSERTS. */
  stance?: CitationStance | null | undefined;
  /** An English translation of the excerpt. */
  translation?: string | null | undefined;
};

/** What a source says about the record it is cited for. */
export type CitationStance =
  /** The source states it as fact. */
  | 'ASSERTS'
  /** The source contradicts or denies it. */
  | 'DISPUTES'
  /** The source only suggests or speculates. */
  | 'SPECULATES';

/** A new actor. */
export type CreateActorInput = {
  /** Other names. */
  aliases?: Array<AliasInput> | null | undefined;
  /** Sources for the actor's facts. */
  citations?: Array<CitationInput> | null | undefined;
  /** Home country of a company or host country of a group (an Actor ID). */
  country?: string | number | null | undefined;
  /** A short description. */
  description?: string | null | undefined;
  /** First year of a historical state. */
  existedFrom?: number | null | undefined;
  /** Last year of a historical state. */
  existedUntil?: number | null | undefined;
  /** ISO 3166-1 alpha-3 code (states only); the alpha-2 and numeric codes follow from it. */
  isoAlpha3?: string | null | undefined;
  /** What kind of actor. */
  kind: ActorKind;
  /** The usual English name. */
  name: string;
  /** The owning organisation (an Actor ID). */
  parent?: string | number | null | undefined;
  /** Why it is recorded. */
  reason: string;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** Who holds it (a person or an integration). */
  name: string;
  /** What it allows. */
  role: ApiKeyRole;
};

/** A new deal. */
export type CreateDealInput = {
  /** How the weapons change hands. Default UNKNOWN. */
  arrangement?: DealArrangement | null | undefined;
  /** The sources for the deal, at least one. */
  citations: Array<CitationInput>;
  /** Notes. */
  comments?: string | null | undefined;
  /** The weapon systems, at least one. */
  items: Array<DealItemInput>;
  /** When the order was placed. */
  orderDate?: FuzzyDateInput | null | undefined;
  /** Why the record is added (a short sentence). */
  reason: string;
  /** The recipient (an Actor ID). */
  recipient: string | number;
  /** The value as reported. */
  reportedValue?: ReportedValueInput | null | undefined;
  /** How far the deal has gone. */
  stage: DealStage;
  /** The supplier (an Actor ID). */
  supplier: string | number;
};

/** A new platform. */
export type CreatePlatformInput = {
  /** Other designations and spellings. */
  aliases?: Array<AliasInput> | null | undefined;
  /** SIPRI's weapon category. */
  category?: WeaponCategory | null | undefined;
  /** Sources for the platform's facts. */
  citations?: Array<CitationInput> | null | undefined;
  /** What it is, in a few words. */
  description?: string | null | undefined;
  /** The designation. */
  designation: string;
  /** The platform it is a variant of (a Platform ID). */
  family?: string | number | null | undefined;
  /** Companies that produce it (Actor IDs). */
  producers?: Array<string | number> | null | undefined;
  /** Why it is recorded. */
  reason: string;
  /** The UN Register category. */
  unrocaCategory?: UnrocaCategory | null | undefined;
};

/** A new source document, recorded on its own. */
export type CreateSourceInput = {
  /** Why it is recorded. */
  reason?: string | null | undefined;
  /** The source. */
  source: SourceInput;
};

/** How precise a date is. */
export type DatePrecision =
  /** The exact day is known. */
  | 'DAY'
  /** The year and month are known. */
  | 'MONTH'
  /** Only the year is known. */
  | 'YEAR';

/** How the weapons change hands. */
export type DealArrangement =
  /** Given as military aid. */
  | 'AID'
  /** Leased or lent. */
  | 'LEASE'
  /** Produced or assembled in the recipient's country under licence. */
  | 'LICENSED_PRODUCTION'
  /** Sold to the recipient. */
  | 'SALE'
  /** Not stated by the sources. */
  | 'UNKNOWN';

/** What happened on a date in a deal's timeline. */
export type DealEventType =
  /** The deal is cancelled. */
  | 'CANCELLATION'
  /** A contract is signed. */
  | 'CONTRACT_SIGNED'
  /** Weapons are delivered. */
  | 'DELIVERY'
  /** Talks or negotiations. */
  | 'NEGOTIATION'
  /** Anything else worth recording. */
  | 'OTHER'
  /** A source reports the recipient's interest. */
  | 'REPORTED_INTEREST'
  /** The recipient selects a supplier or system. */
  | 'SELECTION'
  /** An official visit, for example to a factory or an arms fair. */
  | 'VISIT';

/**
 * Conditions on deals. Every condition given must hold; inside one condition, any of the
 * listed values may match.
 */
export type DealFilter = {
  /** Deals with one of these arrangements. */
  arrangement?: Array<DealArrangement> | null | undefined;
  /** Deals with an item in one of these SIPRI weapon categories. */
  category?: Array<WeaponCategory> | null | undefined;
  /** Deals with at least one delivery in this range of years. */
  deliveryYear?: IntRange | null | undefined;
  /**
   * Also return retired deals: SIPRI deals that the newest release covering them no longer
   * lists (see Deal.retirement). Default false.
   */
  includeRetired?: boolean | null | undefined;
  /** Deals ordered in this range of years (deals without an order year are left out). */
  orderYear?: IntRange | null | undefined;
  /** Deals with an item of one of these platforms or any of their variants in the family tree, as its platform or as the variant its comment names (DealItem.variant) (Platform IDs). */
  platform?: Array<string | number> | null | undefined;
  /** Deals whose recipient is one of these actors (Actor IDs). */
  recipient?: Array<string | number> | null | undefined;
  /** Deals received by these countries, or by groups based in them: ISO 3166-1 alpha-2 or alpha-3 codes (ML, MLI). Historical states have no code: use recipient with their ID. */
  recipientCountry?: Array<string> | null | undefined;
  /**
   * Show the deals of this SIPRI release (a SipriRelease ID, see sipriReleases) with the values
   * exactly as that release published them (parties, year of order, numbers, TIVs, comments),
   * retired or not. Deals entered by editors are not in any release.
   */
  release?: string | number | null | undefined;
  /** Deals at one of these stages. */
  stage?: Array<DealStage> | null | undefined;
  /** Deals whose supplier is one of these actors (Actor IDs). */
  supplier?: Array<string | number> | null | undefined;
  /** Deals supplied by these countries, or by companies based in them: ISO 3166-1 alpha-2 or alpha-3 codes (RU, RUS). Historical states such as the Soviet Union have no code: use supplier with their ID. */
  supplierCountry?: Array<string> | null | undefined;
  /** Deals changed in Armstrail at or after this time. */
  updatedSince?: string | null | undefined;
};

/** One weapon system in a deal. */
export type DealItemInput = {
  /** New or second-hand. */
  condition?: ItemCondition | null | undefined;
  /** Years with deliveries. */
  deliveryYears?: Array<number> | null | undefined;
  /** How the source describes the weapon. */
  description?: string | null | undefined;
  /** What the source says of the variant or configuration. */
  note?: string | null | undefined;
  /** The platform (a Platform ID). */
  platform: string | number;
  /** How many have been delivered. */
  quantityDelivered?: EstimateInput | null | undefined;
  /** How many were ordered. */
  quantityOrdered?: EstimateInput | null | undefined;
  /** SIPRI TIV delivered, in millions. */
  tivDelivered?: string | null | undefined;
  /** SIPRI TIV per unit, in millions (a volume index, not money). */
  tivPerUnit?: string | null | undefined;
  /** SIPRI TIV of the whole order, in millions. */
  tivTotalOrder?: string | null | undefined;
};

/** A sort order for deals. */
export type DealOrder = {
  /** Which way. Default DESC (newest first). */
  direction?: OrderDirection | null | undefined;
  /** What to sort by. */
  field: DealOrderField;
};

/** What to sort deals by. */
export type DealOrderField =
  /** The date of the order; deals without an order date (reported interest, negotiations) come last. */
  | 'ORDER_DATE'
  /** When the record was last changed in Armstrail. */
  | 'UPDATED_AT';

/**
 * How far a deal has gone. Deals move REPORTED_INTEREST → NEGOTIATING → SELECTED → ORDERED →
 * DELIVERING → DELIVERED, or branch off to CANCELLED or STALLED.
 */
export type DealStage =
  /** The deal was cancelled. */
  | 'CANCELLED'
  /** Everything ordered has been delivered. */
  | 'DELIVERED'
  /** Some, but not all, of the order has been delivered. */
  | 'DELIVERING'
  /** The parties are reported to be negotiating. */
  | 'NEGOTIATING'
  /** An order has been placed; nothing is known to be delivered yet. */
  | 'ORDERED'
  /** A source reports that the recipient is interested; nothing has been ordered. */
  | 'REPORTED_INTEREST'
  /** The recipient has chosen this supplier or system, but no order is known. */
  | 'SELECTED'
  /** The deal is reported to be stalled or on hold. */
  | 'STALLED';

/** A record to delete. */
export type DeleteRecordInput = {
  /** The record: a Deal, DealEvent, Citation, Source, Actor or Platform ID. */
  id: string | number;
  /** Why it is deleted. */
  reason: string;
};

/**
 * How transferVolumes apportions deliveries that SIPRI spreads over several years without
 * saying how many were delivered in each.
 */
export type DeliveryYearMethod =
  /**
   * Units and TIV delivered are split evenly over the delivery years (4 units delivered in
   * 2017, 2019 and 2020 count 1.333333 in each). Split values are rounded to 6 decimals, so
   * a year's figures are estimates; their sum over all years matches the deals within rounding.
   */
  | 'EVEN_SPLIT'
  /**
   * Only items delivered within a single year are counted: exact, but multi-year deliveries
   * are left out entirely.
   */
  | 'SINGLE_YEAR_ONLY';

/** A reported number, possibly a range, possibly uncertain. Leave value out when unknown. */
export type EstimateInput = {
  /** The high end of a reported range. */
  high?: number | null | undefined;
  /** The low end of a reported range. */
  low?: number | null | undefined;
  /** True when the source gives the figure with doubt. */
  uncertain?: boolean | null | undefined;
  /** The best figure. */
  value?: number | null | undefined;
};

/** Who set a family link. */
export type FamilySourceKind =
  /** A researcher (updatePlatform, createPlatform) or the seed's curated trees. */
  | 'EDITOR'
  /** A family rule of the SIPRI import (src/import/platform-family-rules.ts). */
  | 'RULE';

/** A date that may be known only to the year or month. */
export type FuzzyDateInput = {
  /** The day, when known (needs the month). */
  day?: number | null | undefined;
  /** The month, 1–12, when known. */
  month?: number | null | undefined;
  /** True when the source gives the date with doubt. */
  uncertain?: boolean | null | undefined;
  /** The year. */
  year: number;
};

/** An inclusive range of whole numbers (years). Either end may be left out. */
export type IntRange = {
  /** The smallest value included. */
  from?: number | null | undefined;
  /** The largest value included. */
  to?: number | null | undefined;
};

/** The condition of the weapons when transferred. */
export type ItemCondition =
  /** Newly built. */
  | 'NEW'
  /** Previously used by another operator. */
  | 'SECOND_HAND'
  /** Previously used, and modernised before transfer. */
  | 'SECOND_HAND_MODERNIZED';

/** Two records to merge. */
export type MergeInput = {
  /** The record that disappears; its ID will lead to the winner. */
  loser: string | number;
  /** Why they are the same. */
  reason: string;
  /** The record that remains. */
  winner: string | number;
};

/** Sort direction. */
export type OrderDirection =
  /** Smallest or oldest first. */
  | 'ASC'
  /** Largest or newest first. */
  | 'DESC';

/**
 * A type of record in the change feed (`Revision.recordType` spells it as the type's name:
 * DEAL_EVENT is `DealEvent`).
 */
export type RecordType =
  /** Actors (Actor): states, companies, groups, organisations. */
  | 'ACTOR'
  /** Citations (Citation). */
  | 'CITATION'
  /** Deals (Deal), with their items. */
  | 'DEAL'
  /** Events of deals' timelines (DealEvent). */
  | 'DEAL_EVENT'
  /** Platforms (Platform). */
  | 'PLATFORM'
  /** Sources (Source). */
  | 'SOURCE';

/** What happened to a deal between two releases. */
export type ReleaseChangeKind =
  /** Listed by the newer release, not by the older one. */
  | 'ADDED'
  /** Listed by both, with different values. */
  | 'CHANGED'
  /** Listed by the older release, not by the newer one. */
  | 'RETIRED';

/** A deal's value as the source reports it. */
export type ReportedValueInput = {
  /** The amount, as reported. */
  amount: string;
  /** What the amount covers, as reported. */
  covers?: string | null | undefined;
  /** ISO 4217 currency code (USD, EUR, RUB). */
  currency?: string | null | undefined;
};

/** What kind of change a revision records. */
export type RevisionAction =
  /** The record was created. */
  | 'CREATE'
  /** The record was deleted; it remains as a tombstone. */
  | 'DELETE'
  /** The record was merged into another; its ID now leads to that one. */
  | 'MERGE'
  /** A newer SIPRI release no longer lists the deal: it is kept, out of default views (Deal.retirement). */
  | 'RETIRE'
  /** Some of the record's fields changed. */
  | 'UPDATE';

/** A kind of record that search can return. */
export type SearchType =
  /** Actors: found by name, aliases and ISO codes. */
  | 'ACTOR'
  /** Deals: found by their parties, weapons, comments, events and cited excerpts. */
  | 'DEAL'
  /** Platforms: found by designation and aliases. */
  | 'PLATFORM'
  /** Sources: found by title, publisher and the excerpts cited from them. */
  | 'SOURCE';

/** How a SIPRI row was tied to its deal. */
export type SipriMatch =
  /** One correction of the year of order or the number ordered. */
  | 'CORRECTED'
  /** The row became a new deal. */
  | 'NEW_DEAL'
  /** The weapon renamed. */
  | 'RENAMED'
  /** The designation respelled. */
  | 'RESPELLED'
  /** Same key (parties, year of order, number ordered, designation). */
  | 'SAME_KEY';

/** A new source document. */
export type SourceInput = {
  /** When it was read. */
  accessedOn?: string | null | undefined;
  /** An archived copy (http or https). */
  archivedUrl?: string | null | undefined;
  /** What kind of document it is. */
  kind: SourceKind;
  /** Its language as a BCP 47 tag (fr, ru, en). */
  language?: string | null | undefined;
  /** Notes on provenance. */
  note?: string | null | undefined;
  /** When it was published. */
  publicationDate?: FuzzyDateInput | null | undefined;
  /** Who published it. */
  publisher?: string | null | undefined;
  /** Its title. */
  title?: string | null | undefined;
  /** Where it can be read (http or https). */
  url?: string | null | undefined;
};

/** What kind of document a source is. */
export type SourceKind =
  /** A dataset release, such as a SIPRI trade-register export. */
  | 'DATASET'
  /** A government statement, report or document. */
  | 'GOVERNMENT'
  /** A company's release or publication. */
  | 'INDUSTRY'
  /** A news article or broadcast. */
  | 'NEWS'
  /** A non-governmental organisation's report. */
  | 'NGO'
  /** Any other kind of document. */
  | 'OTHER';

/** The seven categories of the UN Register of Conventional Arms (UNROCA). */
export type UnrocaCategory =
  /** III — Large-calibre artillery systems. */
  | 'III_LARGE_CALIBRE_ARTILLERY_SYSTEMS'
  /** II — Armoured combat vehicles. */
  | 'II_ARMOURED_COMBAT_VEHICLES'
  /** IV — Combat aircraft. */
  | 'IV_COMBAT_AIRCRAFT'
  /** I — Battle tanks. */
  | 'I_BATTLE_TANKS'
  /** VII — Missiles and missile launchers. */
  | 'VII_MISSILES_AND_MISSILE_LAUNCHERS'
  /** VI — Warships. */
  | 'VI_WARSHIPS'
  /** V — Attack helicopters. */
  | 'V_ATTACK_HELICOPTERS';

/** Changes to an actor. A field left out is not changed; a field given as null is cleared. */
export type UpdateActorInput = {
  /** The full new list of aliases, replacing the old one. */
  aliases?: Array<AliasInput> | null | undefined;
  /** Sources for this change. */
  citations?: Array<CitationInput> | null | undefined;
  /** A new home or host country; null clears it. */
  country?: string | number | null | undefined;
  /** A new description. */
  description?: string | null | undefined;
  /** A new first year. */
  existedFrom?: number | null | undefined;
  /** A new last year. */
  existedUntil?: number | null | undefined;
  /** The version you based the change on; if the actor has changed since, you get CONFLICT. */
  expectedVersion: number;
  /** The actor (an Actor ID). */
  id: string | number;
  /** A new ISO 3166-1 alpha-3 code; null clears the codes. */
  isoAlpha3?: string | null | undefined;
  /** A new kind. */
  kind?: ActorKind | null | undefined;
  /** A new name. */
  name?: string | null | undefined;
  /** A new owning organisation; null clears it. */
  parent?: string | number | null | undefined;
  /** Why the change is made. */
  reason: string;
};

/** Changes to a deal. A field left out is not changed; a field given as null is cleared. */
export type UpdateDealInput = {
  /** A new arrangement. */
  arrangement?: DealArrangement | null | undefined;
  /** The sources for this change. */
  citations?: Array<CitationInput> | null | undefined;
  /** New notes; null clears them. */
  comments?: string | null | undefined;
  /** The version you based the change on; if the deal has changed since, you get CONFLICT. */
  expectedVersion: number;
  /** The deal (a Deal ID). */
  id: string | number;
  /** The full new list of items, replacing the old one. */
  items?: Array<DealItemInput> | null | undefined;
  /** A new order date; null clears it. */
  orderDate?: FuzzyDateInput | null | undefined;
  /** Why the change is made (a short sentence). */
  reason?: string | null | undefined;
  /** A new recipient (an Actor ID). */
  recipient?: string | number | null | undefined;
  /** A new reported value; null clears it. */
  reportedValue?: ReportedValueInput | null | undefined;
  /** A new stage. */
  stage?: DealStage | null | undefined;
  /** A new supplier (an Actor ID). */
  supplier?: string | number | null | undefined;
};

/** Changes to a platform. A field left out is not changed; a field given as null is cleared. */
export type UpdatePlatformInput = {
  /** The full new list of aliases, replacing the old one. */
  aliases?: Array<AliasInput> | null | undefined;
  /** A new SIPRI category. */
  category?: WeaponCategory | null | undefined;
  /** Sources for this change. */
  citations?: Array<CitationInput> | null | undefined;
  /** A new description. */
  description?: string | null | undefined;
  /** A new designation. */
  designation?: string | null | undefined;
  /** The version you based the change on; if the platform has changed since, you get CONFLICT. */
  expectedVersion: number;
  /** A new family (a Platform ID); null makes it a family of its own. */
  family?: string | number | null | undefined;
  /** The platform (a Platform ID). */
  id: string | number;
  /** The full new list of producers (Actor IDs). */
  producers?: Array<string | number> | null | undefined;
  /** Why the change is made. */
  reason: string;
  /** A new UN Register category. */
  unrocaCategory?: UnrocaCategory | null | undefined;
};

/** A key that transferVolumes can group by. */
export type VolumeDimension =
  /** The SIPRI weapon category of the item's platform. */
  | 'CATEGORY'
  /**
   * The year of delivery. A delivery spread over several years is counted by the method named
   * in deliveryYears; deals with nothing delivered have no delivery year and are left out.
   */
  | 'DELIVERY_YEAR'
  /** The year of the order (deals without an order year form a group whose year is null). */
  | 'ORDER_YEAR'
  /** The root of the item's platform family tree (Mi-171Sh, Mi-171 and Mi-17 all count under Mi-8). */
  | 'PLATFORM_FAMILY'
  /** The recipient. */
  | 'RECIPIENT'
  /** The deal's stage. */
  | 'STAGE'
  /** The supplier. */
  | 'SUPPLIER';

/** A sort order for volume rows. Ties are broken by the grouped keys; empty values come last. */
export type VolumeOrder = {
  /** Which way. Default: DESC (largest first) for measures, ASC for keys. */
  direction?: OrderDirection | null | undefined;
  /** What to sort by. */
  field: VolumeOrderField;
};

/** What to sort volume rows by: a measure or one of the grouped keys. */
export type VolumeOrderField =
  /** The category, in the order of the WeaponCategory enum (requires CATEGORY in groupBy). */
  | 'CATEGORY'
  /** The number of deals. */
  | 'DEAL_COUNT'
  /** The delivery year (requires DELIVERY_YEAR in groupBy). */
  | 'DELIVERY_YEAR'
  /** The order year (requires ORDER_YEAR in groupBy). */
  | 'ORDER_YEAR'
  /** The designation of the family's root platform (requires PLATFORM_FAMILY in groupBy). */
  | 'PLATFORM_FAMILY'
  /** The recipient's name (requires RECIPIENT in groupBy). */
  | 'RECIPIENT'
  /** The stage, in the order of the DealStage enum (requires STAGE in groupBy). */
  | 'STAGE'
  /** The supplier's name (requires SUPPLIER in groupBy). */
  | 'SUPPLIER'
  /** TIV delivered. */
  | 'TIV_DELIVERED'
  /** TIV of the orders. */
  | 'TIV_ORDERED'
  /** Units delivered. */
  | 'UNITS_DELIVERED'
  /** Units ordered. */
  | 'UNITS_ORDERED';

/** SIPRI's twelve weapon categories. */
export type WeaponCategory =
  /** Aircraft, including helicopters and armed drones. */
  | 'AIRCRAFT'
  /** Air defence systems. */
  | 'AIR_DEFENCE_SYSTEMS'
  /** Anti-submarine warfare weapons. */
  | 'ANTI_SUBMARINE_WARFARE_WEAPONS'
  /** Armoured vehicles: tanks, armoured personnel carriers, infantry fighting vehicles. */
  | 'ARMOURED_VEHICLES'
  /** Artillery: guns, howitzers, mortars and rocket launchers of large calibre. */
  | 'ARTILLERY'
  /** Engines for aircraft, ships and armoured vehicles. */
  | 'ENGINES'
  /** Missiles. */
  | 'MISSILES'
  /** Naval weapons: naval guns and systems. */
  | 'NAVAL_WEAPONS'
  /** Other weapon systems. */
  | 'OTHER'
  /** Reconnaissance and communications satellites. */
  | 'SATELLITES'
  /** Sensors: radars and sonars. */
  | 'SENSORS'
  /** Ships and submarines. */
  | 'SHIPS';

export type ApiKeysCreateMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ApiKeysCreateMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, role: ApiKeyRole, prefix: string, revokedAt: string | null } } };

export type ApiKeysRevokeMutationVariables = Exact<{
  key: string;
}>;


export type ApiKeysRevokeMutation = { revokeApiKey: { apiKey: { id: string, revokedAt: string | null } } };

export type ApiKeysListQueryVariables = Exact<{
  all?: boolean | null | undefined;
}>;


export type ApiKeysListQuery = { apiKeys: Array<{ id: string, name: string, role: ApiKeyRole, prefix: string, revokedAt: string | null }> };

export type BatchingNestedQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
  n?: number | null | undefined;
}>;


export type BatchingNestedQuery = { deals: { edges: Array<{ node: { id: string, supplier: { name: string }, recipient: { name: string }, items: Array<{ platform: { designation: string, family: { designation: string } | null } }>, citations: Array<{ excerpt: string | null, source: { url: string | null } }> } }> } };

export type BatchingNestedConnectionsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type BatchingNestedConnectionsQuery = { actors: { nodes: Array<{ name: string, dealsAsRecipient: { totalCount: number, nodes: Array<{ items: Array<{ platform: { deals: { nodes: Array<{ id: string }> } } }> }> } }> } };

export type BatchingPeerQ1QueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type BatchingPeerQ1Query = { deals: { nodes: Array<{ id: string, stage: DealStage, orderDate: { iso: string, uncertain: boolean } | null, supplier: { name: string }, recipient: { name: string }, items: Array<{ deliveryYears: Array<number>, tivPerUnit: string | null, tivTotalOrder: string | null, tivDelivered: string | null, quantityOrdered: { value: number | null, uncertain: boolean } | null, quantityDelivered: { value: number | null, uncertain: boolean } | null, platform: { designation: string, description: string | null } }> }> } };

export type BatchingPeerQ2QueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type BatchingPeerQ2Query = { deals: { nodes: Array<{ id: string, orderDate: { iso: string } | null, supplier: { name: string }, recipient: { name: string }, items: Array<{ platform: { designation: string, description: string | null } }> }> } };

export type BatchingPeerQ3QueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type BatchingPeerQ3Query = { actors: { nodes: Array<{ name: string, dealsAsSupplier: { nodes: Array<{ id: string, orderDate: { iso: string } | null, recipient: { name: string }, items: Array<{ tivTotalOrder: string | null, quantityOrdered: { value: number | null } | null, quantityDelivered: { value: number | null } | null, platform: { designation: string, description: string | null, deals: { nodes: Array<{ id: string, orderDate: { iso: string } | null, recipient: { name: string } }> } } }> }> } }> } };

export type ChangeFeedPageQueryVariables = Exact<{
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type ChangeFeedPageQuery = { changes: { nodes: Array<{ id: string, recordId: string, recordType: string, action: RevisionAction, author: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DealFiltersMatchingQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
}>;


export type DealFiltersMatchingQuery = { deals: { totalCount: number, nodes: Array<{ id: string }> } };

export type DealFiltersIdsQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
}>;


export type DealFiltersIdsQuery = { deals: { nodes: Array<{ id: string }> } };

export type DealFiltersNestedQueryVariables = Exact<{
  id: string | number;
}>;


export type DealFiltersNestedQuery = { node:
    | { dealsAsSupplier: { totalCount: number, nodes: Array<{ stage: DealStage }> } }
    | Record<PropertyKey, never>
   | null };

export type DealFiltersPartiesQueryVariables = Exact<{ [key: string]: never; }>;


export type DealFiltersPartiesQuery = { suppliers: { nodes: Array<{ name: string }> }, recipients: { nodes: Array<{ name: string }> } };

export type DealFiltersActorsQueryVariables = Exact<{ [key: string]: never; }>;


export type DealFiltersActorsQuery = { byAlias: { nodes: Array<{ name: string }> }, companiesInRussia: { nodes: Array<{ name: string }> }, states: { nodes: Array<{ name: string }> }, byStateAlias: { nodes: Array<{ name: string }> } };

export type DealFiltersPlatformsAndSourcesQueryVariables = Exact<{
  family: string | number;
}>;


export type DealFiltersPlatformsAndSourcesQuery = { family: { nodes: Array<{ designation: string }> }, vehicles: { nodes: Array<{ designation: string }> }, french: { nodes: Array<{ url: string | null }> } };

export type ErrorsFirstCursorQueryVariables = Exact<{ [key: string]: never; }>;


export type ErrorsFirstCursorQuery = { deals: { pageInfo: { endCursor: string | null } } };

export type ErrorsNodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ErrorsNodesQuery = { nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type ExportCreateDealMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type ExportCreateDealMutation = { createDeal: { deal: { id: string } } };

export type ExportUrlCsvQueryVariables = Exact<{
  filter?: DealFilter | null | undefined;
}>;


export type ExportUrlCsvQuery = { exportUrl: string };

export type ExportUrlNdjsonQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportUrlNdjsonQuery = { exportUrl: string };

export type FeedReplayChangesQueryVariables = Exact<{
  after?: string | null | undefined;
  types?: Array<RecordType> | RecordType | null | undefined;
}>;


export type FeedReplayChangesQuery = { changes: { nodes: Array<{ recordType: string, recordId: string, action: RevisionAction, author: string, changes: Array<{ field: string, to: unknown }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FeedReplayCitationFragment = { id: string, excerpt: string | null, translation: string | null, locator: string | null, stance: CitationStance, source: { id: string }, producer: { id: string } | null };

export type FeedReplayDealsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FeedReplayDealsQuery = { page: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, stage: DealStage, arrangement: DealArrangement, comments: string | null, supplier: { id: string }, recipient: { id: string }, orderDate: { iso: string } | null, reportedValue: { amount: string, currency: string | null, covers: string | null } | null, items: Array<{ id: string, description: string | null, deliveryYears: Array<number>, condition: ItemCondition | null, tivPerUnit: string | null, tivTotalOrder: string | null, tivDelivered: string | null, note: string | null, platform: { id: string }, variant: { id: string } | null, quantityOrdered: { value: number | null, low: number | null, high: number | null, uncertain: boolean } | null, quantityDelivered: { value: number | null, low: number | null, high: number | null, uncertain: boolean } | null }>, retirement: { retiredAt: string, release: { id: string } } | null, events: Array<{ id: string, type: DealEventType, place: string | null, description: string | null, date: { iso: string } | null, actors: Array<{ id: string }>, citations: Array<{ id: string, excerpt: string | null, translation: string | null, locator: string | null, stance: CitationStance, source: { id: string }, producer: { id: string } | null }> }>, citations: Array<{ id: string, excerpt: string | null, translation: string | null, locator: string | null, stance: CitationStance, source: { id: string }, producer: { id: string } | null }> }> } };

export type FeedReplayActorsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FeedReplayActorsQuery = { page: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: ActorKind, name: string, isoAlpha2: string | null, isoAlpha3: string | null, isoNumeric: string | null, existedFrom: number | null, existedUntil: number | null, description: string | null, aliases: Array<{ name: string, language: string | null }>, parent: { id: string } | null, country: { id: string } | null, citations: Array<{ id: string, excerpt: string | null, translation: string | null, locator: string | null, stance: CitationStance, source: { id: string }, producer: { id: string } | null }> }> } };

export type FeedReplayPlatformsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FeedReplayPlatformsQuery = { page: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, designation: string, category: WeaponCategory | null, unrocaCategory: UnrocaCategory | null, description: string | null, family: { id: string } | null, familySource: { kind: FamilySourceKind, rule: string | null } | null, aliases: Array<{ name: string, language: string | null }>, producers: Array<{ id: string }>, citations: Array<{ id: string, excerpt: string | null, translation: string | null, locator: string | null, stance: CitationStance, source: { id: string }, producer: { id: string } | null }> }> } };

export type FeedReplaySourcesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FeedReplaySourcesQuery = { page: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: SourceKind, title: string | null, publisher: string | null, url: string | null, archivedUrl: string | null, accessedOn: string | null, language: string | null, note: string | null, publicationDate: { iso: string } | null }> } };

export type FeedReplayCreateActorMutationVariables = Exact<{
  input: CreateActorInput;
}>;


export type FeedReplayCreateActorMutation = { createActor: { actor: { id: string, version: number } } };

export type FeedReplayCreatePlatformMutationVariables = Exact<{
  input: CreatePlatformInput;
}>;


export type FeedReplayCreatePlatformMutation = { createPlatform: { platform: { id: string, version: number } } };

export type FeedReplayCreateDealMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type FeedReplayCreateDealMutation = { createDeal: { deal: { id: string, version: number, citations: Array<{ source: { id: string } }> } } };

export type FeedReplayUpdateDealMutationVariables = Exact<{
  input: UpdateDealInput;
}>;


export type FeedReplayUpdateDealMutation = { updateDeal: { deal: { id: string } } };

export type FeedReplayAddDealEventMutationVariables = Exact<{
  input: AddDealEventInput;
}>;


export type FeedReplayAddDealEventMutation = { addDealEvent: { event: { id: string } } };

export type FeedReplayUpdateActorMutationVariables = Exact<{
  input: UpdateActorInput;
}>;


export type FeedReplayUpdateActorMutation = { updateActor: { actor: { id: string } } };

export type FeedReplayUpdatePlatformMutationVariables = Exact<{
  input: UpdatePlatformInput;
}>;


export type FeedReplayUpdatePlatformMutation = { updatePlatform: { platform: { id: string } } };

export type FeedReplayAddCitationMutationVariables = Exact<{
  input: AddCitationInput;
}>;


export type FeedReplayAddCitationMutation = { addCitation: { citation: { id: string } } };

export type FeedReplayDeleteRecordMutationVariables = Exact<{
  input: DeleteRecordInput;
}>;


export type FeedReplayDeleteRecordMutation = { deleteRecord: { deletedId: string } };

export type FeedReplayCreateSourceMutationVariables = Exact<{
  input: CreateSourceInput;
}>;


export type FeedReplayCreateSourceMutation = { createSource: { source: { id: string } } };

export type FeedReplayMergeActorsMutationVariables = Exact<{
  input: MergeInput;
}>;


export type FeedReplayMergeActorsMutation = { mergeActors: { actor: { id: string } } };

export type FeedReplayMergePlatformsMutationVariables = Exact<{
  input: MergeInput;
}>;


export type FeedReplayMergePlatformsMutation = { mergePlatforms: { platform: { id: string } } };

export type HowToCiteDealsQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
  n?: number | null | undefined;
}>;


export type HowToCiteDealsQuery = { deals: { nodes: Array<{ id: string, stage: DealStage, howToCite: string, orderDate: { iso: string } | null, items: Array<{ platform: { designation: string } }> }> } };

export type HowToCiteNodesQueryVariables = Exact<{
  id: string | number;
}>;


export type HowToCiteNodesQuery = { nodes: Array<
    | { id: string, howToCite: string }
    | Record<PropertyKey, never>
   | null> };

export type HttpServerKazanQueryVariables = Exact<{ [key: string]: never; }>;


export type HttpServerKazanQuery = { deals: { totalCount: number, nodes: Array<{ citations: Array<{ source: { url: string | null } }> }> } };

export type HttpServerCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type HttpServerCountsQuery = { deals: { totalCount: number }, actors: { totalCount: number }, sources: { totalCount: number } };

export type PlatformFamiliesTransferVolumesQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformFamiliesTransferVolumesQuery = { transferVolumes: { nodes: Array<{ platformFamily: { designation: string } | null }> } };

export type PlatformFamiliesUpdatePlatformMutationVariables = Exact<{
  input: UpdatePlatformInput;
}>;


export type PlatformFamiliesUpdatePlatformMutation = { updatePlatform: { platform: { family: { designation: string } | null } } };

export type KazanRecordIssueQueryQueryVariables = Exact<{ [key: string]: never; }>;


export type KazanRecordIssueQueryQuery = { deals: { totalCount: number, edges: Array<{ node: { id: string, stage: DealStage, supplier: { name: string }, recipient: { name: string }, items: Array<{ platform: { designation: string, family: { designation: string } | null } }>, events: Array<{ type: DealEventType, date: { iso: string } | null }>, citations: Array<{ excerpt: string | null, source: { url: string | null, language: string | null } }> } }> } };

export type KazanRecordSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type KazanRecordSourcesQuery = { deals: { nodes: Array<{ events: Array<{ type: DealEventType, citations: Array<{ source: { url: string | null } }> }> }> }, sources: { nodes: Array<{ url: string | null, title: string | null, language: string | null, publicationDate: { iso: string } | null }> } };

export type KazanRecordUnknownsQueryVariables = Exact<{ [key: string]: never; }>;


export type KazanRecordUnknownsQuery = { deals: { nodes: Array<{ arrangement: DealArrangement, comments: string | null, orderDate: { iso: string } | null, reportedValue: { amount: string } | null, items: Array<{ tivPerUnit: string | null, quantityOrdered: { value: number | null } | null, quantityDelivered: { value: number | null } | null }> }> } };

export type KazanRecordVisitQueryVariables = Exact<{ [key: string]: never; }>;


export type KazanRecordVisitQuery = { deals: { nodes: Array<{ events: Array<{ type: DealEventType, place: string | null, description: string | null, date: { precision: DatePrecision, uncertain: boolean } | null, actors: Array<{ name: string, parent: { name: string, parent: { name: string } | null } | null }>, citations: Array<{ source: { url: string | null } }> }> }> } };

export type KazanRecordFamiliesQueryVariables = Exact<{ [key: string]: never; }>;


export type KazanRecordFamiliesQuery = { platforms: { nodes: Array<{ designation: string, variants: Array<{ designation: string, variants: Array<{ designation: string, aliases: Array<{ name: string }> }> }> }> }, mi24: { nodes: Array<{ unrocaCategory: UnrocaCategory | null, producers: Array<{ name: string }> }> } };

export type KazanRecordCyrillicAliasQueryVariables = Exact<{ [key: string]: never; }>;


export type KazanRecordCyrillicAliasQuery = { platforms: { nodes: Array<{ designation: string }> } };

export type LoaderFreshnessTargetCitationsFragment = { citation: { target:
      | { citations: Array<{ id: string }> }
      | Record<PropertyKey, never>
     } };

export type LoaderFreshnessCitationsQueryVariables = Exact<{
  id: string | number;
}>;


export type LoaderFreshnessCitationsQuery = { node:
    | { citations: Array<{ id: string }> }
    | Record<PropertyKey, never>
   | null };

export type LoaderFreshnessTwoCitationsMutationVariables = Exact<{
  a: AddCitationInput;
  b: AddCitationInput;
}>;


export type LoaderFreshnessTwoCitationsMutation = { a: { citation: { target:
        | { citations: Array<{ id: string }> }
        | Record<PropertyKey, never>
       } }, b: { citation: { target:
        | { citations: Array<{ id: string }> }
        | Record<PropertyKey, never>
       } } };

export type MutationsCreateDealMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type MutationsCreateDealMutation = { createDeal: { deal: { id: string, stage: DealStage, version: number, supplier: { name: string }, items: Array<{ platform: { designation: string }, quantityOrdered: { value: number | null, uncertain: boolean } | null }>, citations: Array<{ source: { url: string | null } }>, history: Array<{ action: RevisionAction, author: string, reason: string | null }> } } };

export type MutationsCreateDealCurrencyMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type MutationsCreateDealCurrencyMutation = { createDeal: { deal: { reportedValue: { currency: string | null } | null } } };

export type MutationsUpdateDealCommentsMutationVariables = Exact<{
  input: UpdateDealInput;
}>;


export type MutationsUpdateDealCommentsMutation = { updateDeal: { deal: { comments: string | null, version: number, history: Array<{ changes: Array<{ field: string, from: unknown, to: unknown }> }> } } };

export type MutationsDealVersionQueryVariables = Exact<{
  id: string | number;
}>;


export type MutationsDealVersionQuery = { node:
    | { version: number }
    | Record<PropertyKey, never>
   | null };

export type MutationsUpdateDealStageMutationVariables = Exact<{
  input: UpdateDealInput;
}>;


export type MutationsUpdateDealStageMutation = { updateDeal: { deal: { stage: DealStage, history: Array<{ action: RevisionAction, changes: Array<{ field: string, from: unknown, to: unknown }>, sources: Array<{ url: string | null }> }> } } };

export type PaginationDealsQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
  o?: DealOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PaginationDealsQuery = { deals: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, orderDate: { iso: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type PaginationNestedQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type PaginationNestedQuery = { node:
    | { dealsAsSupplier: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, orderDate: { iso: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } }
    | Record<PropertyKey, never>
   | null };

export type PaginationActorsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PaginationActorsQuery = { actors: { nodes: Array<{ name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProducersProducesQueryVariables = Exact<{
  id: string | number;
}>;


export type ProducersProducesQuery = { node:
    | { produces: Array<{ designation: string, citations: Array<{ producer: { name: string } | null, source: { url: string | null } }> }> }
    | Record<PropertyKey, never>
   | null };

export type ProducersOfPlatformQueryVariables = Exact<{
  id: string | number;
}>;


export type ProducersOfPlatformQuery = { node:
    | { producers: Array<{ name: string }> }
    | Record<PropertyKey, never>
   | null };

export type ProducersFamilySourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProducersFamilySourcesQuery = { platforms: { nodes: Array<{ designation: string, familySource: { kind: FamilySourceKind, rule: string | null, description: string | null } | null }> } };

export type RecordLifecycleRecipientDealCountQueryVariables = Exact<{
  m?: Array<string | number> | string | number | null | undefined;
}>;


export type RecordLifecycleRecipientDealCountQuery = { deals: { totalCount: number } };

export type RecordLifecycleCreateActorMutationVariables = Exact<{
  input: CreateActorInput;
}>;


export type RecordLifecycleCreateActorMutation = { createActor: { actor: { id: string, version: number, isoAlpha2: string | null, aliases: Array<{ name: string }> } } };

export type RecordLifecycleCreateDealMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type RecordLifecycleCreateDealMutation = { createDeal: { deal: { id: string } } };

export type RecordLifecycleCreatePlatformMutationVariables = Exact<{
  input: CreatePlatformInput;
}>;


export type RecordLifecycleCreatePlatformMutation = { createPlatform: { platform: { id: string, family: { designation: string } | null } } };

export type RecordLifecycleDealCountQueryVariables = Exact<{ [key: string]: never; }>;


export type RecordLifecycleDealCountQuery = { deals: { totalCount: number } };

export type RecordLifecycleMergeActorsMutationVariables = Exact<{
  input: MergeInput;
}>;


export type RecordLifecycleMergeActorsMutation = { mergeActors: { actor: { name: string, aliases: Array<{ name: string }> } } };

export type RecordLifecycleActorNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type RecordLifecycleActorNodeQuery = { node:
    | { name: string, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type RecordLifecycleActorNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type RecordLifecycleActorNamesQuery = { actors: { nodes: Array<{ name: string }> } };

export type RecordLifecycleCreatePlatformIdMutationVariables = Exact<{
  input: CreatePlatformInput;
}>;


export type RecordLifecycleCreatePlatformIdMutation = { createPlatform: { platform: { id: string } } };

export type RecordLifecyclePlatformNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type RecordLifecyclePlatformNodeQuery = { node:
    | { designation: string, aliases: Array<{ name: string }> }
    | Record<PropertyKey, never>
   | null };

export type RecordLifecycleUpdatedSinceQueryVariables = Exact<{
  t?: string | null | undefined;
}>;


export type RecordLifecycleUpdatedSinceQuery = { actors: { totalCount: number }, platforms: { totalCount: number }, sources: { totalCount: number } };

export type RecordLifecycleCreateDealPartiesMutationVariables = Exact<{
  input: CreateDealInput;
}>;


export type RecordLifecycleCreateDealPartiesMutation = { createDeal: { deal: { supplier: { id: string }, items: Array<{ platform: { id: string } }> } } };

export type RecordLifecycleUpdateDealRecipientMutationVariables = Exact<{
  input: UpdateDealInput;
}>;


export type RecordLifecycleUpdateDealRecipientMutation = { updateDeal: { deal: { recipient: { id: string } } } };

export type RecordLifecycleAddDealEventActorsMutationVariables = Exact<{
  input: AddDealEventInput;
}>;


export type RecordLifecycleAddDealEventActorsMutation = { addDealEvent: { event: { actors: Array<{ id: string }> } } };

export type RecordLifecycleDealVersionQueryVariables = Exact<{
  id: string | number;
}>;


export type RecordLifecycleDealVersionQuery = { node:
    | { version: number }
    | Record<PropertyKey, never>
   | null };

export type RecordLifecycleCreateActorOwnerMutationVariables = Exact<{
  input: CreateActorInput;
}>;


export type RecordLifecycleCreateActorOwnerMutation = { createActor: { actor: { parent: { id: string } | null, country: { id: string } | null } } };

export type RecordLifecycleCreatePlatformLinksMutationVariables = Exact<{
  input: CreatePlatformInput;
}>;


export type RecordLifecycleCreatePlatformLinksMutation = { createPlatform: { platform: { family: { id: string } | null, producers: Array<{ id: string }> } } };

export type RecordLifecycleAddCitationTargetMutationVariables = Exact<{
  input: AddCitationInput;
}>;


export type RecordLifecycleAddCitationTargetMutation = { addCitation: { citation: { target:
        | { id: string }
        | Record<PropertyKey, never>
       } } };

export type SearchQueryVariables = Exact<{
  q: string;
  types?: Array<SearchType> | SearchType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ score: number, snippet: string | null, record:
        | { __typename: 'Actor', name: string }
        | { __typename: 'Deal', comments: string | null }
        | { __typename: 'Platform', designation: string }
        | { __typename: 'Source', url: string | null }
       }> } };

export type SearchUaeQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchUaeQuery = { actors: { nodes: Array<{ id: string, version: number, aliases: Array<{ name: string }> }> } };

export type SearchIvoryCoastQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchIvoryCoastQuery = { actors: { nodes: Array<{ name: string }> } };

export type SearchStatesByNameQueryVariables = Exact<{
  q: string;
}>;


export type SearchStatesByNameQuery = { actors: { nodes: Array<{ name: string }> } };

export type SipriExcerptApiDealsQueryVariables = Exact<{ [key: string]: never; }>;


export type SipriExcerptApiDealsQuery = { deals: { totalCount: number, nodes: Array<{ stage: DealStage, comments: string | null, orderDate: { iso: string, uncertain: boolean } | null, items: Array<{ deliveryYears: Array<number>, condition: ItemCondition | null, tivDelivered: string | null, note: string | null, platform: { designation: string }, quantityOrdered: { value: number | null, uncertain: boolean } | null, quantityDelivered: { value: number | null, uncertain: boolean } | null }>, citations: Array<{ locator: string | null, source: { kind: SourceKind, publisher: string | null } }> }> } };

export type SipriExcerptApiDeals2QueryVariables = Exact<{ [key: string]: never; }>;


export type SipriExcerptApiDeals2Query = { deals: { nodes: Array<{ history: Array<{ action: RevisionAction, author: string, reason: string | null, sources: Array<{ kind: SourceKind }> }> }> }, changes: { nodes: Array<{ recordType: string, author: string }> } };

export type SipriExcerptApiPlatformsQueryVariables = Exact<{ [key: string]: never; }>;


export type SipriExcerptApiPlatformsQuery = { platforms: { nodes: Array<{ id: string, designation: string }> } };

export type SipriExcerptApiDeals3QueryVariables = Exact<{
  p?: Array<string | number> | string | number | null | undefined;
}>;


export type SipriExcerptApiDeals3Query = { deals: { totalCount: number } };

export type ReleaseUpdateDealCountQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
}>;


export type ReleaseUpdateDealCountQuery = { deals: { totalCount: number } };

export type ReleaseUpdateCorrectedDealQueryVariables = Exact<{
  id: string | number;
}>;


export type ReleaseUpdateCorrectedDealQuery = { node:
    | { retirement: { retiredAt: string } | null, items: Array<{ quantityOrdered: { value: number | null } | null }>, sipriRecords: Array<{ match: SipriMatch, matchNote: string | null, release: { id: string } }> }
    | Record<PropertyKey, never>
   | null };

export type ReleaseUpdateRetiredDealQueryVariables = Exact<{
  id: string | number;
}>;


export type ReleaseUpdateRetiredDealQuery = { node:
    | { retirement: { retiredAt: string, release: { id: string, generatedText: string } } | null, history: Array<{ action: RevisionAction, reason: string | null }> }
    | Record<PropertyKey, never>
   | null };

export type ReleaseUpdateDealIdsQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
}>;


export type ReleaseUpdateDealIdsQuery = { deals: { nodes: Array<{ id: string }> } };

export type ReleaseUpdateChangesQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  kind?: Array<ReleaseChangeKind> | ReleaseChangeKind | null | undefined;
}>;


export type ReleaseUpdateChangesQuery = { releaseChanges: { totalCount: number, nodes: Array<{ kind: ReleaseChangeKind, deal: { id: string }, fromRecord: { line: number } | null, toRecord: { line: number } | null, changes: Array<{ field: string, from: unknown, to: unknown }> }> } };

export type Volumes2024SuppliersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type Volumes2024SuppliersQuery = { actors: { nodes: Array<{ id: string, name: string, aliases: Array<{ name: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type Volumes2024RecipientsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type Volumes2024RecipientsQuery = { actors: { nodes: Array<{ id: string, name: string, aliases: Array<{ name: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VolumesByRecipientQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type VolumesByRecipientQuery = { transferVolumes: { nodes: Array<{ tivDelivered: string | null, recipient: { id: string, name: string, aliases: Array<{ name: string }> } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VolumesBySupplierQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type VolumesBySupplierQuery = { transferVolumes: { nodes: Array<{ tivDelivered: string | null, supplier: { id: string, name: string, aliases: Array<{ name: string }> } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type YearlyRowsTransferVolumesQueryVariables = Exact<{
  after?: string | null | undefined;
  m?: DeliveryYearMethod | null | undefined;
}>;


export type YearlyRowsTransferVolumesQuery = { transferVolumes: { totalCount: number, nodes: Array<{ tivDelivered: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FeedEntriesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FeedEntriesQuery = { changes: { nodes: Array<{ recordId: string, action: RevisionAction, reason: string | null, record:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VariantLinksDealFragment = { recipient: { name: string }, orderDate: { iso: string } | null, items: Array<{ note: string | null, platform: { designation: string }, variant: { designation: string } | null }> };

export type VariantLinksPlatformDealsQueryVariables = Exact<{
  id: string | number;
}>;


export type VariantLinksPlatformDealsQuery = { node:
    | { deals: { totalCount: number, nodes: Array<{ recipient: { name: string }, orderDate: { iso: string } | null, items: Array<{ note: string | null, platform: { designation: string }, variant: { designation: string } | null }> }> } }
    | Record<PropertyKey, never>
   | null };

export type VariantLinksFamilyDealsQueryVariables = Exact<{
  p?: Array<string | number> | string | number | null | undefined;
}>;


export type VariantLinksFamilyDealsQuery = { deals: { nodes: Array<{ recipient: { name: string }, orderDate: { iso: string } | null, items: Array<{ note: string | null, platform: { designation: string }, variant: { designation: string } | null }> }> } };

export type VariantLinksTransferVolumesQueryVariables = Exact<{
  p?: Array<string | number> | string | number | null | undefined;
}>;


export type VariantLinksTransferVolumesQuery = { transferVolumes: { nodes: Array<{ dealCount: number, unitsOrdered: number | null }> } };

export type VariantLinksReleaseDealsQueryVariables = Exact<{
  r: string | number;
  p?: Array<string | number> | string | number | null | undefined;
}>;


export type VariantLinksReleaseDealsQuery = { deals: { nodes: Array<{ recipient: { name: string }, orderDate: { iso: string } | null, items: Array<{ note: string | null, platform: { designation: string }, variant: { designation: string } | null }> }> } };

export type VolumesRowFragment = { year: number | null, orderYear: number | null, deliveryYear: number | null, category: WeaponCategory | null, stage: DealStage | null, deliveryYearMethod: DeliveryYearMethod | null, dealCount: number, unitsOrdered: number | null, unitsDelivered: string | null, tivOrdered: string | null, tivDelivered: string | null, supplier: { id: string, name: string } | null, recipient: { id: string, name: string } | null, platformFamily: { id: string, designation: string } | null };

export type VolumesTransferVolumesQueryVariables = Exact<{
  filter?: DealFilter | null | undefined;
  groupBy: Array<VolumeDimension> | VolumeDimension;
  orderBy?: VolumeOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  method?: DeliveryYearMethod | null | undefined;
}>;


export type VolumesTransferVolumesQuery = { transferVolumes: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string }>, nodes: Array<{ year: number | null, orderYear: number | null, deliveryYear: number | null, category: WeaponCategory | null, stage: DealStage | null, deliveryYearMethod: DeliveryYearMethod | null, dealCount: number, unitsOrdered: number | null, unitsDelivered: string | null, tivOrdered: string | null, tivDelivered: string | null, supplier: { id: string, name: string } | null, recipient: { id: string, name: string } | null, platformFamily: { id: string, designation: string } | null }> } };

export type VolumesDealsQueryVariables = Exact<{
  f?: DealFilter | null | undefined;
}>;


export type VolumesDealsQuery = { deals: { nodes: Array<{ stage: DealStage }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FeedReplayCitationFragmentDoc = new TypedDocumentString(`
    fragment FeedReplayCitation on Citation {
  id
  source {
    id
  }
  excerpt
  translation
  locator
  stance
  producer {
    id
  }
}
    `, {"fragmentName":"FeedReplayCitation"}) as unknown as TypedDocumentString<FeedReplayCitationFragment, unknown>;
export const LoaderFreshnessTargetCitationsFragmentDoc = new TypedDocumentString(`
    fragment LoaderFreshnessTargetCitations on CitationPayload {
  citation {
    target {
      ... on Deal {
        citations {
          id
        }
      }
    }
  }
}
    `, {"fragmentName":"LoaderFreshnessTargetCitations"}) as unknown as TypedDocumentString<LoaderFreshnessTargetCitationsFragment, unknown>;
export const VariantLinksDealFragmentDoc = new TypedDocumentString(`
    fragment VariantLinksDeal on Deal {
  recipient {
    name
  }
  orderDate {
    iso
  }
  items {
    platform {
      designation
    }
    variant {
      designation
    }
    note
  }
}
    `, {"fragmentName":"VariantLinksDeal"}) as unknown as TypedDocumentString<VariantLinksDealFragment, unknown>;
export const VolumesRowFragmentDoc = new TypedDocumentString(`
    fragment VolumesRow on VolumeRow {
  year
  orderYear
  deliveryYear
  supplier {
    id
    name
  }
  recipient {
    id
    name
  }
  category
  platformFamily {
    id
    designation
  }
  stage
  deliveryYearMethod
  dealCount
  unitsOrdered
  unitsDelivered
  tivOrdered
  tivDelivered
}
    `, {"fragmentName":"VolumesRow"}) as unknown as TypedDocumentString<VolumesRowFragment, unknown>;
export const ApiKeysCreateDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ApiKeysCreateMutation, ApiKeysCreateMutationVariables>;
export const ApiKeysRevokeDocument = new TypedDocumentString(`
    mutation ApiKeysRevoke($key: String!) {
  revokeApiKey(input: {key: $key}) {
    apiKey {
      id
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeysRevokeMutation, ApiKeysRevokeMutationVariables>;
export const ApiKeysListDocument = new TypedDocumentString(`
    query ApiKeysList($all: Boolean) {
  apiKeys(includeRevoked: $all) {
    id
    name
    role
    prefix
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeysListQuery, ApiKeysListQueryVariables>;
export const BatchingNestedDocument = new TypedDocumentString(`
    query BatchingNested($f: DealFilter, $n: Int) {
  deals(filter: $f, first: $n) {
    edges {
      node {
        id
        supplier {
          name
        }
        recipient {
          name
        }
        items {
          platform {
            designation
            family {
              designation
            }
          }
        }
        citations {
          excerpt
          source {
            url
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchingNestedQuery, BatchingNestedQueryVariables>;
export const BatchingNestedConnectionsDocument = new TypedDocumentString(`
    query BatchingNestedConnections($n: Int) {
  actors(first: $n) {
    nodes {
      name
      dealsAsRecipient(first: 3) {
        totalCount
        nodes {
          items {
            platform {
              deals(first: 2) {
                nodes {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchingNestedConnectionsQuery, BatchingNestedConnectionsQueryVariables>;
export const BatchingPeerQ1Document = new TypedDocumentString(`
    query BatchingPeerQ1($n: Int) {
  deals(
    filter: {supplierCountry: ["SWE"]}
    first: $n
    orderBy: {field: ORDER_DATE, direction: DESC}
  ) {
    nodes {
      id
      orderDate {
        iso
        uncertain
      }
      stage
      supplier {
        name
      }
      recipient {
        name
      }
      items {
        quantityOrdered {
          value
          uncertain
        }
        quantityDelivered {
          value
          uncertain
        }
        deliveryYears
        tivPerUnit
        tivTotalOrder
        tivDelivered
        platform {
          designation
          description
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchingPeerQ1Query, BatchingPeerQ1QueryVariables>;
export const BatchingPeerQ2Document = new TypedDocumentString(`
    query BatchingPeerQ2($n: Int) {
  deals(first: $n) {
    nodes {
      id
      orderDate {
        iso
      }
      supplier {
        name
      }
      recipient {
        name
      }
      items {
        platform {
          designation
          description
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchingPeerQ2Query, BatchingPeerQ2QueryVariables>;
export const BatchingPeerQ3Document = new TypedDocumentString(`
    query BatchingPeerQ3($n: Int) {
  actors(filter: {name: "Sweden"}, first: 1) {
    nodes {
      name
      dealsAsSupplier(first: $n) {
        nodes {
          id
          orderDate {
            iso
          }
          recipient {
            name
          }
          items {
            quantityOrdered {
              value
            }
            quantityDelivered {
              value
            }
            tivTotalOrder
            platform {
              designation
              description
              deals(first: 5) {
                nodes {
                  id
                  orderDate {
                    iso
                  }
                  recipient {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchingPeerQ3Query, BatchingPeerQ3QueryVariables>;
export const ChangeFeedPageDocument = new TypedDocumentString(`
    query ChangeFeedPage($after: String, $first: Int) {
  changes(after: $after, first: $first) {
    nodes {
      id
      recordId
      recordType
      action
      author
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeFeedPageQuery, ChangeFeedPageQueryVariables>;
export const DealFiltersMatchingDocument = new TypedDocumentString(`
    query DealFiltersMatching($f: DealFilter) {
  deals(filter: $f, first: 100) {
    totalCount
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<DealFiltersMatchingQuery, DealFiltersMatchingQueryVariables>;
export const DealFiltersIdsDocument = new TypedDocumentString(`
    query DealFiltersIds($f: DealFilter) {
  deals(filter: $f, first: 100) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<DealFiltersIdsQuery, DealFiltersIdsQueryVariables>;
export const DealFiltersNestedDocument = new TypedDocumentString(`
    query DealFiltersNested($id: ID!) {
  node(id: $id) {
    ... on Actor {
      dealsAsSupplier(filter: {stage: [NEGOTIATING]}) {
        totalCount
        nodes {
          stage
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealFiltersNestedQuery, DealFiltersNestedQueryVariables>;
export const DealFiltersPartiesDocument = new TypedDocumentString(`
    query DealFiltersParties {
  suppliers(first: 100) {
    nodes {
      name
    }
  }
  recipients(first: 100) {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DealFiltersPartiesQuery, DealFiltersPartiesQueryVariables>;
export const DealFiltersActorsDocument = new TypedDocumentString(`
    query DealFiltersActors {
  byAlias: actors(filter: {name: "kvz"}) {
    nodes {
      name
    }
  }
  companiesInRussia: actors(filter: {kind: [COMPANY], country: ["RU"]}) {
    nodes {
      name
    }
  }
  states: actors(filter: {kind: [STATE], name: "rance"}) {
    nodes {
      name
    }
  }
  byStateAlias: actors(filter: {kind: [STATE], name: "russie"}) {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DealFiltersActorsQuery, DealFiltersActorsQueryVariables>;
export const DealFiltersPlatformsAndSourcesDocument = new TypedDocumentString(`
    query DealFiltersPlatformsAndSources($family: ID!) {
  family: platforms(filter: {family: $family}) {
    nodes {
      designation
    }
  }
  vehicles: platforms(filter: {category: [ARMOURED_VEHICLES]}) {
    nodes {
      designation
    }
  }
  french: sources(filter: {language: ["FR"], kind: [NEWS]}) {
    nodes {
      url
    }
  }
}
    `) as unknown as TypedDocumentString<DealFiltersPlatformsAndSourcesQuery, DealFiltersPlatformsAndSourcesQueryVariables>;
export const ErrorsFirstCursorDocument = new TypedDocumentString(`
    query ErrorsFirstCursor {
  deals(first: 1) {
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ErrorsFirstCursorQuery, ErrorsFirstCursorQueryVariables>;
export const ErrorsNodesDocument = new TypedDocumentString(`
    query ErrorsNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
  }
}
    `) as unknown as TypedDocumentString<ErrorsNodesQuery, ErrorsNodesQueryVariables>;
export const ExportCreateDealDocument = new TypedDocumentString(`
    mutation ExportCreateDeal($input: CreateDealInput!) {
  createDeal(input: $input) {
    deal {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ExportCreateDealMutation, ExportCreateDealMutationVariables>;
export const ExportUrlCsvDocument = new TypedDocumentString(`
    query ExportUrlCsv($filter: DealFilter) {
  exportUrl(filter: $filter, format: CSV)
}
    `) as unknown as TypedDocumentString<ExportUrlCsvQuery, ExportUrlCsvQueryVariables>;
export const ExportUrlNdjsonDocument = new TypedDocumentString(`
    query ExportUrlNdjson {
  exportUrl(format: NDJSON)
}
    `) as unknown as TypedDocumentString<ExportUrlNdjsonQuery, ExportUrlNdjsonQueryVariables>;
export const FeedReplayChangesDocument = new TypedDocumentString(`
    query FeedReplayChanges($after: String, $types: [RecordType!]) {
  changes(after: $after, first: 100, types: $types) {
    nodes {
      recordType
      recordId
      action
      author
      changes {
        field
        to
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayChangesQuery, FeedReplayChangesQueryVariables>;
export const FeedReplayDealsDocument = new TypedDocumentString(`
    query FeedReplayDeals($after: String) {
  page: deals(first: 50, after: $after, filter: {includeRetired: true}) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      stage
      arrangement
      supplier {
        id
      }
      recipient {
        id
      }
      orderDate {
        iso
      }
      reportedValue {
        amount
        currency
        covers
      }
      comments
      items {
        id
        platform {
          id
        }
        variant {
          id
        }
        description
        quantityOrdered {
          value
          low
          high
          uncertain
        }
        quantityDelivered {
          value
          low
          high
          uncertain
        }
        deliveryYears
        condition
        tivPerUnit
        tivTotalOrder
        tivDelivered
        note
      }
      retirement {
        retiredAt
        release {
          id
        }
      }
      events {
        id
        type
        date {
          iso
        }
        place
        description
        actors {
          id
        }
        citations {
          ...FeedReplayCitation
        }
      }
      citations {
        ...FeedReplayCitation
      }
    }
  }
}
    fragment FeedReplayCitation on Citation {
  id
  source {
    id
  }
  excerpt
  translation
  locator
  stance
  producer {
    id
  }
}`) as unknown as TypedDocumentString<FeedReplayDealsQuery, FeedReplayDealsQueryVariables>;
export const FeedReplayActorsDocument = new TypedDocumentString(`
    query FeedReplayActors($after: String) {
  page: actors(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      kind
      name
      isoAlpha2
      isoAlpha3
      isoNumeric
      aliases {
        name
        language
      }
      parent {
        id
      }
      country {
        id
      }
      existedFrom
      existedUntil
      description
      citations {
        ...FeedReplayCitation
      }
    }
  }
}
    fragment FeedReplayCitation on Citation {
  id
  source {
    id
  }
  excerpt
  translation
  locator
  stance
  producer {
    id
  }
}`) as unknown as TypedDocumentString<FeedReplayActorsQuery, FeedReplayActorsQueryVariables>;
export const FeedReplayPlatformsDocument = new TypedDocumentString(`
    query FeedReplayPlatforms($after: String) {
  page: platforms(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      designation
      category
      unrocaCategory
      description
      family {
        id
      }
      familySource {
        kind
        rule
      }
      aliases {
        name
        language
      }
      producers {
        id
      }
      citations {
        ...FeedReplayCitation
      }
    }
  }
}
    fragment FeedReplayCitation on Citation {
  id
  source {
    id
  }
  excerpt
  translation
  locator
  stance
  producer {
    id
  }
}`) as unknown as TypedDocumentString<FeedReplayPlatformsQuery, FeedReplayPlatformsQueryVariables>;
export const FeedReplaySourcesDocument = new TypedDocumentString(`
    query FeedReplaySources($after: String) {
  page: sources(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      kind
      title
      publisher
      url
      archivedUrl
      publicationDate {
        iso
      }
      accessedOn
      language
      note
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplaySourcesQuery, FeedReplaySourcesQueryVariables>;
export const FeedReplayCreateActorDocument = new TypedDocumentString(`
    mutation FeedReplayCreateActor($input: CreateActorInput!) {
  createActor(input: $input) {
    actor {
      id
      version
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayCreateActorMutation, FeedReplayCreateActorMutationVariables>;
export const FeedReplayCreatePlatformDocument = new TypedDocumentString(`
    mutation FeedReplayCreatePlatform($input: CreatePlatformInput!) {
  createPlatform(input: $input) {
    platform {
      id
      version
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayCreatePlatformMutation, FeedReplayCreatePlatformMutationVariables>;
export const FeedReplayCreateDealDocument = new TypedDocumentString(`
    mutation FeedReplayCreateDeal($input: CreateDealInput!) {
  createDeal(input: $input) {
    deal {
      id
      version
      citations {
        source {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayCreateDealMutation, FeedReplayCreateDealMutationVariables>;
export const FeedReplayUpdateDealDocument = new TypedDocumentString(`
    mutation FeedReplayUpdateDeal($input: UpdateDealInput!) {
  updateDeal(input: $input) {
    deal {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayUpdateDealMutation, FeedReplayUpdateDealMutationVariables>;
export const FeedReplayAddDealEventDocument = new TypedDocumentString(`
    mutation FeedReplayAddDealEvent($input: AddDealEventInput!) {
  addDealEvent(input: $input) {
    event {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayAddDealEventMutation, FeedReplayAddDealEventMutationVariables>;
export const FeedReplayUpdateActorDocument = new TypedDocumentString(`
    mutation FeedReplayUpdateActor($input: UpdateActorInput!) {
  updateActor(input: $input) {
    actor {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayUpdateActorMutation, FeedReplayUpdateActorMutationVariables>;
export const FeedReplayUpdatePlatformDocument = new TypedDocumentString(`
    mutation FeedReplayUpdatePlatform($input: UpdatePlatformInput!) {
  updatePlatform(input: $input) {
    platform {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayUpdatePlatformMutation, FeedReplayUpdatePlatformMutationVariables>;
export const FeedReplayAddCitationDocument = new TypedDocumentString(`
    mutation FeedReplayAddCitation($input: AddCitationInput!) {
  addCitation(input: $input) {
    citation {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayAddCitationMutation, FeedReplayAddCitationMutationVariables>;
export const FeedReplayDeleteRecordDocument = new TypedDocumentString(`
    mutation FeedReplayDeleteRecord($input: DeleteRecordInput!) {
  deleteRecord(input: $input) {
    deletedId
  }
}
    `) as unknown as TypedDocumentString<FeedReplayDeleteRecordMutation, FeedReplayDeleteRecordMutationVariables>;
export const FeedReplayCreateSourceDocument = new TypedDocumentString(`
    mutation FeedReplayCreateSource($input: CreateSourceInput!) {
  createSource(input: $input) {
    source {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayCreateSourceMutation, FeedReplayCreateSourceMutationVariables>;
export const FeedReplayMergeActorsDocument = new TypedDocumentString(`
    mutation FeedReplayMergeActors($input: MergeInput!) {
  mergeActors(input: $input) {
    actor {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayMergeActorsMutation, FeedReplayMergeActorsMutationVariables>;
export const FeedReplayMergePlatformsDocument = new TypedDocumentString(`
    mutation FeedReplayMergePlatforms($input: MergeInput!) {
  mergePlatforms(input: $input) {
    platform {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedReplayMergePlatformsMutation, FeedReplayMergePlatformsMutationVariables>;
export const HowToCiteDealsDocument = new TypedDocumentString(`
    query HowToCiteDeals($f: DealFilter, $n: Int) {
  deals(filter: $f, first: $n) {
    nodes {
      id
      stage
      orderDate {
        iso
      }
      items {
        platform {
          designation
        }
      }
      howToCite
    }
  }
}
    `) as unknown as TypedDocumentString<HowToCiteDealsQuery, HowToCiteDealsQueryVariables>;
export const HowToCiteNodesDocument = new TypedDocumentString(`
    query HowToCiteNodes($id: ID!) {
  nodes(ids: [$id]) {
    ... on Deal {
      id
      howToCite
    }
  }
}
    `) as unknown as TypedDocumentString<HowToCiteNodesQuery, HowToCiteNodesQueryVariables>;
export const HttpServerKazanDocument = new TypedDocumentString(`
    query HttpServerKazan {
  deals(filter: {recipientCountry: ["MLI"], stage: [REPORTED_INTEREST]}) {
    totalCount
    nodes {
      citations {
        source {
          url
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HttpServerKazanQuery, HttpServerKazanQueryVariables>;
export const HttpServerCountsDocument = new TypedDocumentString(`
    query HttpServerCounts {
  deals {
    totalCount
  }
  actors {
    totalCount
  }
  sources {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HttpServerCountsQuery, HttpServerCountsQueryVariables>;
export const PlatformFamiliesTransferVolumesDocument = new TypedDocumentString(`
    query PlatformFamiliesTransferVolumes {
  transferVolumes(
    filter: {recipientCountry: ["MLI"]}
    groupBy: [PLATFORM_FAMILY]
    first: 100
  ) {
    nodes {
      platformFamily {
        designation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlatformFamiliesTransferVolumesQuery, PlatformFamiliesTransferVolumesQueryVariables>;
export const PlatformFamiliesUpdatePlatformDocument = new TypedDocumentString(`
    mutation PlatformFamiliesUpdatePlatform($input: UpdatePlatformInput!) {
  updatePlatform(input: $input) {
    platform {
      family {
        designation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlatformFamiliesUpdatePlatformMutation, PlatformFamiliesUpdatePlatformMutationVariables>;
export const KazanRecordIssueQueryDocument = new TypedDocumentString(`
    query KazanRecordIssueQuery {
  deals(filter: {recipientCountry: ["MLI"], stage: [REPORTED_INTEREST]}) {
    totalCount
    edges {
      node {
        id
        stage
        supplier {
          name
        }
        recipient {
          name
        }
        items {
          platform {
            designation
            family {
              designation
            }
          }
        }
        events {
          type
          date {
            iso
          }
        }
        citations {
          excerpt
          source {
            url
            language
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KazanRecordIssueQueryQuery, KazanRecordIssueQueryQueryVariables>;
export const KazanRecordSourcesDocument = new TypedDocumentString(`
    query KazanRecordSources {
  deals(filter: {stage: [REPORTED_INTEREST]}) {
    nodes {
      events {
        type
        citations {
          source {
            url
          }
        }
      }
    }
  }
  sources(first: 100) {
    nodes {
      url
      title
      language
      publicationDate {
        iso
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KazanRecordSourcesQuery, KazanRecordSourcesQueryVariables>;
export const KazanRecordUnknownsDocument = new TypedDocumentString(`
    query KazanRecordUnknowns {
  deals(filter: {stage: [REPORTED_INTEREST]}) {
    nodes {
      orderDate {
        iso
      }
      reportedValue {
        amount
      }
      arrangement
      comments
      items {
        quantityOrdered {
          value
        }
        quantityDelivered {
          value
        }
        tivPerUnit
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KazanRecordUnknownsQuery, KazanRecordUnknownsQueryVariables>;
export const KazanRecordVisitDocument = new TypedDocumentString(`
    query KazanRecordVisit {
  deals(filter: {stage: [REPORTED_INTEREST]}) {
    nodes {
      events {
        type
        place
        description
        date {
          precision
          uncertain
        }
        actors {
          name
          parent {
            name
            parent {
              name
            }
          }
        }
        citations {
          source {
            url
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KazanRecordVisitQuery, KazanRecordVisitQueryVariables>;
export const KazanRecordFamiliesDocument = new TypedDocumentString(`
    query KazanRecordFamilies {
  platforms(filter: {designation: "Mi-8"}) {
    nodes {
      designation
      variants {
        designation
        variants {
          designation
          aliases {
            name
          }
        }
      }
    }
  }
  mi24: platforms(filter: {designation: "Mi-24"}) {
    nodes {
      producers {
        name
      }
      unrocaCategory
    }
  }
}
    `) as unknown as TypedDocumentString<KazanRecordFamiliesQuery, KazanRecordFamiliesQueryVariables>;
export const KazanRecordCyrillicAliasDocument = new TypedDocumentString(`
    query KazanRecordCyrillicAlias {
  platforms(filter: {designation: "Ми-171"}) {
    nodes {
      designation
    }
  }
}
    `) as unknown as TypedDocumentString<KazanRecordCyrillicAliasQuery, KazanRecordCyrillicAliasQueryVariables>;
export const LoaderFreshnessCitationsDocument = new TypedDocumentString(`
    query LoaderFreshnessCitations($id: ID!) {
  node(id: $id) {
    ... on Deal {
      citations {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LoaderFreshnessCitationsQuery, LoaderFreshnessCitationsQueryVariables>;
export const LoaderFreshnessTwoCitationsDocument = new TypedDocumentString(`
    mutation LoaderFreshnessTwoCitations($a: AddCitationInput!, $b: AddCitationInput!) {
  a: addCitation(input: $a) {
    ...LoaderFreshnessTargetCitations
  }
  b: addCitation(input: $b) {
    ...LoaderFreshnessTargetCitations
  }
}
    fragment LoaderFreshnessTargetCitations on CitationPayload {
  citation {
    target {
      ... on Deal {
        citations {
          id
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<LoaderFreshnessTwoCitationsMutation, LoaderFreshnessTwoCitationsMutationVariables>;
export const MutationsCreateDealDocument = new TypedDocumentString(`
    mutation MutationsCreateDeal($input: CreateDealInput!) {
  createDeal(input: $input) {
    deal {
      id
      stage
      version
      supplier {
        name
      }
      items {
        platform {
          designation
        }
        quantityOrdered {
          value
          uncertain
        }
      }
      citations {
        source {
          url
        }
      }
      history {
        action
        author
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MutationsCreateDealMutation, MutationsCreateDealMutationVariables>;
export const MutationsCreateDealCurrencyDocument = new TypedDocumentString(`
    mutation MutationsCreateDealCurrency($input: CreateDealInput!) {
  createDeal(input: $input) {
    deal {
      reportedValue {
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MutationsCreateDealCurrencyMutation, MutationsCreateDealCurrencyMutationVariables>;
export const MutationsUpdateDealCommentsDocument = new TypedDocumentString(`
    mutation MutationsUpdateDealComments($input: UpdateDealInput!) {
  updateDeal(input: $input) {
    deal {
      comments
      version
      history {
        changes {
          field
          from
          to
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MutationsUpdateDealCommentsMutation, MutationsUpdateDealCommentsMutationVariables>;
export const MutationsDealVersionDocument = new TypedDocumentString(`
    query MutationsDealVersion($id: ID!) {
  node(id: $id) {
    ... on Deal {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<MutationsDealVersionQuery, MutationsDealVersionQueryVariables>;
export const MutationsUpdateDealStageDocument = new TypedDocumentString(`
    mutation MutationsUpdateDealStage($input: UpdateDealInput!) {
  updateDeal(input: $input) {
    deal {
      stage
      history {
        action
        changes {
          field
          from
          to
        }
        sources {
          url
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MutationsUpdateDealStageMutation, MutationsUpdateDealStageMutationVariables>;
export const PaginationDealsDocument = new TypedDocumentString(`
    query PaginationDeals($f: DealFilter, $o: DealOrder, $first: Int, $after: String) {
  deals(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id
        orderDate {
          iso
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PaginationDealsQuery, PaginationDealsQueryVariables>;
export const PaginationNestedDocument = new TypedDocumentString(`
    query PaginationNested($id: ID!, $after: String) {
  node(id: $id) {
    ... on Actor {
      dealsAsSupplier(first: 10, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            orderDate {
              iso
            }
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PaginationNestedQuery, PaginationNestedQueryVariables>;
export const PaginationActorsDocument = new TypedDocumentString(`
    query PaginationActors($after: String) {
  actors(first: 2, after: $after) {
    nodes {
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PaginationActorsQuery, PaginationActorsQueryVariables>;
export const ProducersProducesDocument = new TypedDocumentString(`
    query ProducersProduces($id: ID!) {
  node(id: $id) {
    ... on Actor {
      produces {
        designation
        citations {
          producer {
            name
          }
          source {
            url
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProducersProducesQuery, ProducersProducesQueryVariables>;
export const ProducersOfPlatformDocument = new TypedDocumentString(`
    query ProducersOfPlatform($id: ID!) {
  node(id: $id) {
    ... on Platform {
      producers {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProducersOfPlatformQuery, ProducersOfPlatformQueryVariables>;
export const ProducersFamilySourcesDocument = new TypedDocumentString(`
    query ProducersFamilySources {
  platforms(filter: {designation: "Mi-"}, first: 100) {
    nodes {
      designation
      familySource {
        kind
        rule
        description
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProducersFamilySourcesQuery, ProducersFamilySourcesQueryVariables>;
export const RecordLifecycleRecipientDealCountDocument = new TypedDocumentString(`
    query RecordLifecycleRecipientDealCount($m: [ID!]) {
  deals(filter: {recipient: $m}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleRecipientDealCountQuery, RecordLifecycleRecipientDealCountQueryVariables>;
export const RecordLifecycleCreateActorDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreateActor($input: CreateActorInput!) {
  createActor(input: $input) {
    actor {
      id
      version
      isoAlpha2
      aliases {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreateActorMutation, RecordLifecycleCreateActorMutationVariables>;
export const RecordLifecycleCreateDealDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreateDeal($input: CreateDealInput!) {
  createDeal(input: $input) {
    deal {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreateDealMutation, RecordLifecycleCreateDealMutationVariables>;
export const RecordLifecycleCreatePlatformDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreatePlatform($input: CreatePlatformInput!) {
  createPlatform(input: $input) {
    platform {
      id
      family {
        designation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreatePlatformMutation, RecordLifecycleCreatePlatformMutationVariables>;
export const RecordLifecycleDealCountDocument = new TypedDocumentString(`
    query RecordLifecycleDealCount {
  deals {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleDealCountQuery, RecordLifecycleDealCountQueryVariables>;
export const RecordLifecycleMergeActorsDocument = new TypedDocumentString(`
    mutation RecordLifecycleMergeActors($input: MergeInput!) {
  mergeActors(input: $input) {
    actor {
      name
      aliases {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleMergeActorsMutation, RecordLifecycleMergeActorsMutationVariables>;
export const RecordLifecycleActorNodeDocument = new TypedDocumentString(`
    query RecordLifecycleActorNode($id: ID!) {
  node(id: $id) {
    id
    ... on Actor {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleActorNodeQuery, RecordLifecycleActorNodeQueryVariables>;
export const RecordLifecycleActorNamesDocument = new TypedDocumentString(`
    query RecordLifecycleActorNames {
  actors(first: 100) {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleActorNamesQuery, RecordLifecycleActorNamesQueryVariables>;
export const RecordLifecycleCreatePlatformIdDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreatePlatformId($input: CreatePlatformInput!) {
  createPlatform(input: $input) {
    platform {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreatePlatformIdMutation, RecordLifecycleCreatePlatformIdMutationVariables>;
export const RecordLifecyclePlatformNodeDocument = new TypedDocumentString(`
    query RecordLifecyclePlatformNode($id: ID!) {
  node(id: $id) {
    ... on Platform {
      designation
      aliases {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecyclePlatformNodeQuery, RecordLifecyclePlatformNodeQueryVariables>;
export const RecordLifecycleUpdatedSinceDocument = new TypedDocumentString(`
    query RecordLifecycleUpdatedSince($t: DateTime) {
  actors(filter: {updatedSince: $t}) {
    totalCount
  }
  platforms(filter: {updatedSince: $t}) {
    totalCount
  }
  sources(filter: {updatedSince: $t}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleUpdatedSinceQuery, RecordLifecycleUpdatedSinceQueryVariables>;
export const RecordLifecycleCreateDealPartiesDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreateDealParties($input: CreateDealInput!) {
  createDeal(input: $input) {
    deal {
      supplier {
        id
      }
      items {
        platform {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreateDealPartiesMutation, RecordLifecycleCreateDealPartiesMutationVariables>;
export const RecordLifecycleUpdateDealRecipientDocument = new TypedDocumentString(`
    mutation RecordLifecycleUpdateDealRecipient($input: UpdateDealInput!) {
  updateDeal(input: $input) {
    deal {
      recipient {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleUpdateDealRecipientMutation, RecordLifecycleUpdateDealRecipientMutationVariables>;
export const RecordLifecycleAddDealEventActorsDocument = new TypedDocumentString(`
    mutation RecordLifecycleAddDealEventActors($input: AddDealEventInput!) {
  addDealEvent(input: $input) {
    event {
      actors {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleAddDealEventActorsMutation, RecordLifecycleAddDealEventActorsMutationVariables>;
export const RecordLifecycleDealVersionDocument = new TypedDocumentString(`
    query RecordLifecycleDealVersion($id: ID!) {
  node(id: $id) {
    ... on Deal {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleDealVersionQuery, RecordLifecycleDealVersionQueryVariables>;
export const RecordLifecycleCreateActorOwnerDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreateActorOwner($input: CreateActorInput!) {
  createActor(input: $input) {
    actor {
      parent {
        id
      }
      country {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreateActorOwnerMutation, RecordLifecycleCreateActorOwnerMutationVariables>;
export const RecordLifecycleCreatePlatformLinksDocument = new TypedDocumentString(`
    mutation RecordLifecycleCreatePlatformLinks($input: CreatePlatformInput!) {
  createPlatform(input: $input) {
    platform {
      family {
        id
      }
      producers {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleCreatePlatformLinksMutation, RecordLifecycleCreatePlatformLinksMutationVariables>;
export const RecordLifecycleAddCitationTargetDocument = new TypedDocumentString(`
    mutation RecordLifecycleAddCitationTarget($input: AddCitationInput!) {
  addCitation(input: $input) {
    citation {
      target {
        ... on Actor {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordLifecycleAddCitationTargetMutation, RecordLifecycleAddCitationTargetMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($q: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      score
      snippet
      record {
        __typename
        ... on Platform {
          designation
        }
        ... on Actor {
          name
        }
        ... on Source {
          url
        }
        ... on Deal {
          comments
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const SearchUaeDocument = new TypedDocumentString(`
    query SearchUae {
  actors(filter: {country: ["ARE"], kind: [STATE]}) {
    nodes {
      id
      version
      aliases {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchUaeQuery, SearchUaeQueryVariables>;
export const SearchIvoryCoastDocument = new TypedDocumentString(`
    query SearchIvoryCoast {
  actors(filter: {country: ["CIV"], kind: [STATE]}) {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SearchIvoryCoastQuery, SearchIvoryCoastQueryVariables>;
export const SearchStatesByNameDocument = new TypedDocumentString(`
    query SearchStatesByName($q: String!) {
  actors(filter: {name: $q, kind: [STATE]}) {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SearchStatesByNameQuery, SearchStatesByNameQueryVariables>;
export const SipriExcerptApiDealsDocument = new TypedDocumentString(`
    query SipriExcerptApiDeals {
  deals(filter: {supplierCountry: ["RU"], recipientCountry: ["ML"]}, first: 100) {
    totalCount
    nodes {
      stage
      orderDate {
        iso
        uncertain
      }
      comments
      items {
        platform {
          designation
        }
        quantityOrdered {
          value
          uncertain
        }
        quantityDelivered {
          value
          uncertain
        }
        deliveryYears
        condition
        tivDelivered
        note
      }
      citations {
        locator
        source {
          kind
          publisher
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SipriExcerptApiDealsQuery, SipriExcerptApiDealsQueryVariables>;
export const SipriExcerptApiDeals2Document = new TypedDocumentString(`
    query SipriExcerptApiDeals2 {
  deals(filter: {recipientCountry: ["NER"]}, first: 1) {
    nodes {
      history {
        action
        author
        reason
        sources {
          kind
        }
      }
    }
  }
  changes(first: 100) {
    nodes {
      recordType
      author
    }
  }
}
    `) as unknown as TypedDocumentString<SipriExcerptApiDeals2Query, SipriExcerptApiDeals2QueryVariables>;
export const SipriExcerptApiPlatformsDocument = new TypedDocumentString(`
    query SipriExcerptApiPlatforms {
  platforms(filter: {designation: "Mi-8"}) {
    nodes {
      id
      designation
    }
  }
}
    `) as unknown as TypedDocumentString<SipriExcerptApiPlatformsQuery, SipriExcerptApiPlatformsQueryVariables>;
export const SipriExcerptApiDeals3Document = new TypedDocumentString(`
    query SipriExcerptApiDeals3($p: [ID!]) {
  deals(filter: {platform: $p, recipientCountry: ["MLI"]}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SipriExcerptApiDeals3Query, SipriExcerptApiDeals3QueryVariables>;
export const ReleaseUpdateDealCountDocument = new TypedDocumentString(`
    query ReleaseUpdateDealCount($f: DealFilter) {
  deals(filter: $f, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ReleaseUpdateDealCountQuery, ReleaseUpdateDealCountQueryVariables>;
export const ReleaseUpdateCorrectedDealDocument = new TypedDocumentString(`
    query ReleaseUpdateCorrectedDeal($id: ID!) {
  node(id: $id) {
    ... on Deal {
      retirement {
        retiredAt
      }
      items {
        quantityOrdered {
          value
        }
      }
      sipriRecords {
        match
        matchNote
        release {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReleaseUpdateCorrectedDealQuery, ReleaseUpdateCorrectedDealQueryVariables>;
export const ReleaseUpdateRetiredDealDocument = new TypedDocumentString(`
    query ReleaseUpdateRetiredDeal($id: ID!) {
  node(id: $id) {
    ... on Deal {
      retirement {
        retiredAt
        release {
          id
          generatedText
        }
      }
      history {
        action
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReleaseUpdateRetiredDealQuery, ReleaseUpdateRetiredDealQueryVariables>;
export const ReleaseUpdateDealIdsDocument = new TypedDocumentString(`
    query ReleaseUpdateDealIds($f: DealFilter) {
  deals(filter: $f, first: 100) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ReleaseUpdateDealIdsQuery, ReleaseUpdateDealIdsQueryVariables>;
export const ReleaseUpdateChangesDocument = new TypedDocumentString(`
    query ReleaseUpdateChanges($from: ID!, $to: ID!, $kind: [ReleaseChangeKind!]) {
  releaseChanges(from: $from, to: $to, kind: $kind, first: 5) {
    totalCount
    nodes {
      kind
      deal {
        id
      }
      fromRecord {
        line
      }
      toRecord {
        line
      }
      changes {
        field
        from
        to
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReleaseUpdateChangesQuery, ReleaseUpdateChangesQueryVariables>;
export const Volumes2024SuppliersDocument = new TypedDocumentString(`
    query Volumes2024Suppliers($after: String) {
  actors: suppliers(first: 100, after: $after) {
    nodes {
      id
      name
      aliases {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<Volumes2024SuppliersQuery, Volumes2024SuppliersQueryVariables>;
export const Volumes2024RecipientsDocument = new TypedDocumentString(`
    query Volumes2024Recipients($after: String) {
  actors: recipients(first: 100, after: $after) {
    nodes {
      id
      name
      aliases {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<Volumes2024RecipientsQuery, Volumes2024RecipientsQueryVariables>;
export const VolumesByRecipientDocument = new TypedDocumentString(`
    query VolumesByRecipient($f: DealFilter, $after: String) {
  transferVolumes(filter: $f, groupBy: [RECIPIENT], first: 100, after: $after) {
    nodes {
      recipient {
        id
        name
        aliases {
          name
        }
      }
      tivDelivered
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<VolumesByRecipientQuery, VolumesByRecipientQueryVariables>;
export const VolumesBySupplierDocument = new TypedDocumentString(`
    query VolumesBySupplier($f: DealFilter, $after: String) {
  transferVolumes(filter: $f, groupBy: [SUPPLIER], first: 100, after: $after) {
    nodes {
      supplier {
        id
        name
        aliases {
          name
        }
      }
      tivDelivered
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<VolumesBySupplierQuery, VolumesBySupplierQueryVariables>;
export const YearlyRowsTransferVolumesDocument = new TypedDocumentString(`
    query YearlyRowsTransferVolumes($after: String, $m: DeliveryYearMethod) {
  transferVolumes(
    groupBy: [DELIVERY_YEAR]
    deliveryYears: $m
    first: 100
    after: $after
  ) {
    totalCount
    nodes {
      tivDelivered
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<YearlyRowsTransferVolumesQuery, YearlyRowsTransferVolumesQueryVariables>;
export const FeedEntriesDocument = new TypedDocumentString(`
    query FeedEntries($after: String) {
  changes(after: $after, first: 100) {
    nodes {
      recordId
      action
      reason
      record {
        id
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FeedEntriesQuery, FeedEntriesQueryVariables>;
export const VariantLinksPlatformDealsDocument = new TypedDocumentString(`
    query VariantLinksPlatformDeals($id: ID!) {
  node(id: $id) {
    ... on Platform {
      deals(first: 100) {
        totalCount
        nodes {
          ...VariantLinksDeal
        }
      }
    }
  }
}
    fragment VariantLinksDeal on Deal {
  recipient {
    name
  }
  orderDate {
    iso
  }
  items {
    platform {
      designation
    }
    variant {
      designation
    }
    note
  }
}`) as unknown as TypedDocumentString<VariantLinksPlatformDealsQuery, VariantLinksPlatformDealsQueryVariables>;
export const VariantLinksFamilyDealsDocument = new TypedDocumentString(`
    query VariantLinksFamilyDeals($p: [ID!]) {
  deals(filter: {platform: $p}, first: 100) {
    nodes {
      ...VariantLinksDeal
    }
  }
}
    fragment VariantLinksDeal on Deal {
  recipient {
    name
  }
  orderDate {
    iso
  }
  items {
    platform {
      designation
    }
    variant {
      designation
    }
    note
  }
}`) as unknown as TypedDocumentString<VariantLinksFamilyDealsQuery, VariantLinksFamilyDealsQueryVariables>;
export const VariantLinksTransferVolumesDocument = new TypedDocumentString(`
    query VariantLinksTransferVolumes($p: [ID!]) {
  transferVolumes(filter: {platform: $p}, groupBy: [STAGE]) {
    nodes {
      dealCount
      unitsOrdered
    }
  }
}
    `) as unknown as TypedDocumentString<VariantLinksTransferVolumesQuery, VariantLinksTransferVolumesQueryVariables>;
export const VariantLinksReleaseDealsDocument = new TypedDocumentString(`
    query VariantLinksReleaseDeals($r: ID!, $p: [ID!]) {
  deals(filter: {release: $r, platform: $p}, first: 100) {
    nodes {
      ...VariantLinksDeal
    }
  }
}
    fragment VariantLinksDeal on Deal {
  recipient {
    name
  }
  orderDate {
    iso
  }
  items {
    platform {
      designation
    }
    variant {
      designation
    }
    note
  }
}`) as unknown as TypedDocumentString<VariantLinksReleaseDealsQuery, VariantLinksReleaseDealsQueryVariables>;
export const VolumesTransferVolumesDocument = new TypedDocumentString(`
    query VolumesTransferVolumes($filter: DealFilter, $groupBy: [VolumeDimension!]!, $orderBy: VolumeOrder, $first: Int, $after: String, $method: DeliveryYearMethod) {
  transferVolumes(
    filter: $filter
    groupBy: $groupBy
    orderBy: $orderBy
    first: $first
    after: $after
    deliveryYears: $method
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
    }
    edges {
      cursor
    }
    nodes {
      ...VolumesRow
    }
  }
}
    fragment VolumesRow on VolumeRow {
  year
  orderYear
  deliveryYear
  supplier {
    id
    name
  }
  recipient {
    id
    name
  }
  category
  platformFamily {
    id
    designation
  }
  stage
  deliveryYearMethod
  dealCount
  unitsOrdered
  unitsDelivered
  tivOrdered
  tivDelivered
}`) as unknown as TypedDocumentString<VolumesTransferVolumesQuery, VolumesTransferVolumesQueryVariables>;
export const VolumesDealsDocument = new TypedDocumentString(`
    query VolumesDeals($f: DealFilter) {
  deals(filter: $f, first: 100) {
    nodes {
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<VolumesDealsQuery, VolumesDealsQueryVariables>;