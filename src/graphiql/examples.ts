// GraphiQL: the example queries — the one source for the GraphiQL picker, docs/queries.md and
// the test that runs each of them. Written against today's schema only: docs:queries refuses
// text about features to come (scripts/queries-doc.ts).
import { toGlobalId } from '../graphql/global-id.js';
import { ids } from '../seed/kazan-mali.js';
import { SIPRI_EXCERPT_RELEASE_ID } from '../seed/sipri-excerpt.js';
import type { GraphiQLExample } from './example.js';

// Seeded records have name-based IDs, the same in every database, so an example may name one.
const MI8_FAMILY_ID = toGlobalId('Platform', ids.mi8);
// The Sahel excerpt's release: its ID comes from its content, the same in every database.
const SAHEL_EXCERPT_RELEASE = toGlobalId('SipriRelease', SIPRI_EXCERPT_RELEASE_ID);

export const graphiqlExamples: readonly GraphiQLExample[] = [
  {
    id: 'kazan-mali-reported-interest',
    link: 'kazan',
    title: 'Kazan, June 2025: Mali eyes Russian helicopters',
    explanation:
      'The reported-interest record: items, timeline, and every source with its excerpt and stance.',
    needsSipriExcerpt: false,
    notes:
      'Stage REPORTED_INTEREST means no order is known. Quantities are null because no source ' +
      'gives them. The comments keep a caveat: the Mi-35 is built by Rostvertol in ' +
      'Rostov-on-Don, not in Kazan.',
    query: `query KazanMaliReportedInterest {
  deals(
    filter: {
      supplierCountry: ["RU"]
      recipientCountry: ["ML"]
      stage: [REPORTED_INTEREST]
    }
  ) {
    totalCount
    nodes {
      stage
      supplier { name }
      recipient { name }
      # Who reports it, and how firmly
      citations {
        source {
          url
          publisher
          language
          publicationDate { iso }
        }
        excerpt
        translation
        stance
      }
      items {
        platform {
          designation
          description
          family { designation }
        }
        quantityOrdered { value uncertain }
      }
      events {
        type
        date { iso }
        place
        description
        actors { name kind }
      }
      comments
    }
  }
}
`,
  },
  {
    id: 'mali-received-from-russia',
    link: 'mali-russia',
    title: 'Everything Mali received from Russia',
    explanation:
      'Deals from Russia to Mali with deliveries, oldest order first: what, how many, when, SIPRI TIV.',
    needsSipriExcerpt: true,
    notes:
      'Deliveries come from the SIPRI excerpt. TIV (trend-indicator value) is SIPRI’s volume ' +
      'index in millions, not money; a reported deal value, when there is one, is in ' +
      '`reportedValue`, in the currency reported. Remove the `stage` condition to see orders ' +
      'and reported interest too. Soviet-era deals have the Soviet Union, not Russia, as ' +
      'supplier.',
    query: `query MaliReceivedFromRussia {
  deals(
    filter: {
      supplierCountry: ["RU"]
      recipientCountry: ["ML"]
      # Only deals with deliveries; drop this line to include orders and rumours.
      stage: [DELIVERING, DELIVERED]
    }
    orderBy: { field: ORDER_DATE, direction: ASC }
    first: 100
  ) {
    totalCount
    nodes {
      orderDate { iso }
      stage
      arrangement
      items {
        platform { designation family { designation } }
        # The variant SIPRI's comment names, when Armstrail knows it (Mi-171Sh on a "Mi-17").
        variant { designation }
        description
        condition
        quantityOrdered { value uncertain }
        quantityDelivered { value uncertain }
        deliveryYears
        tivDelivered
        note
      }
      reportedValue { amount currency covers }
      comments
      citations { locator source { title publisher } }
    }
  }
}
`,
  },
  {
    id: 'sahel-russian-helicopters',
    link: 'sahel-helicopters',
    title: 'Russian helicopter deals with Sahel states',
    explanation:
      'Aircraft deals from Russia to Mali, Burkina Faso, Niger, Chad and Mauritania; the item says which are helicopters.',
    needsSipriExcerpt: true,
    notes:
      'The API has no helicopter-only filter: SIPRI’s AIRCRAFT category covers helicopters and ' +
      'planes, so read each item’s `description` ("transport helicopter", "combat helicopter"). ' +
      'The Kazan record is among the answers; the rest comes from the SIPRI excerpt. ' +
      '`transferVolumes` with this filter and `groupBy: [PLATFORM_FAMILY]` gives totals per ' +
      'family. (`search` does not help here: it does not read item descriptions.)',
    query: `query SahelRussianHelicopters {
  deals(
    filter: {
      supplierCountry: ["RU"]
      # Mali, Burkina Faso, Niger, Chad, Mauritania: the Sahel states of the SIPRI excerpt
      recipientCountry: ["ML", "BF", "NE", "TD", "MR"]
      # Helicopters and planes; the item description tells them apart.
      category: [AIRCRAFT]
    }
    first: 100
  ) {
    totalCount
    nodes {
      recipient { name }
      stage
      orderDate { iso }
      items {
        description
        platform { designation description family { designation } }
        quantityOrdered { value uncertain }
        deliveryYears
      }
    }
  }
}
`,
  },
  {
    id: 'search-goita',
    link: 'goita',
    title: 'Where does Assimi Goïta appear?',
    explanation:
      'A search for “Goita”, spelled without the diaeresis: the records that name Goïta, best first, with the matching passage.',
    needsSipriExcerpt: false,
    notes:
      'Search ignores accents and punctuation, reads source excerpts in their own language ' +
      '(hélicoptères finds hélicoptère) and matches designations however written (mi 171 sh, ' +
      'Ми-171Ш). The snippet marks the matching words between « and ».',
    query: `query WhereIsGoita {
  search(query: "Goita") {
    totalCount
    nodes {
      score
      snippet
      record {
        __typename
        ... on Deal {
          stage
          supplier { name }
          recipient { name }
          events { type date { iso } place description citations { source { url } } }
        }
        ... on Source { publisher url }
      }
    }
  }
}
`,
  },
  {
    id: 'uncertain-quantities',
    link: 'quantities',
    title: 'How sure are the numbers?',
    explanation:
      'Quantities in Mali’s deals as value, range and an uncertain flag (SIPRI’s “?”); null means unknown.',
    needsSipriExcerpt: true,
    notes:
      'Look for `uncertain: true` (the source gives the figure with doubt) and for `null` (no ' +
      'figure at all, never zero). The Kazan record has no quantities; SIPRI marks many ' +
      'estimates with "?". ' +
      'DealFilter cannot select uncertain quantities, so the query reads every deal.',
    query: `query UncertainQuantities {
  deals(filter: { recipientCountry: ["ML"] }, first: 100) {
    totalCount
    nodes {
      supplier { name }
      stage
      orderDate { iso uncertain }
      items {
        platform { designation }
        quantityOrdered { value low high uncertain }
        quantityDelivered { value low high uncertain }
      }
    }
  }
}
`,
  },
  {
    id: 'mali-volumes-by-year',
    link: 'mali-by-year',
    title: 'Mali’s arms imports year by year',
    explanation:
      'Deals, units and SIPRI TIV delivered to Mali in each year 2016–2025, and the same ' +
      'deliveries by supplier: the supplier totals add up to the yearly rows.',
    needsSipriExcerpt: true,
    notes:
      'SIPRI gives only the years of delivery and the total delivered, so a delivery spread over ' +
      'several years is split evenly between them (`deliveryYearMethod: EVEN_SPLIT`, named on ' +
      'every row): a fractional `unitsDelivered` such as 1.333333 is an estimate, not a count. ' +
      'With a `deliveryYear` range, the supplier totals count only the deliveries apportioned to ' +
      'years in the range, the same way, so they add up to the yearly rows; orders are left null ' +
      'because they are not dated by delivery year. `SINGLE_YEAR_ONLY` counts only deals ' +
      'delivered in one year. Groups come in pages: `totalCount` says how many there are, and ' +
      '`pageInfo.endCursor` passed as `after` gets the next page. TIV is a volume index in ' +
      'millions, not money. Change "ML" to another ISO code for another recipient.',
    query: `query MaliImportsByYear {
  byYear: transferVolumes(
    filter: { recipientCountry: ["ML"], deliveryYear: { from: 2016, to: 2025 } }
    groupBy: [DELIVERY_YEAR]
    deliveryYears: EVEN_SPLIT
    first: 20
  ) {
    totalCount
    nodes {
      year
      dealCount
      unitsDelivered
      tivDelivered
      deliveryYearMethod
    }
  }
  bySupplier: transferVolumes(
    filter: { recipientCountry: ["ML"], deliveryYear: { from: 2016, to: 2025 } }
    groupBy: [SUPPLIER]
    orderBy: { field: TIV_DELIVERED }
    deliveryYears: EVEN_SPLIT
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      supplier { name }
      dealCount
      tivDelivered
      deliveryYearMethod
    }
  }
}
`,
  },
  {
    id: 'sahel-top-suppliers',
    link: 'sahel-suppliers',
    title: 'Top suppliers to the Sahel',
    explanation:
      'Who delivered the most (SIPRI TIV) to Mali, Burkina Faso, Niger, Chad and Mauritania ' +
      'since 2010, and each state’s deliveries year by year: a chart in the Chart view.',
    needsSipriExcerpt: true,
    notes:
      'The region is the `recipients` variable: change the ISO codes for another region. ' +
      '`topSuppliers` ranks suppliers by TIV delivered in the years of the range; `byYear` gives ' +
      'one row per recipient and year, which the Chart view draws as one line per recipient ' +
      '(pick the list above the result). Deliveries spread over several years are split evenly ' +
      'between them (`EVEN_SPLIT`), so yearly figures are estimates. TIV is a volume index in ' +
      'millions, not money.',
    variables: JSON.stringify({ recipients: ['ML', 'BF', 'NE', 'TD', 'MR'] }, null, 2),
    query: `query TopSuppliersToRegion($recipients: [String!]) {
  topSuppliers: transferVolumes(
    filter: { recipientCountry: $recipients, deliveryYear: { from: 2010, to: 2025 } }
    groupBy: [SUPPLIER]
    orderBy: { field: TIV_DELIVERED }
    first: 10
  ) {
    totalCount
    nodes {
      supplier { name }
      dealCount
      tivDelivered
    }
  }
  byYear: transferVolumes(
    filter: { recipientCountry: $recipients, deliveryYear: { from: 2010, to: 2025 } }
    groupBy: [DELIVERY_YEAR, RECIPIENT]
    first: 100
  ) {
    totalCount
    nodes {
      year
      recipient { name }
      tivDelivered
      deliveryYearMethod
    }
  }
}
`,
  },
  {
    id: 'sipri-release-diff',
    link: 'release-diff',
    title: 'What changed between two SIPRI releases',
    explanation:
      'The SIPRI releases imported, with how each import matched its rows, and the deals added, ' +
      'retired or changed between the two releases named in the variables, field by field.',
    needsSipriExcerpt: true,
    notes:
      'The default database holds one release, the Sahel excerpt, so the preset variables ' +
      'compare it with itself: `releaseChanges` is empty (`totalCount: 0`), and ' +
      '`sipriReleases` shows what its import did (`matchCounts`: rows matched to known deals, ' +
      'new deals, deals retired). To see a diff, import another SIPRI export (`npm run ' +
      'import:sipri -- file.csv`; see the README, "SIPRI releases"), run this again, and put ' +
      'the older release’s `id` in `from` and the newer one’s in `to`. Where either release ' +
      'is an excerpt, only the recipients both cover are compared. `changes` holds the values ' +
      'as the releases published them, parties and weapons by ID; an ADDED or RETIRED deal ' +
      'lists every field. `pageInfo.endCursor` passed as `after` gets the next page.',
    variables: JSON.stringify({ from: SAHEL_EXCERPT_RELEASE, to: SAHEL_EXCERPT_RELEASE }, null, 2),
    query: `query SipriReleaseDiff($from: ID!, $to: ID!) {
  # Every release imported, newest first: copy two ids into the variables.
  sipriReleases {
    id
    generatedText
    fileName
    scope
    rowCount
    recipients { name }
    matchCounts { sameKey respelled renamed corrected newDeals ambiguous retired }
  }
  # The deals that differ from release "from" (older) to release "to" (newer).
  releaseChanges(from: $from, to: $to, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      kind
      deal {
        supplier { name }
        recipient { name }
        orderDate { iso }
        items { platform { designation } }
      }
      changes { field from to }
    }
  }
}
`,
  },
  {
    id: 'mi8-family-tree',
    link: 'mi8',
    title: 'The Mi-8 helicopter family tree',
    explanation:
      'Every variant under the Mi-8 (Mi-17, Mi-171, Mi-171Sh…) with aliases, producers and deal counts.',
    needsSipriExcerpt: false,
    notes:
      'The ID names the Mi-8 platform; seeded records have the same ID in every Armstrail ' +
      'database. For another family, find its ID with `platforms(filter: { designation: ' +
      '"Mi-24" }) { nodes { id designation } }`. A deal filter with `platform: [ID]` covers the ' +
      'whole family. Designations met only in SIPRI rows (Mi-8T, Mi-24P) are not placed in ' +
      'the tree yet.',
    query: `query Mi8FamilyTree {
  # The Mi-8 platform: the root of the family.
  node(id: "${MI8_FAMILY_ID}") {
    ... on Platform {
      ...PlatformFacts
      variants {
        ...PlatformFacts
        variants {
          ...PlatformFacts
          variants {
            ...PlatformFacts
            variants { ...PlatformFacts }
          }
        }
      }
    }
  }
}

fragment PlatformFacts on Platform {
  designation
  description
  category
  aliases { name language }
  producers { name }
  deals { totalCount }
}
`,
  },
  {
    id: 'sources-in-french',
    link: 'french',
    title: 'Sources in French',
    explanation: 'The French-language documents Armstrail cites: publisher, URL, date and kind.',
    needsSipriExcerpt: false,
    notes:
      'Languages are BCP 47 tags: "fr", "ru", "en". The Kazan record also cites a Russian and ' +
      'an English article; `language: ["ru"]` or `["en"]` finds them. Sources whose language ' +
      'was not recorded are not in the answer.',
    query: `query SourcesInFrench {
  sources(filter: { language: ["fr"] }, first: 100) {
    totalCount
    nodes {
      title
      publisher
      url
      archivedUrl
      publicationDate { iso }
      accessedOn
      kind
      note
    }
  }
}
`,
  },
];
