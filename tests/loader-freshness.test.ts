// After a write, the rest of the same document reads what the database now holds: a
// mutation's payload never comes from a loader cache filled before the write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { ids } from '../src/seed/kazan-mali.js';
import { graphql } from './support/graphql/index.js';
import type { AddCitationInput } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

let api: TestApi;
let key: string;
beforeAll(async () => {
  api = await createTestApi();
  key = (await createApiKey(api.database.db, { name: 'Fresh', role: 'EDITOR' })).key;
});
afterAll(() => api.close());

// Each payload's view of the deal's citations.
graphql(`
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
`);

describe('loaders after a write', () => {
  it('shows every citation in the second of two addCitation payloads of one document', async () => {
    const deal = toGlobalId('Deal', ids.kazanDeal);
    const cite = (n: number): AddCitationInput => ({
      target: deal,
      citation: {
        newSource: { kind: 'NEWS', url: `https://example.org/fresh/${n}-${Date.now()}` },
      },
      reason: 'Corroboration',
    });
    const before = dataOf(
      await api.query(
        graphql(`
          query LoaderFreshnessCitations($id: ID!) {
            node(id: $id) {
              ... on Deal {
                citations {
                  id
                }
              }
            }
          }
        `),
        { id: deal },
      ),
    ).node!.citations.length;
    const result = dataOf(
      await api.query(
        graphql(`
          mutation LoaderFreshnessTwoCitations($a: AddCitationInput!, $b: AddCitationInput!) {
            a: addCitation(input: $a) {
              ...LoaderFreshnessTargetCitations
            }
            b: addCitation(input: $b) {
              ...LoaderFreshnessTargetCitations
            }
          }
        `),
        { a: cite(1), b: cite(2) },
        { apiKey: key },
      ),
    );
    expect(result.a.citation.target.citations).toHaveLength(before + 1);
    expect(result.b.citation.target.citations).toHaveLength(before + 2);
  });
});
