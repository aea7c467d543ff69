// The cost model on its own: what an operation costs before it runs, against the real schema.
// Costs bound real work: an aggregate scans the register whatever page it returns.
import {
  buildSchema,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/graphql/limits/query-cost.js';
import { typeDefs } from '../../src/graphql/type-defs.js';

const schema = buildSchema(typeDefs);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  return operationCost({ schema, operation, fragments, variables }).total;
}

const volumes = (groupBy: string, first = 1) =>
  `transferVolumes(groupBy: [${groupBy}], first: ${first}) { nodes { tivDelivered } }`;

describe('the cost of transferVolumes', () => {
  it('counts the aggregate over the register, not only the rows it returns', () => {
    // A page of 100 deals with parties is about 300 points and ~30 ms of work; one aggregate
    // over the whole register takes 100–300 ms.
    expect(cost(`{ ${volumes('RECIPIENT')} }`)).toBeGreaterThanOrEqual(2_000);
  });

  it('grows with each grouping dimension, and more for delivery years', () => {
    const one = cost(`{ ${volumes('SUPPLIER')} }`);
    const two = cost(`{ ${volumes('SUPPLIER, ORDER_YEAR')} }`);
    const withDeliveries = cost(`{ ${volumes('SUPPLIER, DELIVERY_YEAR')} }`);
    expect(two).toBeGreaterThan(one);
    expect(withDeliveries).toBeGreaterThan(two);
  });

  it('takes groupBy from variables too', () => {
    const query =
      'query($g: [VolumeDimension!]!) { transferVolumes(groupBy: $g, first: 1) { nodes { tivDelivered } } }';
    expect(cost(query, { g: ['SUPPLIER', 'ORDER_YEAR'] })).toBe(
      cost(`{ ${volumes('SUPPLIER, ORDER_YEAR')} }`),
    );
  });

  it('makes twenty aliased six-dimension aggregates cost far more than the maximum', () => {
    const six = 'ORDER_YEAR, DELIVERY_YEAR, SUPPLIER, RECIPIENT, CATEGORY, PLATFORM_FAMILY';
    const aliased = Array.from({ length: 20 }, (_, i) => `a${i}: ${volumes(six)}`).join(' ');
    expect(cost(`{ ${aliased} }`)).toBeGreaterThan(25_000 * 4);
  });
});

describe('the cost of search', () => {
  it('adds the ranking of every match to its page', () => {
    const page = cost('{ search(query: "mi-8", first: 20) { nodes { __typename } } }');
    expect(page).toBeGreaterThanOrEqual(50);
  });
});
