// Batching helpers: turn one IN-query's rows into DataLoader results in key order.
import DataLoader from 'dataloader';

/**
 * A loader of at most one row per key (by primary key): `null` for a key with no row.
 * `fetch` runs one statement for the whole batch.
 */
export function loaderOne<T>(
  fetch: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const byKey = new Map<string, T>();
    for (const row of await fetch([...keys])) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A loader of all rows per key (by foreign key): `[]` for a key with no rows. Rows keep
 * the order `fetch` returns them in, so `fetch` decides the order within each key.
 */
export function loaderMany<T>(
  fetch: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await fetch([...keys])) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/**
 * A family of loaders that share a batch function but differ in arguments (page size,
 * filter, order): one DataLoader per distinct argument set, created on first use.
 */
export function loaderFamily<A, V>(
  create: (args: A) => DataLoader<string, V>,
  argsKey: (args: A) => string = (args) => JSON.stringify(args),
): (args: A) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (args) => {
    const key = argsKey(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}
