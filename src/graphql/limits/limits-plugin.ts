// Apollo plugin enforcing query limits at the cheapest point of the request pipeline: tokens and
// string lengths before parsing, document shape before validation, cost and rate limit before
// execution; and `extensions.cost` on every response it lets through.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { QueryLimits } from '../../config.js';
import { ApiError } from '../../errors.js';
import { tokensMessage } from './document-limits.js';
import { checkVariableValues } from './input-values.js';
import { ConcurrencyLimiter } from './concurrency.js';
import { rateLimited, tooComplex, tooManyAtOnce } from './limit-errors.js';
import { operationCost, type OperationCost } from './query-cost.js';
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

// Variables longer than this as JSON are costed afresh: keying on them would cost as much.
const MEMO_MAX_VARIABLES_CHARS = 1_000;
// Sets of variables kept per operation (the oldest go first).
const MEMO_VARIABLE_SETS = 64;

/** The variables' JSON, or null when too long to be worth a key or nested too deep to write. */
function variablesKey(variables: Record<string, unknown> | undefined): string | null {
  try {
    const key = JSON.stringify(variables ?? {});
    return key.length > MEMO_MAX_VARIABLES_CHARS ? null : key;
  } catch {
    // A RangeError (the stack): later steps refuse such variables as a bad request.
    return null;
  }
}

/** operationCost of one operation of `document`, with the document's fragments. */
function costOfOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return operationCost({ schema, operation, fragments, variables });
}

/**
 * costOfOperation, kept per operation and variables. Apollo hands every request of one query
 * text the same parsed document, so a dashboard's repeated query is costed once rather than at
 * every request (1.3 % of a list request's CPU, issue 12). A refusal throws and is not kept. The
 * key is the variables' JSON: they come as JSON, so JSON tells every set that costs differently
 * apart.
 */
function costMemo(): typeof costOfOperation {
  const byOperation = new WeakMap<OperationDefinitionNode, Map<string, OperationCost>>();
  return (schema, document, operation, variables) => {
    const key = variablesKey(variables);
    if (key === null) return costOfOperation(schema, document, operation, variables);
    let costs = byOperation.get(operation);
    if (!costs) {
      costs = new Map();
      byOperation.set(operation, costs);
    }
    let cost = costs.get(key);
    if (!cost) {
      cost = costOfOperation(schema, document, operation, variables);
      if (costs.size >= MEMO_VARIABLE_SETS) costs.delete(costs.keys().next().value!);
      costs.set(key, cost);
    }
    return cost;
  };
}

export function createLimitsPlugin<TContext extends BaseContext>({
  limits,
  rateLimiter = null,
  onExpensiveOperation,
}: LimitsPluginOptions<TContext>): ApolloServerPlugin<TContext> {
  const concurrency = new ConcurrencyLimiter(limits.expensivePerClient);
  const costOf = costMemo();
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
            ({ total: cost, expensive } = costOf(schema, document, operation, request.variables));
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
