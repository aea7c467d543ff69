import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as db from '../src/db/schema.js';
import { resolvers } from '../src/graphql/resolvers.js';
import { typeDefs } from '../src/graphql/type-defs.js';

const schema = buildSchema(typeDefs);

// GraphQL types whose parent value is a database row: a field without a resolver must be a column.
const ROW_TYPES: Record<string, PgTable> = {
  Actor: db.actors,
  Platform: db.platforms,
  Deal: db.deals,
  DealItem: db.dealItems,
  DealEvent: db.dealEvents,
  Source: db.sources,
  Citation: db.citations,
};

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
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isEnumType(type)) {
        for (const v of type.getValues())
          if (!v.description) missing.push(`${type.name}.${v.name}`);
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(
          type.getFields(),
        )) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
