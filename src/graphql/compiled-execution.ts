// Compiled execution: graphql-jit turns each operation into a JavaScript function once, and
// later requests for the same document run that function instead of graphql-js's interpreter
// (which walks the document and allocates per field and per list item on every request).
//
// It is plugged into Apollo Server through its `gateway` option, the one seam Apollo offers to
// replace execution: Apollo still parses, validates (our rules included), runs every plugin
// hook and formats the errors; only `execute` changes. What graphql-jit does differently is
// brought back to graphql-js here, so that a client sees the same answers and the same errors:
//   - variables are coerced by graphql-js first, so a bad variable gets graphql-js's error
//     (which Apollo turns into BAD_USER_INPUT with status 400 by its shape);
//   - graphql-jit's errors become graphql-js GraphQLErrors (Apollo's formatting reads
//     `extensions.code`, which graphql-jit leaves undefined when there are no extensions);
//   - a request without a resolvable operation, or one graphql-jit cannot compile, runs on
//     graphql-js, whose errors Apollo expects there; so do mutations;
//   - graphql-jit orders several errors differently, and drops all but one when an error nulls
//     the whole answer: such a query runs again on graphql-js (see the executor).
import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getVariableValues,
  GraphQLError,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type GatewayRequest = Parameters<Executor>[0];

// graphql-js's own limit when it coerces variables (what `execute` passes).
const MAX_VARIABLE_ERRORS = 50;

/** Compiled operations kept; a public API sees few distinct documents, and a miss recompiles. */
export const COMPILED_OPERATIONS_KEPT = 500;

/**
 * The executable schema exactly as Apollo builds it from `typeDefs` and `resolvers` when no
 * gateway is given (its own function, so scalars, resolvers and introspection cannot drift):
 * with a gateway, Apollo takes the schema from the gateway instead.
 */
export function buildSchemaAsApolloDoes(typeDefs: string, resolvers: object): GraphQLSchema {
  const construct = (
    ApolloServer as unknown as {
      constructSchema?: (config: { typeDefs: string; resolvers: object }) => GraphQLSchema;
    }
  ).constructSchema;
  if (typeof construct !== 'function') {
    throw new Error('ApolloServer.constructSchema is gone: see src/graphql/compiled-execution.ts');
  }
  return construct({ typeDefs, resolvers });
}

/** An Apollo gateway that serves `schema` and executes operations compiled by graphql-jit. */
export function createCompiledExecutionGateway(
  schema: GraphQLSchema,
  kept = COMPILED_OPERATIONS_KEPT,
): Gateway {
  const compiled = new CompiledOperations(schema, kept);

  const executor: Executor = async (requestContext) => {
    const { document, operation, request, context } = requestContext;
    const variables = request.variables ?? {};
    const runOnGraphqlJs = () => executeOnGraphqlJs(schema, requestContext);
    // No operation (several and no name, or an unknown name): graphql-js's error, which
    // Apollo reports as OPERATION_RESOLUTION_FAILURE. Mutations are few and run in order, each
    // refreshing the loaders: nothing to gain, so they keep graphql-js's executor.
    if (operation?.operation !== OperationTypeNode.QUERY) return runOnGraphqlJs();
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, {
        maxErrors: MAX_VARIABLE_ERRORS,
      });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const query = compiled.get(requestContext.queryHash, document, request.operationName);
    if (!query) return runOnGraphqlJs();
    const result = await query.query(undefined, context, variables);
    // No `data`: graphql-jit refused the variables graphql-js accepted; graphql-js decides.
    if (!('data' in result)) return runOnGraphqlJs();
    if (!result.errors) return result;
    // Several errors, or one that nulled the whole answer: graphql-jit lists them in another
    // order than graphql-js, and keeps only the first of those that reach the root. graphql-js
    // runs the query again to list them as before; the request's loaders already hold most of
    // what the first run read, and only answers that failed pay for it.
    if (result.errors.length > 1 || result.data === null) return runOnGraphqlJs();
    return { ...result, errors: result.errors.map(asGraphqlJsError) };
  };

  return {
    load: () => Promise.resolve({ executor }),
    // The schema never changes while the process runs: Apollo is told once, at once.
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: () => Promise.resolve(),
  };
}

function executeOnGraphqlJs(
  schema: GraphQLSchema,
  { document, request, context }: GatewayRequest,
): Promise<ExecutionResult> {
  return Promise.resolve(
    execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    }),
  );
}

/**
 * The error graphql-js would have produced: graphql-jit's errors carry the same message,
 * locations, path and original error, but are not built by GraphQLError's constructor (no
 * `extensions` object unless the original error has one, no `nodes`).
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
  });
  // graphql-js computes locations from the field's AST nodes, which graphql-jit has already
  // turned into locations (the same ones).
  (converted as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return converted;
}

/** Compiled operations by document text and operation name, least recently used dropped. */
class CompiledOperations {
  // null: graphql-jit could not compile the operation; it runs on graphql-js.
  private readonly entries = new Map<string, CompiledQuery | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly kept: number,
  ) {}

  get(queryHash: string, document: DocumentNode, operationName?: string): CompiledQuery | null {
    const key = `${queryHash}:${operationName ?? ''}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const result = compileQuery(this.schema, document, operationName);
      entry = isCompiledQuery(result) ? result : null;
      if (this.entries.size >= this.kept) {
        this.entries.delete(this.entries.keys().next().value!);
      }
    } else {
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    return entry;
  }
}
