// Bulk export, the filter: `?filter=` holds a DealFilter as JSON. It is checked exactly as a
// `$filter` variable of `deals(filter:)` is — graphql-js's variable coercion against the schema,
// the input-value limits, then resolveDealFilter — so a bad filter gets the same coded error
// in both places.
import {
  buildSchema,
  getVariableValues,
  GraphQLError,
  GraphQLScalarType,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import type { QueryLimits } from '../../config.js';
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import type { DealFilter } from '../../graphql/generated/resolvers-types.js';
import { checkVariableValues } from '../../graphql/limits/input-values.js';
import { scalarResolvers } from '../../graphql/scalars.js';
import { typeDefs } from '../../graphql/type-defs.js';
import { resolveDealFilter, type ResolvedDealFilter } from '../deals/deal-filter.js';

/** An error as GraphQL's response carries it: message and extensions (with `code`). */
export interface CodedError {
  message: string;
  extensions: Record<string, unknown>;
}

export class FilterRefused extends Error {
  constructor(readonly errors: CodedError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

// The schema's types with this server's scalars (DateTime parses to a Date, as in resolvers):
// variable coercion only, no resolvers. Built once, on first use.
let coercionSchema: ReturnType<typeof buildSchema> | null = null;
function schema() {
  if (coercionSchema) return coercionSchema;
  const built = buildSchema(typeDefs);
  for (const [name, scalar] of Object.entries(scalarResolvers)) {
    const type = built.getType(name);
    if (type instanceof GraphQLScalarType && scalar instanceof GraphQLScalarType) {
      // What graphql-tools does when it adds scalar resolvers to a schema built from SDL.
      type.parseValue = scalar.parseValue;
      type.parseLiteral = scalar.parseLiteral;
      type.serialize = scalar.serialize;
    }
  }
  coercionSchema = built;
  return built;
}

const FILTER_VARIABLE = (
  parse('query ($filter: DealFilter) { __typename }').definitions[0] as OperationDefinitionNode
).variableDefinitions!;

function coded(error: GraphQLError): CodedError {
  const { http: _http, ...extensions } = error.extensions;
  return { message: error.message, extensions: { code: 'BAD_USER_INPUT', ...extensions } };
}

/** The filter's JSON text (null when absent) as a validated DealFilter, or FilterRefused. */
export function parseFilterParameter(text: string | null, limits: QueryLimits): DealFilter | null {
  if (text === null || text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FilterRefused([
      coded(new InvalidInputError('filter', `is not JSON: ${(error as Error).message}`)),
    ]);
  }
  try {
    checkVariableValues({ filter: value }, limits);
  } catch (error) {
    if (error instanceof GraphQLError) throw new FilterRefused([coded(error)]);
    throw error;
  }
  const coerced = getVariableValues(
    schema(),
    FILTER_VARIABLE,
    { filter: value },
    { maxErrors: 50 },
  );
  if (coerced.errors) throw new FilterRefused(coerced.errors.map(coded));
  return (coerced.coerced.filter as DealFilter | null | undefined) ?? null;
}

/** resolveDealFilter, its coded errors (bad codes, unknown IDs) turned into FilterRefused. */
export async function resolveExportFilter(
  filter: DealFilter | null,
  ctx: Context,
): Promise<ResolvedDealFilter> {
  try {
    return await resolveDealFilter(filter, ctx);
  } catch (error) {
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
      throw new FilterRefused([coded(error)]);
    }
    throw error;
  }
}
