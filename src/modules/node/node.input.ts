// deleteRecord's input: the ID of a record of a type that can be deleted on its own, and why.
import { z } from 'zod';
import { globalIdOfAny, reason } from '../../graphql/input-schema.js';
import { DELETABLE_TYPES, type DeletableType } from '../../graphql/record-types.js';

export function deleteRecordInput() {
  return z.object({
    id: globalIdOfAny<DeletableType>((type) =>
      (DELETABLE_TYPES as readonly string[]).includes(type)
        ? null
        : `a ${type} cannot be deleted on its own`,
    ),
    reason: reason(true),
  });
}
