/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n          query HowToCiteNodes($id: ID!) {\n            nodes(ids: [$id]) {\n              ... on Deal {\n                id\n                howToCite\n              }\n            }\n          }\n        ": typeof types.HowToCiteNodesDocument,
    "\n          query PlatformFamiliesTransferVolumes {\n            transferVolumes(\n              filter: { recipientCountry: [\"MLI\"] }\n              groupBy: [PLATFORM_FAMILY]\n              first: 100\n            ) {\n              nodes {\n                platformFamily {\n                  designation\n                }\n              }\n            }\n          }\n        ": typeof types.PlatformFamiliesTransferVolumesDocument,
    "\n        mutation PlatformFamiliesUpdatePlatform($input: UpdatePlatformInput!) {\n          updatePlatform(input: $input) {\n            platform {\n              family {\n                designation\n              }\n            }\n          }\n        }\n      ": typeof types.PlatformFamiliesUpdatePlatformDocument,
    "\n          query SipriExcerptApiDeals {\n            deals(filter: { supplierCountry: [\"RU\"], recipientCountry: [\"ML\"] }, first: 100) {\n              totalCount\n              nodes {\n                stage\n                orderDate {\n                  iso\n                  uncertain\n                }\n                comments\n                items {\n                  platform {\n                    designation\n                  }\n                  quantityOrdered {\n                    value\n                    uncertain\n                  }\n                  quantityDelivered {\n                    value\n                    uncertain\n                  }\n                  deliveryYears\n                  condition\n                  tivDelivered\n                  note\n                }\n                citations {\n                  locator\n                  source {\n                    kind\n                    publisher\n                  }\n                }\n              }\n            }\n          }\n        ": typeof types.SipriExcerptApiDealsDocument,
    "\n          query SipriExcerptApiDeals2 {\n            deals(filter: { recipientCountry: [\"NER\"] }, first: 1) {\n              nodes {\n                history {\n                  action\n                  author\n                  reason\n                  sources {\n                    kind\n                  }\n                }\n              }\n            }\n            changes(first: 100) {\n              nodes {\n                recordType\n                author\n              }\n            }\n          }\n        ": typeof types.SipriExcerptApiDeals2Document,
    "\n          query SipriExcerptApiPlatforms {\n            platforms(filter: { designation: \"Mi-8\" }) {\n              nodes {\n                id\n                designation\n              }\n            }\n          }\n        ": typeof types.SipriExcerptApiPlatformsDocument,
    "\n          query SipriExcerptApiDeals3($p: [ID!]) {\n            deals(filter: { platform: $p, recipientCountry: [\"MLI\"] }) {\n              totalCount\n            }\n          }\n        ": typeof types.SipriExcerptApiDeals3Document,
    "\n              query Volumes2024TransferVolumes($after: String, $m: DeliveryYearMethod) {\n                transferVolumes(\n                  groupBy: [DELIVERY_YEAR]\n                  deliveryYears: $m\n                  first: 100\n                  after: $after\n                ) {\n                  totalCount\n                  nodes {\n                    tivDelivered\n                  }\n                  pageInfo {\n                    hasNextPage\n                    endCursor\n                  }\n                }\n              }\n            ": typeof types.Volumes2024TransferVolumesDocument,
    "\n          query VariantLinksTransferVolumes($p: [ID!]) {\n            transferVolumes(filter: { platform: $p }, groupBy: [STAGE]) {\n              nodes {\n                dealCount\n                unitsOrdered\n              }\n            }\n          }\n        ": typeof types.VariantLinksTransferVolumesDocument,
    "\n          query VolumesDeals($f: DealFilter) {\n            deals(filter: $f, first: 100) {\n              nodes {\n                stage\n              }\n            }\n          }\n        ": typeof types.VolumesDealsDocument,
};
const documents: Documents = {
    "\n          query HowToCiteNodes($id: ID!) {\n            nodes(ids: [$id]) {\n              ... on Deal {\n                id\n                howToCite\n              }\n            }\n          }\n        ": types.HowToCiteNodesDocument,
    "\n          query PlatformFamiliesTransferVolumes {\n            transferVolumes(\n              filter: { recipientCountry: [\"MLI\"] }\n              groupBy: [PLATFORM_FAMILY]\n              first: 100\n            ) {\n              nodes {\n                platformFamily {\n                  designation\n                }\n              }\n            }\n          }\n        ": types.PlatformFamiliesTransferVolumesDocument,
    "\n        mutation PlatformFamiliesUpdatePlatform($input: UpdatePlatformInput!) {\n          updatePlatform(input: $input) {\n            platform {\n              family {\n                designation\n              }\n            }\n          }\n        }\n      ": types.PlatformFamiliesUpdatePlatformDocument,
    "\n          query SipriExcerptApiDeals {\n            deals(filter: { supplierCountry: [\"RU\"], recipientCountry: [\"ML\"] }, first: 100) {\n              totalCount\n              nodes {\n                stage\n                orderDate {\n                  iso\n                  uncertain\n                }\n                comments\n                items {\n                  platform {\n                    designation\n                  }\n                  quantityOrdered {\n                    value\n                    uncertain\n                  }\n                  quantityDelivered {\n                    value\n                    uncertain\n                  }\n                  deliveryYears\n                  condition\n                  tivDelivered\n                  note\n                }\n                citations {\n                  locator\n                  source {\n                    kind\n                    publisher\n                  }\n                }\n              }\n            }\n          }\n        ": types.SipriExcerptApiDealsDocument,
    "\n          query SipriExcerptApiDeals2 {\n            deals(filter: { recipientCountry: [\"NER\"] }, first: 1) {\n              nodes {\n                history {\n                  action\n                  author\n                  reason\n                  sources {\n                    kind\n                  }\n                }\n              }\n            }\n            changes(first: 100) {\n              nodes {\n                recordType\n                author\n              }\n            }\n          }\n        ": types.SipriExcerptApiDeals2Document,
    "\n          query SipriExcerptApiPlatforms {\n            platforms(filter: { designation: \"Mi-8\" }) {\n              nodes {\n                id\n                designation\n              }\n            }\n          }\n        ": types.SipriExcerptApiPlatformsDocument,
    "\n          query SipriExcerptApiDeals3($p: [ID!]) {\n            deals(filter: { platform: $p, recipientCountry: [\"MLI\"] }) {\n              totalCount\n            }\n          }\n        ": types.SipriExcerptApiDeals3Document,
    "\n              query Volumes2024TransferVolumes($after: String, $m: DeliveryYearMethod) {\n                transferVolumes(\n                  groupBy: [DELIVERY_YEAR]\n                  deliveryYears: $m\n                  first: 100\n                  after: $after\n                ) {\n                  totalCount\n                  nodes {\n                    tivDelivered\n                  }\n                  pageInfo {\n                    hasNextPage\n                    endCursor\n                  }\n                }\n              }\n            ": types.Volumes2024TransferVolumesDocument,
    "\n          query VariantLinksTransferVolumes($p: [ID!]) {\n            transferVolumes(filter: { platform: $p }, groupBy: [STAGE]) {\n              nodes {\n                dealCount\n                unitsOrdered\n              }\n            }\n          }\n        ": types.VariantLinksTransferVolumesDocument,
    "\n          query VolumesDeals($f: DealFilter) {\n            deals(filter: $f, first: 100) {\n              nodes {\n                stage\n              }\n            }\n          }\n        ": types.VolumesDealsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query HowToCiteNodes($id: ID!) {\n            nodes(ids: [$id]) {\n              ... on Deal {\n                id\n                howToCite\n              }\n            }\n          }\n        "): typeof import('./graphql.js').HowToCiteNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query PlatformFamiliesTransferVolumes {\n            transferVolumes(\n              filter: { recipientCountry: [\"MLI\"] }\n              groupBy: [PLATFORM_FAMILY]\n              first: 100\n            ) {\n              nodes {\n                platformFamily {\n                  designation\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql.js').PlatformFamiliesTransferVolumesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation PlatformFamiliesUpdatePlatform($input: UpdatePlatformInput!) {\n          updatePlatform(input: $input) {\n            platform {\n              family {\n                designation\n              }\n            }\n          }\n        }\n      "): typeof import('./graphql.js').PlatformFamiliesUpdatePlatformDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SipriExcerptApiDeals {\n            deals(filter: { supplierCountry: [\"RU\"], recipientCountry: [\"ML\"] }, first: 100) {\n              totalCount\n              nodes {\n                stage\n                orderDate {\n                  iso\n                  uncertain\n                }\n                comments\n                items {\n                  platform {\n                    designation\n                  }\n                  quantityOrdered {\n                    value\n                    uncertain\n                  }\n                  quantityDelivered {\n                    value\n                    uncertain\n                  }\n                  deliveryYears\n                  condition\n                  tivDelivered\n                  note\n                }\n                citations {\n                  locator\n                  source {\n                    kind\n                    publisher\n                  }\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql.js').SipriExcerptApiDealsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SipriExcerptApiDeals2 {\n            deals(filter: { recipientCountry: [\"NER\"] }, first: 1) {\n              nodes {\n                history {\n                  action\n                  author\n                  reason\n                  sources {\n                    kind\n                  }\n                }\n              }\n            }\n            changes(first: 100) {\n              nodes {\n                recordType\n                author\n              }\n            }\n          }\n        "): typeof import('./graphql.js').SipriExcerptApiDeals2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SipriExcerptApiPlatforms {\n            platforms(filter: { designation: \"Mi-8\" }) {\n              nodes {\n                id\n                designation\n              }\n            }\n          }\n        "): typeof import('./graphql.js').SipriExcerptApiPlatformsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SipriExcerptApiDeals3($p: [ID!]) {\n            deals(filter: { platform: $p, recipientCountry: [\"MLI\"] }) {\n              totalCount\n            }\n          }\n        "): typeof import('./graphql.js').SipriExcerptApiDeals3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query Volumes2024TransferVolumes($after: String, $m: DeliveryYearMethod) {\n                transferVolumes(\n                  groupBy: [DELIVERY_YEAR]\n                  deliveryYears: $m\n                  first: 100\n                  after: $after\n                ) {\n                  totalCount\n                  nodes {\n                    tivDelivered\n                  }\n                  pageInfo {\n                    hasNextPage\n                    endCursor\n                  }\n                }\n              }\n            "): typeof import('./graphql.js').Volumes2024TransferVolumesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query VariantLinksTransferVolumes($p: [ID!]) {\n            transferVolumes(filter: { platform: $p }, groupBy: [STAGE]) {\n              nodes {\n                dealCount\n                unitsOrdered\n              }\n            }\n          }\n        "): typeof import('./graphql.js').VariantLinksTransferVolumesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query VolumesDeals($f: DealFilter) {\n            deals(filter: $f, first: 100) {\n              nodes {\n                stage\n              }\n            }\n          }\n        "): typeof import('./graphql.js').VolumesDealsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
