// Authorization: the role a mutation needs, checked before any work is done.
import type { Context } from '../../context.js';
import { ApiError } from '../../errors.js';
import type { Role, Viewer } from './api-keys.service.js';

const RANK: Record<Role, number> = { READER: 0, EDITOR: 1, ADMIN: 2 };

/** The key-holding viewer, if it has at least `role`; FORBIDDEN otherwise. */
export function requireRole(ctx: Context, role: Role): Extract<Viewer, { kind: 'key' }> {
  const { viewer } = ctx;
  if (viewer.kind !== 'key' || RANK[viewer.role] < RANK[role]) {
    const who = viewer.kind === 'key' ? `this ${viewer.role} key` : 'an anonymous request';
    throw new ApiError(
      `This needs an API key of role ${role} or above; ${who} cannot do it`,
      'FORBIDDEN',
    );
  }
  return viewer;
}

/** The author of a change: the key's holder, as the key is named now. */
export function requireAuthor(ctx: Context, role: Role): { keyId: string; name: string } {
  const viewer = requireRole(ctx, role);
  return { keyId: viewer.keyId, name: viewer.name };
}
