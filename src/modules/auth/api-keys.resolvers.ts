// API key management through the API (ADMIN only): what `npm run keys` does, for a running server.
import { ApiError } from '../../errors.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { createApiKey, findApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';
import { requireRole } from './auth.service.js';

export const apiKeyResolvers: Resolvers = {
  Query: {
    apiKeys: async (_root, { includeRevoked }, ctx) => {
      requireRole(ctx, 'ADMIN');
      const keys = await listApiKeys(ctx.db);
      return includeRevoked ? keys : keys.filter((k) => k.revokedAt === null);
    },
  },
  Mutation: {
    createApiKey: async (_root, { input }, ctx) => {
      const admin = requireRole(ctx, 'ADMIN');
      const { key, row } = await createApiKey(ctx.db, input);
      // An audit trail of who handed out which key; the secret itself is never logged.
      ctx.logger.info({ keyId: row.id, role: row.role, by: admin.keyId }, 'API key created');
      return { apiKey: row, secret: key };
    },
    revokeApiKey: async (_root, { input }, ctx) => {
      const admin = requireRole(ctx, 'ADMIN');
      const target = await findApiKey(ctx.db, input.key);
      if (!target || target.revokedAt !== null) {
        throw new ApiError(
          `Argument \`input.key\`: no valid API key has the ID or prefix "${input.key.slice(0, 60)}"`,
          'NOT_FOUND',
          { argument: 'input.key' },
        );
      }
      if (target.id === admin.keyId) {
        throw new ApiError(
          'Argument `input.key`: a key cannot revoke itself; use another ADMIN key',
          'BAD_USER_INPUT',
          { argument: 'input.key' },
        );
      }
      const revoked = (await revokeApiKey(ctx.db, target.id))!;
      ctx.logger.info({ keyId: revoked.id, by: admin.keyId }, 'API key revoked');
      return { apiKey: revoked };
    },
  },
  ApiKey: {
    prefix: (key) => key.keyPrefix,
  },
};
