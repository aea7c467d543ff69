// transferVolumes grouped by one party (recipient or supplier), every group through the API's
// pages: what the TIV-table check of 2024 and the release-update checks read.
import { graphql } from '../support/graphql/index.js';
import type { DealFilter, TypedDocumentString } from '../support/graphql/graphql.js';
import { dataOf, type TestApi } from '../support/test-api.js';

export interface Named {
  id: string;
  name: string;
  aliases: { name: string }[];
}

export interface PartyGroup {
  tivDelivered: string | null;
  recipient?: Named | null;
  supplier?: Named | null;
}

interface VolumePage {
  nodes: PartyGroup[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A document per party: the grouped party is a field of its own in the answer. */
const VOLUMES_BY: Record<
  'recipient' | 'supplier',
  TypedDocumentString<
    { transferVolumes: VolumePage },
    { f?: DealFilter | null; after?: string | null }
  >
> = {
  recipient: graphql(`
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
  `),
  supplier: graphql(`
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
  `),
};

/** Every group of transferVolumes by one party under `filter`, page by page. */
export async function volumesBy(
  api: TestApi,
  role: 'recipient' | 'supplier',
  filter: DealFilter,
): Promise<PartyGroup[]> {
  const groups: PartyGroup[] = [];
  let after: string | null = null;
  for (;;) {
    const page: VolumePage = dataOf(
      await api.query(VOLUMES_BY[role], { f: filter, after }),
    ).transferVolumes;
    groups.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return groups;
    after = page.pageInfo.endCursor;
  }
}
