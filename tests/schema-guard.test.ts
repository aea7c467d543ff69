import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as db from '../src/db/schema.js';
import {
  CITABLE_TYPES,
  HISTORY_TYPES,
  RECORD_TYPES,
  SEARCH_TYPES,
} from '../src/graphql/record-types.js';
import { resolvers } from '../src/graphql/resolvers.js';
import { typeDefs } from '../src/graphql/type-defs.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

const schema = buildSchema(typeDefs);

const BUILT_IN_SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/**
 * The description of every documentable part of a schema (types, fields, arguments, input
 * fields, enum values), keyed `Type`, `Type.field`, `Type.field(arg)`; undefined when missing.
 */
function descriptionsOf(schema: GraphQLSchema): Map<string, string | undefined> {
  const descriptions = new Map<string, string | undefined>();
  const note = (key: string, description: string | null | undefined) =>
    descriptions.set(key, description ?? undefined);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || BUILT_IN_SCALARS.includes(type.name)) continue;
    note(type.name, type.description);
    if (isEnumType(type)) {
      for (const v of type.getValues()) note(`${type.name}.${v.name}`, v.description);
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(
        type.getFields(),
      )) {
        note(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) {
          note(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
    }
  }
  return descriptions;
}

// GraphQL types whose parent value is a database row: a field without a resolver must be a column.
const ROW_TYPES: Record<string, PgTable> = Object.fromEntries(
  Object.entries(RECORD_TYPES).map(([type, info]) => [type, info.table]),
);

// GraphQL enums stored in PostgreSQL enums: the two value lists must be the same.
const STORED_ENUMS: Record<string, { enumValues: readonly string[] }> = {
  ActorKind: db.actorKind,
  WeaponCategory: db.weaponCategory,
  UnrocaCategory: db.unrocaCategory,
  DealStage: db.dealStage,
  DealArrangement: db.dealArrangement,
  ItemCondition: db.itemCondition,
  DealEventType: db.dealEventType,
  SourceKind: db.sourceKind,
  CitationStance: db.citationStance,
  RevisionAction: db.revisionAction,
  SipriReleaseScope: db.sipriReleaseScope,
  SipriMatch: db.sipriMatch,
};

describe('schema guards', () => {
  it('resolves every field of every row-backed type, by resolver or by column', () => {
    const unresolved: string[] = [];
    for (const [typeName, table] of Object.entries(ROW_TYPES)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const columns = getTableColumns(table);
      const typeResolvers =
        (resolvers as unknown as Record<string, Record<string, unknown>>)[typeName] ?? {};
      for (const field of Object.keys(type.getFields())) {
        if (!(field in typeResolvers) && !(field in columns))
          unresolved.push(`${typeName}.${field}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('covers every object type that implements Node', () => {
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
      .map((t) => t.name)
      .sort();
    expect(nodeTypes).toEqual(Object.keys(ROW_TYPES).sort());
  });

  it('agrees with the record registry on which types are cited, searched and have a history', () => {
    const members = (name: string) => {
      const type = schema.getType(name);
      if (!isUnionType(type)) throw new Error(`${name} is not a union`);
      return type
        .getTypes()
        .map((t) => t.name)
        .sort();
    };
    expect(members('CitationTarget')).toEqual([...CITABLE_TYPES].sort());
    expect(members('SearchResult')).toEqual(Object.values(SEARCH_TYPES).sort());
    const searchType = schema.getType('SearchType');
    if (!isEnumType(searchType)) throw new Error('SearchType is not an enum');
    expect(
      searchType
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(Object.keys(SEARCH_TYPES).sort());
    const withHistory = Object.keys(ROW_TYPES).filter((name) => {
      const type = schema.getType(name);
      return isObjectType(type) && 'history' in type.getFields();
    });
    expect(withHistory.sort()).toEqual([...HISTORY_TYPES].sort());
  });

  it('keeps database enums and GraphQL enums identical', () => {
    for (const [name, pgEnum] of Object.entries(STORED_ENUMS)) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
      expect(
        type.getValues().map((v) => v.name),
        name,
      ).toEqual(pgEnum.enumValues);
    }
  });

  it('documents every type, field, argument and enum value', () => {
    const missing = [...descriptionsOf(schema)]
      .filter(([, description]) => !description)
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });
});

// The SDL's text only reaches readers (GraphiQL's Docs) through introspection of the running
// server, and resolvers can replace it there: a GraphQLScalarType built in code carries its own
// description, none unless given one.
describe('introspection of the running server', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows every description of the SDL, unchanged', async () => {
    const introspected = descriptionsOf(
      buildClientSchema(dataOf(await api.query<IntrospectionQuery>(getIntrospectionQuery()))),
    );
    const differing = [...descriptionsOf(schema)]
      .filter(([key, description]) => description && introspected.get(key) !== description)
      .map(([key, description]) => ({
        key,
        sdl: description,
        introspected: introspected.get(key),
      }));
    expect(differing).toEqual([]);
  });
});
