// The schema's fields as tests that ask each field of a type alone list them
// (tests/deal-columns.test.ts, tests/relation-columns.test.ts).
import {
  buildSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { readFileSync } from 'node:fs';

export const schema = buildSchema(
  readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'),
);

/** Whether a field can be asked without arguments. */
export const askable = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** Each field of a type that needs no argument, with a selection of it (`below` its type's). */
export function fieldsOf(typeName: string, below: (type: GraphQLNamedType) => string) {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`schema.graphql has no ${typeName} type`);
  return Object.values(type.getFields())
    .filter(askable)
    .map((field) => ({
      name: field.name,
      selection: `${field.name} ${below(getNamedType(field.type))}`,
    }));
}
