// Apollo plugin enforcing query limits at the cheapest point of the request pipeline: tokens and
// string lengths before parsing, document shape before validation, cost and rate limit before
// execution; and `extensions.cost` on every response it lets through.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { ApiError } from '../../errors.js';
import { tokensMessage } from './document-limits.js';
import { checkVariableValues } from './input-values.js';
import { ConcurrencyLimiter } from './concurrency.js';
import { rateLimited, tooComplex, tooManyAtOnce } from './limit-errors.js';
import { operationCost } from './query-cost.js';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';
import { requestMetaOf, type RequestMeta } from './request-meta.js';

export interface LimitsPluginOptions<TContext extends BaseContext> {
  limits: QueryLimits;
  /** Charges each operation's cost to its client; requests not made over HTTP are not charged. */
  rateLimiter?: RateLimiter | null;
  /** Called before execution for an expensive operation: moves it to its own database pool. */
  onExpensiveOperation?: (context: TContext) => void;
}

/** The cost report a client sees in `extensions.cost`. */
export interface CostExtension {
  requested: number;
  maximum: number;
  throttle?: { available: number; burst: number; perSecond: number };
}

/** The limit an error names (`extensions.limit`), or its code. */
const limitName = (error: ApiError): string =>
  typeof error.extensions.limit === 'string' ? error.extensions.limit : error.code;

export function createLimitsPlugin<TContext extends BaseContext>({
  limits,
  rateLimiter = null,
  onExpensiveOperation,
}: LimitsPluginOptions<TContext>): ApolloServerPlugin<TContext> {
  const concurrency = new ConcurrencyLimiter(limits.expensivePerClient);
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks are async
    async requestDidStart(start) {
      const meta = requestMetaOf(start.request.http);
      let cost: number | undefined;
      let throttle: RateLimitDecision | undefined;
      let accepted = false;
      let releaseSlot: (() => void) | null = null;
      const refuse = (error: unknown, into: RequestMeta | undefined): never => {
        // Anything but a refusal is a bug, and goes on to the error formatter as one.
        if (into && error instanceof ApiError) {
          into.refusedBy = limitName(error);
        }
        throw error;
      };
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async parsingDidStart({ source }) {
          // eslint-disable-next-line @typescript-eslint/require-await
          return async (error) => {
            // The parser stopped at the token limit (parseOptions.maxTokens). Its message is
            // rewritten here, before Apollo wraps it (GRAPHQL_PARSE_FAILED → BAD_USER_INPUT,
            // HTTP 400): hooks outside Apollo's error handling cannot refuse a request themselves.
            if (error && /contains more th(?:an|at) \d+ tokens/.test(error.message)) {
              error.message = tokensMessage(source, limits);
              if (meta) meta.refusedBy = 'tokens';
            }
          };
        },
        // eslint-disable-next-line @typescript-eslint/require-await
        async validationDidStart() {
          // eslint-disable-next-line @typescript-eslint/require-await
          return async (errors) => {
            const limited = errors?.find((e) => e instanceof ApiError);
            if (meta && limited instanceof ApiError) meta.refusedBy = limitName(limited);
          };
        },
        async didResolveOperation({
          contextValue,
          document,
          operation,
          operationName,
          request,
          schema,
        }) {
          if (meta) meta.operationName = operationName;
          if (!operation) return;
          let expensive = false;
          try {
            checkVariableValues(request.variables, limits);
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) {
                fragments.set(definition.name.value, definition);
              }
            }
            ({ total: cost, expensive } = operationCost({
              schema,
              operation,
              fragments,
              variables: request.variables,
            }));
          } catch (error) {
            return refuse(error, meta);
          }
          if (meta) meta.cost = cost;
          if (cost > limits.maxCost) {
            refuse(
              tooComplex(
                'cost',
                limits.maxCost,
                cost,
                'ask for fewer items (`first`) or less nesting',
              ),
              meta,
            );
          }
          if (rateLimiter && meta) {
            throttle = await rateLimiter.take(meta.client, cost);
            if (!throttle.allowed) {
              const { available, retryAfterSeconds, policy } = throttle;
              refuse(rateLimited(cost, available, policy.perSecond, retryAfterSeconds), meta);
            }
          }
          if (expensive) {
            // Last, so that no later refusal can leave a slot taken.
            if (meta) {
              releaseSlot = concurrency.tryAcquire(meta.client.id);
              if (!releaseSlot) refuse(tooManyAtOnce(limits.expensivePerClient), meta);
            }
            onExpensiveOperation?.(contextValue);
          }
          accepted = true;
        },
        // eslint-disable-next-line @typescript-eslint/require-await
        async didEncounterErrors({ errors }) {
          if (meta) meta.errors = (meta.errors ?? 0) + errors.length;
        },
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ response }) {
          releaseSlot?.();
          if (!accepted || cost === undefined || response.body.kind !== 'single') return;
          const report: CostExtension = { requested: cost, maximum: limits.maxCost };
          if (throttle) {
            report.throttle = {
              available: Math.floor(throttle.available),
              burst: throttle.policy.burst,
              perSecond: throttle.policy.perSecond,
            };
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}
