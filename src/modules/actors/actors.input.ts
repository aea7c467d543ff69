// Actor inputs: createActor and updateActor (one schema; an update changes only what it sends),
// mergeActors. The output is what actors.service.ts writes.
import { z } from 'zod';
import type {
  ActorKind,
  CreateActorInput,
  UpdateActorInput,
} from '../../graphql/generated/resolvers-types.js';
import { checked, reference, text, year, type Lookup } from '../../graphql/input-schema.js';
import { isoCodes } from '../../reference/iso-countries.js';
import type { NamedWrite, ValuesOf } from '../records/records.service.js';
import { namedWrite, namedWriteInput } from '../records/records.input.js';

/** An ISO 3166-1 alpha-3 code, as the three codes stored; none is three nulls. */
function isoAlpha3() {
  return z
    .string()
    .nullish()
    .transform((code, ctx) => {
      const upper = code?.trim().toUpperCase();
      const codes = upper ? isoCodes(upper) : null;
      if (upper && !codes) {
        ctx.addIssue({ code: 'custom', message: `"${code}" is not an ISO 3166-1 alpha-3 code` });
        return z.NEVER;
      }
      return {
        isoAlpha3: codes?.alpha3 ?? null,
        isoAlpha2: codes?.alpha2 ?? null,
        isoNumeric: codes?.numeric ?? null,
      };
    });
}

export function actorWriteInput(lookup: Lookup, input: CreateActorInput | UpdateActorInput) {
  return namedWriteInput('Actor', lookup, input, {
    kind: checked<ActorKind>('an actor always has a kind'),
    name: text({ max: 300, required: true }),
    isoAlpha3: isoAlpha3(),
    // A merged-away actor leads to its winner, which may be this very actor (checked below).
    parent: reference('Actor', lookup).nullish(),
    country: reference('Actor', lookup).nullish(),
    existedFrom: year().nullish(),
    existedUntil: year().nullish(),
    description: text({ max: 5000 }),
  })
    .superRefine((actor, ctx) => {
      for (const field of ['parent', 'country'] as const) {
        if (actor.id && actor[field] === actor.id) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `an actor cannot be its own ${field}`,
          });
        }
      }
    })
    .superRefine(
      ({ existedFrom: from, existedUntil: to }, ctx) => {
        if (typeof from === 'number' && typeof to === 'number' && from > to) {
          ctx.addIssue({
            code: 'custom',
            message: `existedFrom (${from}) is after existedUntil (${to})`,
          });
        }
      },
      // Two numbers GraphQL checked: worth saying even when other fields are wrong.
      { when: () => true },
    )
    .transform((actor): NamedWrite<'Actor'> => {
      const values: Partial<ValuesOf<'Actor'>> = {};
      if (actor.kind !== undefined) values.kind = actor.kind;
      if (actor.name !== undefined) values.name = actor.name;
      if (actor.isoAlpha3 !== undefined) Object.assign(values, actor.isoAlpha3);
      if (actor.parent !== undefined) values.parentId = actor.parent;
      if (actor.country !== undefined) values.countryId = actor.country;
      if (actor.existedFrom !== undefined) values.existedFrom = actor.existedFrom;
      if (actor.existedUntil !== undefined) values.existedUntil = actor.existedUntil;
      if (actor.description !== undefined) values.description = actor.description;
      return namedWrite(actor, values);
    });
}
