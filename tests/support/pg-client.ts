// Test support: one PostgreSQL client for a few administrative statements.
import pg from 'pg';

/** Runs `fn` with a single client of `url`, closed afterwards. */
export async function withClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `fn` while another connection holds an exclusive lock on `deals`, released when `fn`
 * settles: the honest way to keep the server's statements on deals waiting.
 */
export async function whileDealsLocked<T>(url: string, fn: () => Promise<T>): Promise<T> {
  return withClient(url, async (admin) => {
    await admin.query('begin');
    await admin.query('lock table deals in access exclusive mode');
    try {
      return await fn();
    } finally {
      await admin.query('rollback').catch(() => undefined);
    }
  });
}
