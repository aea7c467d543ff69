// Query limits and rate limiting: what the server builder, the HTTP layer and main.ts use.
import { loadConfig, type QueryLimits } from '../../config.js';

export { documentLimitsRule } from './document-limits.js';
export { createLimitsPlugin, type CostExtension } from './limits-plugin.js';
export {
  clientIdentity,
  createRateLimiter,
  LocalRateLimiter,
  RedisRateLimiter,
  type ClientIdentity,
  type RateLimiter,
} from './rate-limiter.js';
export { GuardedRedis } from './guarded-redis.js';
export { rateLimited } from './limit-errors.js';
export { attachRequestMeta, requestMetaOf, type RequestMeta } from './request-meta.js';

/** The limits of an unconfigured server (the defaults in src/config.ts). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = loadConfig({}).limits;
