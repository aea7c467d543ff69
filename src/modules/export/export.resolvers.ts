// Query.exportUrl: the bulk export's URL for a filter, so that GraphiQL users can get a file.
import type { DealFilter, Resolvers } from '../../graphql/generated/resolvers-types.js';
import { citationPublicUrl } from '../citations/citations.resolvers.js';
import { resolveDealFilter } from '../deals/deal-filter.js';

/** The export's URL for a filter as the API received it (null fields are left out). */
export function exportUrl(
  publicUrl: string,
  format: 'NDJSON' | 'CSV',
  filter?: DealFilter | null,
): string {
  const path = `${publicUrl}/export/deals.${format === 'CSV' ? 'csv' : 'ndjson'}`;
  const given = Object.fromEntries(
    Object.entries(filter ?? {}).filter(([, value]) => value !== null && value !== undefined),
  );
  // JSON.stringify writes updatedSince (a Date here) as the ISO instant the export reads back.
  return Object.keys(given).length === 0
    ? path
    : `${path}?filter=${encodeURIComponent(JSON.stringify(given))}`;
}

export const exportResolvers: Resolvers = {
  Query: {
    exportUrl: async (_root, { filter, format }, ctx) => {
      // Checked now, so that a bad filter fails here with the error the export would give.
      await resolveDealFilter(filter, ctx);
      return exportUrl(citationPublicUrl(), format, filter);
    },
  },
};
