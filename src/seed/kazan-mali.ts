// Seed data: the reference actors and platform families, and the Kazan/Mali record of June 2025.
// Every value here comes from a cited fact in shared/DESIGN.md; what is not known stays null.
import type { InferInsertModel } from 'drizzle-orm';
import type * as schema from '../db/schema.js';
import { naturalKeys, stableUuid } from '../db/stable-id.js';
import { referenceAliasesOfState } from '../reference/state-aliases.js';

type Tables = typeof schema;
type Insert<
  T extends
    | 'actors'
    | 'actorAliases'
    | 'platforms'
    | 'platformAliases'
    | 'platformProducers'
    | 'sources'
    | 'deals'
    | 'dealItems'
    | 'dealEvents'
    | 'dealEventActors'
    | 'citations',
> = InferInsertModel<Tables[T]>;

const stateId = (alpha3: string) => stableUuid(naturalKeys.state(alpha3));
const actorId = (name: string) => stableUuid(naturalKeys.actor(name));
const platformId = (designation: string) => stableUuid(naturalKeys.platform(designation));
const sourceId = (url: string) => stableUuid(naturalKeys.source(url));

const KAZAN_7500_URL =
  'https://defaiya.com/news/International%20News/Russia/2014/05/28/kazan-helicopters-produces-7-500th-mi-8-17-helicopter';
const ULAN_UDE_750_URL =
  'https://www.upi.com/Defense-News/2013/08/22/750th-Mi-8AMT-helicopter-produced/90551377229214/';
const ROSTVERTOL_URL =
  'https://flightglobal.com/mil-expects-revenue-boost-from-upgrade-order/43124.article';

export const ids = {
  russia: stateId('RUS'),
  mali: stateId('MLI'),
  rostec: actorId('Rostec'),
  russianHelicopters: actorId('Russian Helicopters'),
  kazanHelicopterPlant: actorId('Kazan Helicopter Plant'),
  rostvertol: actorId('Rostvertol'),
  ulanUde: actorId('Ulan-Ude Aviation Plant'),
  mi8: platformId('Mi-8'),
  mi17: platformId('Mi-17'),
  mi171: platformId('Mi-171'),
  mi171sh: platformId('Mi-171Sh'),
  mi24: platformId('Mi-24'),
  mi35: platformId('Mi-35'),
  mi35m: platformId('Mi-35M'),
  kazanDeal: stableUuid('deal:seed:kazan-mali-2025'),
  kazanVisit: stableUuid('event:seed:kazan-mali-2025:visit'),
  kazanTalks: stableUuid('event:seed:kazan-mali-2025:talks'),
  eurasiaFocus: sourceId('https://eurasiafocus.com/9976-2/'),
  essor: sourceId('http://news.abamako.com/h/300986.html'),
  sputnik: sourceId('http://news.abamako.com/h/300967.html'),
  rtOnline: sourceId('https://today.29ru.net/kazan/406403217'),
  sahelLiberty: sourceId(
    'https://sahellibertynews.com/2025/06/26/mali-transitional-president-his-excellency-general-assimi-goita-in-tatarstan',
  ),
  kazan7500: sourceId(KAZAN_7500_URL),
  ulanUde750: sourceId(ULAN_UDE_750_URL),
  rostvertolUpgrade: sourceId(ROSTVERTOL_URL),
};

export const seedActors: Insert<'actors'>[] = [
  {
    id: ids.russia,
    kind: 'STATE',
    name: 'Russia',
    isoAlpha2: 'RU',
    isoAlpha3: 'RUS',
    isoNumeric: '643',
  },
  {
    id: ids.mali,
    kind: 'STATE',
    name: 'Mali',
    isoAlpha2: 'ML',
    isoAlpha3: 'MLI',
    isoNumeric: '466',
  },
  { id: ids.rostec, kind: 'COMPANY', name: 'Rostec', countryId: ids.russia },
  {
    id: ids.russianHelicopters,
    kind: 'COMPANY',
    name: 'Russian Helicopters',
    parentId: ids.rostec,
    countryId: ids.russia,
  },
  {
    id: ids.kazanHelicopterPlant,
    kind: 'COMPANY',
    name: 'Kazan Helicopter Plant',
    parentId: ids.russianHelicopters,
    countryId: ids.russia,
    description: 'Helicopter maker in Kazan, Tatarstan.',
  },
  {
    id: ids.rostvertol,
    kind: 'COMPANY',
    name: 'Rostvertol',
    countryId: ids.russia,
    description: 'Helicopter maker in Rostov-on-Don; builds the Mi-24/Mi-35.',
  },
  {
    id: ids.ulanUde,
    kind: 'COMPANY',
    name: 'Ulan-Ude Aviation Plant',
    countryId: ids.russia,
    description: 'Helicopter maker in Ulan-Ude; builds the Mi-171 (export name of the Mi-8AMT).',
  },
];

// The states' names in English, French and Russian (Russie, Россия…), as every state gets them.
export const seedActorAliases: Insert<'actorAliases'>[] = [
  ...referenceAliasesOfState({ isoAlpha3: 'RUS', name: 'Russia' }).map((a) => ({
    actorId: ids.russia,
    ...a,
  })),
  ...referenceAliasesOfState({ isoAlpha3: 'MLI', name: 'Mali' }).map((a) => ({
    actorId: ids.mali,
    ...a,
  })),
  { actorId: ids.kazanHelicopterPlant, alias: 'PJSC Kazan Helicopter Plant', language: 'en' },
  { actorId: ids.kazanHelicopterPlant, alias: 'KVZ', language: null },
];

// Parents come before children so that each insert finds its parent. The family links are
// DESIGN.md's, curated: `editor`, so no import's rule replaces them.
export const seedPlatforms: Insert<'platforms'>[] = [
  { id: ids.mi8, designation: 'Mi-8', category: 'AIRCRAFT', description: 'transport helicopter' },
  {
    id: ids.mi17,
    designation: 'Mi-17',
    parentId: ids.mi8,
    familySource: 'editor',
    category: 'AIRCRAFT',
    description: 'transport helicopter',
  },
  {
    id: ids.mi171,
    designation: 'Mi-171',
    parentId: ids.mi17,
    familySource: 'editor',
    category: 'AIRCRAFT',
    description: 'transport helicopter',
  },
  {
    id: ids.mi171sh,
    designation: 'Mi-171Sh',
    parentId: ids.mi171,
    familySource: 'editor',
    category: 'AIRCRAFT',
    description: 'transport helicopter',
  },
  {
    id: ids.mi24,
    designation: 'Mi-24',
    category: 'AIRCRAFT',
    unrocaCategory: 'V_ATTACK_HELICOPTERS',
    description: 'attack helicopter',
  },
  {
    id: ids.mi35,
    designation: 'Mi-35',
    parentId: ids.mi24,
    familySource: 'editor',
    category: 'AIRCRAFT',
    unrocaCategory: 'V_ATTACK_HELICOPTERS',
    description: 'attack helicopter',
  },
  {
    id: ids.mi35m,
    designation: 'Mi-35M',
    parentId: ids.mi35,
    familySource: 'editor',
    category: 'AIRCRAFT',
    unrocaCategory: 'V_ATTACK_HELICOPTERS',
    description: 'attack helicopter',
  },
];

export const seedPlatformAliases: Insert<'platformAliases'>[] = [
  { platformId: ids.mi171sh, alias: 'Ми-171Ш', language: 'ru' },
  { platformId: ids.mi171sh, alias: 'Mi-8AMTSh', language: null },
];

/**
 * Who builds what, by DESIGN.md's sources, each claim with the designations it names. A link
 * is written for each designation that is a platform of the database, and cited on that
 * platform (Citation.producer names the producer): the seed has the Mi-8, Mi-17, Mi-171,
 * Mi-171Sh, Mi-24, Mi-35 and Mi-35M; migration 0006 also links SIPRI's imported Mi-26 and
 * Mi-38 where a database holds them. Exact designations only: a producer is not inherited by a
 * family's other variants (the Mi-171, a Mi-17 in the tree, is built at Ulan-Ude, not Kazan).
 */
export const producerClaims: {
  producerId: string;
  sourceId: string;
  designations: string[];
}[] = [
  // Russian Helicopters' release: KVZ builds the Mi-8/17 family (Mi-8MTV-1, exported as
  // Mi-171V; Mi-8MTV-5, exported as Mi-17V-5), the Mi-38 and the Ansat.
  {
    producerId: ids.kazanHelicopterPlant,
    sourceId: ids.kazan7500,
    designations: [
      'Mi-8',
      'Mi-17',
      'Mi-8MTV-1',
      'Mi-171V',
      'Mi-8MTV-5',
      'Mi-17V-5',
      'Mi-38',
      'Ansat',
    ],
  },
  // Ulan-Ude builds the Mi-171 (export name of the Mi-8AMT) and the Mi-171Sh.
  {
    producerId: ids.ulanUde,
    sourceId: ids.ulanUde750,
    designations: ['Mi-171', 'Mi-8AMT', 'Mi-171Sh'],
  },
  // Rostvertol builds the Mi-24/35 (the seeded Mi-35M is a Mi-35), the Mi-26 and the Mi-28.
  {
    producerId: ids.rostvertol,
    sourceId: ids.rostvertolUpgrade,
    designations: ['Mi-24', 'Mi-35', 'Mi-35M', 'Mi-26', 'Mi-28'],
  },
];

/**
 * The platform IDs a claimed designation can have: the seed's, and an import's (a SIPRI
 * designation of the AIRCRAFT category, src/import/sipri-lookups.ts).
 */
export function claimedPlatformIds(designation: string): string[] {
  return [platformId(designation), stableUuid(`${naturalKeys.platform(designation)}|aircraft`)];
}

/** Every producer link a claim supports, among these platform IDs, with its citation's ID. */
export function producerLinks(platformIds: ReadonlySet<string>) {
  return producerClaims.flatMap((claim) =>
    claim.designations.flatMap((designation) =>
      claimedPlatformIds(designation)
        .filter((id) => platformIds.has(id))
        .map((platformId) => ({
          designation,
          platformId,
          producerId: claim.producerId,
          sourceId: claim.sourceId,
          citationId: stableUuid(`citation:producer:${platformId}:${claim.producerId}`),
        })),
    ),
  );
}

const seededProducerLinks = producerLinks(new Set(seedPlatforms.map((p) => p.id!)));

export const seedPlatformProducers: Insert<'platformProducers'>[] = seededProducerLinks.map(
  (l) => ({ platformId: l.platformId, producerId: l.producerId }),
);

export const seedSources: Insert<'sources'>[] = [
  {
    id: ids.eurasiaFocus,
    kind: 'NEWS',
    publisher: 'eurasiafocus.com',
    url: 'https://eurasiafocus.com/9976-2/',
    language: 'fr',
    note: 'Title and publication date unknown; published on or after the visit of 26 June 2025.',
  },
  {
    id: ids.essor,
    kind: 'NEWS',
    title:
      "Visite officielle du Chef de l'État en Russie : Le Tatarstan ouvre ses industries " +
      'automobiles civiles et militaires au Président Assimi Goïta',
    publisher: "L'Essor (Malian state daily), republished by abamako.com",
    url: 'http://news.abamako.com/h/300986.html',
    publishedYear: 2025,
    publishedMonth: 6,
    publishedDay: 27,
    language: 'fr',
    note: 'Publication date is that of the abamako.com republication.',
  },
  {
    id: ids.sputnik,
    kind: 'NEWS',
    title:
      "Kamaz, hélicoptères Mi, raffinerie d'or: de quoi a-t-il parlé le Président malien au Tatarstan?",
    publisher: 'Sputnik, republished by abamako.com',
    url: 'http://news.abamako.com/h/300967.html',
    publishedYear: 2025,
    publishedMonth: 6,
    publishedDay: 26,
    language: 'fr',
    note: 'Credited "Spuniknews". Publication date is that of the abamako.com republication.',
  },
  // Corroborating sources: no excerpt is quoted from them beyond their titles.
  {
    id: ids.rtOnline,
    kind: 'NEWS',
    title: 'Президент Мали оценил казанские вертолеты и потенциал Татарстана',
    publisher: 'Respublika Tatarstan / RT-Online, aggregator copy',
    url: 'https://today.29ru.net/kazan/406403217',
    language: 'ru',
    note:
      'Aggregator copy; publication date not visible. Reports the visit to the plant, where KVZ ' +
      'helicopters and their newest upgrades were shown.',
  },
  {
    id: ids.sahelLiberty,
    kind: 'NEWS',
    title: 'Mali: Transitional President His Excellency General Assimi GOÏTA in Tatarstan',
    publisher: 'Sahel Liberty News',
    url: 'https://sahellibertynews.com/2025/06/26/mali-transitional-president-his-excellency-general-assimi-goita-in-tatarstan',
    publishedYear: 2025,
    publishedMonth: 6,
    publishedDay: 26,
    language: 'en',
    note: "Reports the meeting with Tatarstan's head Rustam Minnikhanov; does not mention the plant.",
  },
  // The producers' sources (DESIGN.md): titles and languages are not given there, so null.
  {
    id: ids.kazan7500,
    kind: 'INDUSTRY',
    publisher: 'Russian Helicopters, republished by defaiya.com',
    url: KAZAN_7500_URL,
    publishedYear: 2014,
    note:
      'Russian Helicopters release (2014): the Kazan Helicopter Plant builds the Mi-8/17 family ' +
      '(Mi-8MTV-1, exported as Mi-171V; Mi-8MTV-5, exported as Mi-17V-5), the Mi-38 and the Ansat.',
  },
  {
    id: ids.ulanUde750,
    kind: 'NEWS',
    publisher: 'UPI',
    url: ULAN_UDE_750_URL,
    note: 'Ulan-Ude Aviation Plant builds the Mi-171 (export name of the Mi-8AMT) and the Mi-171Sh.',
  },
  {
    id: ids.rostvertolUpgrade,
    kind: 'NEWS',
    publisher: 'FlightGlobal',
    url: ROSTVERTOL_URL,
    note: 'Rostvertol (Rostov-on-Don) builds the Mi-24/35, the Mi-26 and the Mi-28.',
  },
];

export const seedDeals: Insert<'deals'>[] = [
  {
    id: ids.kazanDeal,
    supplierId: ids.russia,
    recipientId: ids.mali,
    stage: 'REPORTED_INTEREST',
    arrangement: 'UNKNOWN',
    comments:
      'Reported interest, not an order: Mali discussed acquiring Mi-171 transport and Mi-35 ' +
      'combat helicopters during a visit to the Kazan Helicopter Plant in June 2025. ' +
      'Caveat: the Mi-24/Mi-35 are built by Rostvertol in Rostov-on-Don, not in Kazan; the ' +
      'article\'s "Mi-35" is the type discussed, not a Kazan product.',
  },
];

export const seedDealItems: Insert<'dealItems'>[] = [
  {
    id: stableUuid('item:seed:kazan-mali-2025:0'),
    dealId: ids.kazanDeal,
    position: 0,
    platformId: ids.mi171,
  },
  {
    id: stableUuid('item:seed:kazan-mali-2025:1'),
    dealId: ids.kazanDeal,
    position: 1,
    platformId: ids.mi35,
  },
];

export const seedDealEvents: Insert<'dealEvents'>[] = [
  {
    id: ids.kazanTalks,
    dealId: ids.kazanDeal,
    type: 'REPORTED_INTEREST',
    dateYear: 2025,
    dateMonth: 6,
    dateDay: 25,
    place: 'Kazan, Tatarstan, Russia',
    description: 'Mali states its interest in Mi-series helicopters in talks in Kazan.',
  },
  {
    id: ids.kazanVisit,
    dealId: ids.kazanDeal,
    type: 'VISIT',
    dateYear: 2025,
    dateMonth: 6,
    dateDay: 26,
    place: 'Kazan, Tatarstan, Russia',
    description:
      "Mali's transitional president Assimi Goïta and a delegation visit the Kazan Helicopter " +
      'Plant (PJSC Kazan Helicopter Plant, KVZ, part of Russian Helicopters within Rostec) in ' +
      'the morning.',
  },
];

export const seedDealEventActors: Insert<'dealEventActors'>[] = [
  { eventId: ids.kazanTalks, actorId: ids.mali },
  { eventId: ids.kazanVisit, actorId: ids.mali },
  { eventId: ids.kazanVisit, actorId: ids.kazanHelicopterPlant },
];

const EURASIA_EXCERPT =
  "La visite a pour objectif de discuter de la possibilité d'acquérir ces aéronefs de combat et de transport";

export const seedCitations: Insert<'citations'>[] = [
  {
    id: stableUuid('citation:seed:kazan-deal:eurasiafocus'),
    sourceId: ids.eurasiaFocus,
    dealId: ids.kazanDeal,
    excerpt: EURASIA_EXCERPT,
    translation:
      'The purpose of the visit is to discuss the possibility of acquiring these combat and transport aircraft',
    stance: 'ASSERTS',
  },
  {
    id: stableUuid('citation:seed:kazan-deal:essor'),
    sourceId: ids.essor,
    dealId: ids.kazanDeal,
    stance: 'ASSERTS',
  },
  {
    id: stableUuid('citation:seed:kazan-deal:sputnik'),
    sourceId: ids.sputnik,
    dealId: ids.kazanDeal,
    stance: 'ASSERTS',
  },
  {
    id: stableUuid('citation:seed:kazan-visit:essor'),
    sourceId: ids.essor,
    eventId: ids.kazanVisit,
    stance: 'ASSERTS',
  },
  {
    id: stableUuid('citation:seed:kazan-visit:eurasiafocus'),
    sourceId: ids.eurasiaFocus,
    eventId: ids.kazanVisit,
    excerpt: EURASIA_EXCERPT,
    stance: 'ASSERTS',
  },
  {
    id: stableUuid('citation:seed:kazan-talks:sputnik'),
    sourceId: ids.sputnik,
    eventId: ids.kazanTalks,
    stance: 'ASSERTS',
  },
  {
    id: stableUuid('citation:seed:kazan-visit:rt-online'),
    sourceId: ids.rtOnline,
    eventId: ids.kazanVisit,
    stance: 'ASSERTS',
  },
  // It reports the 25 June talks in Tatarstan, not the plant visit.
  {
    id: stableUuid('citation:seed:kazan-talks:sahel-liberty'),
    sourceId: ids.sahelLiberty,
    eventId: ids.kazanTalks,
    stance: 'ASSERTS',
  },
  // Each producer link, cited on its platform; no excerpt is quoted (DESIGN.md gives none).
  ...seededProducerLinks.map((l) => ({
    id: l.citationId,
    sourceId: l.sourceId,
    platformId: l.platformId,
    producerId: l.producerId,
    stance: 'ASSERTS' as const,
  })),
];
