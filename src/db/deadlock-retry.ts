// Deadlocks: PostgreSQL ends one of two transactions that wait on each other's rows (40P01), e.g.
// two editors making two actors each other's parent at once, each locking its own row and then
// the other's (the foreign-key check). The victim rolled back entirely, so running it once more
// is safe; it then sees the other's committed change. A second deadlock is answered CONFLICT.
import { ApiError } from '../errors.js';
import type { Db } from './client.js';

const DEADLOCK = '40P01';

/** db.transaction(work), run once more if PostgreSQL ended it to break a deadlock. */
export async function transactionRetryingDeadlock<T>(
  db: Db,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (!isDeadlock(error)) throw error;
  }
  try {
    return await db.transaction(work);
  } catch (error) {
    if (!isDeadlock(error)) throw error;
    throw new ApiError(
      'Another change to the same records ran at the same time and this one could not complete: ' +
        'reload the records and try again',
      'CONFLICT',
    );
  }
}

/** Whether a driver error, or one it wraps (Drizzle sets `cause`), is a deadlock. */
function isDeadlock(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === DEADLOCK) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
