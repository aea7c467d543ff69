// What the create and update inputs of actors and platforms share: the editable fields (all of a
// create's, the sent ones of an update), aliases, the ID and version of an update, a reason and
// optional citations; and how the validated input becomes a NamedWrite.
import type { z } from 'zod';
import {
  aliases,
  editableFields,
  reason,
  updating,
  type AliasValues,
  type Lookup,
} from '../../graphql/input-schema.js';
import { citationsInput, type ValidCitation } from '../sources/sources.input.js';
import type { NamedWrite, ValuesOf } from './records.service.js';

export function namedWriteInput<S extends z.ZodRawShape>(
  type: 'Actor' | 'Platform',
  lookup: Lookup,
  input: object,
  fields: S,
) {
  return editableFields({ ...fields, aliases: aliases() }, 'id' in input).extend({
    ...updating(type),
    reason: reason(true),
    citations: citationsInput(lookup, { required: false }),
  });
}

/** The write a validated input asks for, with the column values it sets. */
export function namedWrite<T extends 'Actor' | 'Platform'>(
  input: {
    id?: string;
    expectedVersion?: number;
    aliases?: AliasValues[];
    citations: ValidCitation[];
    reason: string;
  },
  values: Partial<ValuesOf<T>>,
): NamedWrite<T> {
  return {
    id: input.id ?? null,
    expectedVersion: input.expectedVersion ?? null,
    values,
    aliases: input.aliases ?? null,
    citations: input.citations,
    reason: input.reason,
  };
}
