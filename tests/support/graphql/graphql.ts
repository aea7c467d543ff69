/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Another name for an actor or platform, to record. */
export type AliasInput = {
  /** Its language or script as a BCP 47 tag, when known. */
  language?: string | null | undefined;
  /** The other name. */
  name: string;
};

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

export type HowToCiteNodesQueryVariables = Exact<{
  id: string | number;
}>;


export type HowToCiteNodesQuery = { nodes: Array<
    | { id: string, howToCite: string }
    | Record<PropertyKey, never>
   | null> };

export type PlatformFamiliesTransferVolumesQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformFamiliesTransferVolumesQuery = { transferVolumes: { nodes: Array<{ platformFamily: { designation: string } | null }> } };

export type PlatformFamiliesUpdatePlatformMutationVariables = Exact<{
  input: UpdatePlatformInput;
}>;


export type PlatformFamiliesUpdatePlatformMutation = { updatePlatform: { platform: { family: { designation: string } | null } } };

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

export type Volumes2024TransferVolumesQueryVariables = Exact<{
  after?: string | null | undefined;
  m?: DeliveryYearMethod | null | undefined;
}>;


export type Volumes2024TransferVolumesQuery = { transferVolumes: { totalCount: number, nodes: Array<{ tivDelivered: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VariantLinksTransferVolumesQueryVariables = Exact<{
  p?: Array<string | number> | string | number | null | undefined;
}>;


export type VariantLinksTransferVolumesQuery = { transferVolumes: { nodes: Array<{ dealCount: number, unitsOrdered: number | null }> } };

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
export const Volumes2024TransferVolumesDocument = new TypedDocumentString(`
    query Volumes2024TransferVolumes($after: String, $m: DeliveryYearMethod) {
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
    `) as unknown as TypedDocumentString<Volumes2024TransferVolumesQuery, Volumes2024TransferVolumesQueryVariables>;
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
export const VolumesDealsDocument = new TypedDocumentString(`
    query VolumesDeals($f: DealFilter) {
  deals(filter: $f, first: 100) {
    nodes {
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<VolumesDealsQuery, VolumesDealsQueryVariables>;