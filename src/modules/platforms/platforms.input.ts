// Platform inputs: createPlatform and updatePlatform (one schema; an update changes only what it
// sends), mergePlatforms. The output is what platforms.service.ts writes.
import type {
  CreatePlatformInput,
  UnrocaCategory,
  UpdatePlatformInput,
  WeaponCategory,
} from '../../graphql/generated/resolvers-types.js';
import { checked, reference, references, text, type Lookup } from '../../graphql/input-schema.js';
import type { ValuesOf } from '../records/records.service.js';
import { namedWrite, namedWriteInput } from '../records/records.input.js';
import type { ValidPlatformWrite } from './platforms.service.js';

export function platformWriteInput(
  lookup: Lookup,
  input: CreatePlatformInput | UpdatePlatformInput,
) {
  const isUpdate = 'id' in input;
  return namedWriteInput('Platform', lookup, input, {
    designation: text({ max: 300, required: true }),
    // A merged-away platform leads to its winner, which may be this very platform (checked below).
    family: reference('Platform', lookup).nullish(),
    category: checked<WeaponCategory | null>().optional(),
    unrocaCategory: checked<UnrocaCategory | null>().optional(),
    description: text({ max: 2000 }),
    // A merged-away producer and its winner are one producer.
    producers: references('Actor', lookup),
  })
    .superRefine((platform, ctx) => {
      if (platform.id && platform.family === platform.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['family'],
          message: 'a platform cannot be its own family',
        });
      }
    })
    .transform((platform): ValidPlatformWrite => {
      const values: Partial<ValuesOf<'Platform'>> = {};
      if (platform.designation !== undefined) values.designation = platform.designation;
      if (platform.family !== undefined) {
        values.parentId = platform.family;
        // The editor's choice, even "no family", wins over every later import's rules.
        values.familySource = isUpdate || platform.family ? 'editor' : null;
      }
      if (platform.category !== undefined) values.category = platform.category ?? null;
      if (platform.unrocaCategory !== undefined) {
        values.unrocaCategory = platform.unrocaCategory ?? null;
      }
      if (platform.description !== undefined) values.description = platform.description;
      return { ...namedWrite(platform, values), producerIds: platform.producers ?? null };
    });
}
