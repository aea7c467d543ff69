// Authorization: the role a mutation needs, checked before any work is done.
import type { Context } from '../../context.js';
import { ApiError } from '../../errors.js';
import type { Role, Viewer } from './api-keys.service.js';

const RANK: Record<Role, number> = { EDITOR: 1, ADMIN: 2 };

/** The key-holding viewer, if it has at least `role`; FORBIDDEN otherwise. */
export function requireRole(ctx: Context, role: Role): Extract<Viewer, { kind: 'key' }> {
  const { viewer } = ctx;
  if (viewer.kind !== 'key' || RANK[viewer.role] < RANK[role]) {
    const who = viewer.kind === 'key' ? `an ${viewer.role} key` : 'an anonymous request';
    throw new ApiError(`This needs an ${role} API key; ${who} may only read`, 'FORBIDDEN');
  }
  return viewer;
}

/** The author of a change: the key's holder, as the key is named now. */
export function requireAuthor(ctx: Context, role: Role): { keyId: string; name: string } {
  const viewer = requireRole(ctx, role);
  return { keyId: viewer.keyId, name: viewer.name };
}
