// Query limits, after validation: the cost of the operation about to run, computed from the
// document and the request's variables before anything touches the database.
//
// The model (documented in README "Query limits"): a leaf field costs 0; an object field costs
// 1 plus its selections; a connection (a …Connection field with `first`) costs 1 for its page
// query, its `totalCount` 1 for the count, and its `edges`/`nodes` `first` times their
// selections (20 when `first` is absent); `nodes(ids)` costs one per ID; any other list is
// assumed to hold LIST_SIZE_ESTIMATE items. Fields that scan more than they return
// (aggregates, search) add their database work (see workCost). Introspection is costed by the
// same rules: it never reaches the database, but nested `fields { type { fields … } }` can
// make an answer of any size.
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isUnionType,
  Kind,
  OperationTypeNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection.js';
import { argumentOutOfRange } from './limit-errors.js';

const isList = (type: GraphQLOutputType) => isListType(getNullableType(type));
const fieldsOf = (type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> =>
  isUnionType(type) ? {} : type.getFields();

/** Items assumed in a plain list (a deal's items, a record's citations…). */
export const LIST_SIZE_ESTIMATE = 5;

// Work in the database beyond the rows a field returns. Calibrated on the 2026 register on
// PostgreSQL, where a page of 100 deals with parties and platforms (~1,300 points) takes
// ~35 ms, about 27 µs a point: an aggregate scans every matching deal and item whatever page it
// returns — 120 ms grouped by one key, ~300 ms by six — and a search ranks every match (~5 ms).
const AGGREGATE_BASE_COST = 2_000;
const AGGREGATE_COST_PER_DIMENSION = 1_000;
// A delivery year expands each deal into one row per year delivered before grouping.
const DELIVERY_YEAR_DIMENSION_COST = 2_000;
const SEARCH_BASE_COST = 100;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>> | undefined;
}

export interface OperationCost {
  /** Points the operation is charged. */
  total: number;
  /**
   * Whether it holds an expensive field (an aggregate or a search): such operations run on a
   * pool of their own, and a client may run only a few at once.
   */
  expensive: boolean;
}

// Each list item in the arguments is a value the database matches against.
const LIST_ITEMS_PER_POINT = 10;

/**
 * The operation's cost. Refuses (BAD_USER_INPUT, HTTP 400) any `first` outside 1…100 and any
 * `ids` list over 100, whether written in the query or passed as a variable.
 */
export function operationCost({
  schema,
  operation,
  fragments,
  variables,
}: CostInput): OperationCost {
  // Variables as the request gives them, falling back to each definition's default.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  Object.assign(values, variables ?? {});

  const rootType =
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!rootType) return { total: 0, expensive: false };
  let expensive = false;

  // A fragment's cost depends only on the page size it is spread under: memoised, so that
  // fragments spread many times are costed once.
  const memo = new Map<string, number>();

  const argument = (field: FieldNode, name: string): unknown => {
    const node = field.arguments?.find((a) => a.name.value === name);
    return node ? valueFromASTUntyped(node.value, values) : undefined;
  };

  const pageSize = (field: FieldNode, coordinate: string): number => {
    const first = argument(field, 'first');
    if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
    // Not an integer: variable coercion refuses it later with its own message.
    if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_PAGE_SIZE;
    if (first < 1 || first > MAX_PAGE_SIZE) {
      throw argumentOutOfRange('first', 'first', coordinate, 1, MAX_PAGE_SIZE, first);
    }
    return first;
  };

  const idCount = (field: FieldNode, coordinate: string): number => {
    const ids = argument(field, 'ids');
    const count = Array.isArray(ids) ? ids.length : 1;
    if (count > MAX_PAGE_SIZE) {
      throw argumentOutOfRange('ids', 'ids', coordinate, 0, MAX_PAGE_SIZE, count);
    }
    return count;
  };

  /** What a field costs in the database on top of its rows (see the constants above). */
  const workCost = (field: FieldNode, coordinate: string): number => {
    const items = listItems(field.arguments?.map((a) => valueFromASTUntyped(a.value, values)));
    const matching = Math.floor(items / LIST_ITEMS_PER_POINT);
    if (coordinate === 'Query.search') {
      expensive = true;
      return matching + SEARCH_BASE_COST;
    }
    if (coordinate !== 'Query.transferVolumes') return matching;
    expensive = true;
    const groupBy = argument(field, 'groupBy');
    const dimensions = Array.isArray(groupBy) ? groupBy : [groupBy];
    return dimensions.reduce<number>(
      (sum, dimension) =>
        sum +
        (dimension === 'DELIVERY_YEAR'
          ? DELIVERY_YEAR_DIMENSION_COST
          : AGGREGATE_COST_PER_DIMENSION),
      AGGREGATE_BASE_COST + matching,
    );
  };

  const fieldCost = (
    field: FieldNode,
    parent: GraphQLCompositeType,
    connectionPage: number | null,
  ): number => {
    const name = field.name.value;
    if (name === '__typename') return 0;
    const definition: GraphQLField<unknown, unknown> | undefined =
      name === '__schema'
        ? SchemaMetaFieldDef
        : name === '__type'
          ? TypeMetaFieldDef
          : fieldsOf(parent)[name];
    if (!definition) return 0;
    const coordinate = `${parent.name}.${name}`;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named) || !field.selectionSet) {
      // A connection's count is a query of its own.
      return connectionPage !== null && name === 'totalCount' ? 1 : 0;
    }
    const work = workCost(field, coordinate);
    const hasFirst = definition.args.some((a) => a.name === 'first');
    if (hasFirst && named.name.endsWith('Connection')) {
      return work + 1 + setCost(field.selectionSet, named, pageSize(field, coordinate));
    }
    const children = setCost(field.selectionSet, named, null);
    if (!isList(definition.type)) return work + 1 + children;
    let items = LIST_SIZE_ESTIMATE;
    if (connectionPage !== null && (name === 'edges' || name === 'nodes')) items = connectionPage;
    else if (definition.args.some((a) => a.name === 'ids')) items = idCount(field, coordinate);
    return work + items * (1 + children);
  };

  const setCost = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    connectionPage: number | null,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, connectionPage);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (isCompositeType(type)) {
          total += setCost(selection.selectionSet, type, connectionPage);
        }
      } else {
        const name = selection.name.value;
        const key = `${name}\u0000${connectionPage ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          cost =
            fragment && isCompositeType(type)
              ? setCost(fragment.selectionSet, type, connectionPage)
              : 0;
          memo.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const total = setCost(operation.selectionSet, rootType, null);
  return { total, expensive };
}

/**
 * How many list items a value holds, at any depth (input objects hold lists too). A stack of
 * its own, not recursion: a client's variables can nest deeper than the call stack goes.
 */
function listItems(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) {
      count += next.length;
      for (const item of next) pending.push(item);
    } else if (next && typeof next === 'object') {
      for (const item of Object.values(next)) pending.push(item);
    }
  }
  return count;
}
