// Authentication: turns a request's Authorization header into the viewer of its context.
import type { Db } from '../../db/client.js';
import { ApiError } from '../../errors.js';
import { ANONYMOUS, viewerForKey, type Viewer } from './api-keys.service.js';

/** One message for every bad key, so the answer does not tell which keys exist. */
const INVALID_KEY = 'The API key is not valid: it is unknown, revoked or malformed';

function unauthenticated(message: string): ApiError {
  return new ApiError(message, 'UNAUTHENTICATED', { http: { status: 401 } });
}

/** No header reads anonymously; a header must carry a valid key, or the request fails. */
export async function authenticate(db: Db, authorization: string | undefined): Promise<Viewer> {
  if (authorization === undefined || authorization === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <API key>"');
  const viewer = await viewerForKey(db, match[1]!);
  if (!viewer) throw unauthenticated(INVALID_KEY);
  return viewer;
}
