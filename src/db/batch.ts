// Batching helpers: turn one IN-query's rows into DataLoader results in key order.
import DataLoader from 'dataloader';

// The key a bulk `settle` loads to have DataLoader dispatch the tick's batch: never a real key
// (those are UUIDs and other printable text), and never cached (cleared before each use).
const BULK = '\u0000settle';

/**
 * A DataLoader whose settled values can be read synchronously (`peek`). A resolver that finds
 * its row there returns it as a value, not a promise: graphql-jit then builds the field at
 * once, without the promise, the callbacks and the microtask turns a loaded value costs it
 * (src/graphql/relations.ts loads a list's relations before its fields are resolved).
 *
 * `settle` loads many keys for `peek` without a promise per key: a DataLoader `load` is a
 * promise, two callbacks, a cache entry and a microtask, ~250 of them for a page of 100 deals'
 * parties, items and platforms — the largest share of Armstrail's own code in that request's
 * profile, and a tenth of what it allocated (issue 12). The keys still go into DataLoader's
 * batch of the tick, with every `load` of that tick: one statement, as before.
 */
export class BatchLoader<V> extends DataLoader<string, V> {
  private readonly settled = new Map<string, V>();
  // A failed batch's error by key. DataLoader forgets the keys of a failed batch, so a second
  // load would run the statement again (and wait out a timeout twice): a resolver that finds
  // its key here fails with the same error instead, as it would have by loading it first.
  private readonly failed = new Map<string, Error>();
  // Keys `settle` asked for that wait for the tick's batch, and that batch's promise.
  private queued = new Set<string>();
  private nextBatch: Promise<unknown> | null = null;
  // Batches under way: settling one of their keys waits for them rather than reads it again.
  private readonly underWay = new Set<{ keys: ReadonlySet<string>; read: Promise<void> }>();

  constructor(private readonly batch: (keys: readonly string[]) => Promise<V[]>) {
    super((keys) => this.dispatch(keys));
  }

  /** The value of a key whose batch has settled; undefined before that, or if it failed. */
  peek(key: string): V | undefined {
    return this.settled.get(key);
  }

  /** The error of a key whose batch failed (see `failed`); undefined otherwise. */
  failure(key: string): Error | undefined {
    return this.failed.get(key);
  }

  /**
   * Reads the keys not settled yet, for `peek`: resolves when they are settled, rejects with
   * their batch's error. A key that failed before is left as it is (its fields fail with its
   * error); one under way is waited for, not read again.
   */
  settle(keys: Iterable<string>): Promise<unknown> {
    let waits: Set<Promise<unknown>> | null = null;
    let queued = false;
    for (const key of keys) {
      if (this.settled.has(key) || this.failed.has(key)) continue;
      const batch = this.batchReading(key);
      if (batch) (waits ??= new Set()).add(batch);
      else {
        this.queued.add(key);
        queued = true;
      }
    }
    if (queued) {
      if (!this.nextBatch) {
        this.clear(BULK);
        this.nextBatch = this.load(BULK);
      }
      (waits ??= new Set()).add(this.nextBatch);
    }
    return waits ? Promise.all(waits) : Promise.resolve();
  }

  private batchReading(key: string): Promise<void> | undefined {
    for (const batch of this.underWay) if (batch.keys.has(key)) return batch.read;
    return undefined;
  }

  /**
   * DataLoader's batch: its keys and those queued by `settle`, in one read. A key already
   * settled (by `settle`, so not in DataLoader's cache) is answered without reading it again.
   */
  private dispatch(keys: readonly string[]): Promise<V[]> {
    // Queued keys were neither settled nor under way when queued, within this tick.
    const wanted = this.queued;
    this.queued = new Set();
    this.nextBatch = null;
    const reads: Promise<void>[] = [];
    for (const key of keys) {
      if (key === BULK || this.settled.has(key)) continue;
      const batch = this.batchReading(key);
      if (batch) reads.push(batch);
      else wanted.add(key);
    }
    if (wanted.size > 0) {
      const batch = { keys: wanted, read: this.read([...wanted]) };
      this.underWay.add(batch);
      const done = () => this.underWay.delete(batch);
      batch.read.then(done, done);
      reads.push(batch.read);
    }
    return Promise.all(reads).then(() => keys.map((key) => this.settled.get(key) as V));
  }

  private async read(keys: string[]): Promise<void> {
    try {
      const values = await this.batch(keys);
      keys.forEach((key, i) => {
        this.settled.set(key, values[i]!);
        this.failed.delete(key);
      });
    } catch (error) {
      // What the loads reject with (the drivers throw Errors; anything else is wrapped).
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const key of keys) {
        this.failed.set(key, failure);
        this.settled.delete(key);
      }
      throw failure;
    }
  }
}

/**
 * A loader of at most one row per key (by primary key): `null` for a key with no row.
 * `fetch` runs one statement for the whole batch.
 */
export function loaderOne<T>(
  fetch: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): BatchLoader<T | null> {
  return new BatchLoader<T | null>(async (keys) => {
    const byKey = new Map<string, T>();
    for (const row of await fetch([...keys])) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * Loaders of a table's rows by primary key, one per set of columns (what a selection reads, so
 * that a page's 100 platforms are not read whole: issue 12), beside `whole`, the loader of the
 * rows with every column. A key is answered from any of the request's loaders that has settled
 * it with at least the columns asked for: a row read whole (a filter's actor) or with more
 * columns (an item's platform, then the same platform as another's family) costs no second
 * statement. `fetch` reads the rest, one statement per batch.
 */
export function loadersByColumns<T, K extends string>(
  whole: BatchLoader<T | null>,
  fetch: (columns: readonly K[], keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): (columns: readonly K[]) => BatchLoader<T | null> {
  const loaders = new Map<string, { columns: ReadonlySet<K>; loader: BatchLoader<T | null> }>();
  const holding = (columns: ReadonlySet<K>) => [
    whole,
    ...[...loaders.values()]
      .filter((other) => other.columns.size > columns.size)
      .filter((other) => [...columns].every((column) => other.columns.has(column)))
      .map((other) => other.loader),
  ];
  return (columns) => {
    const name = columnsKey(columns);
    let entry = loaders.get(name);
    if (!entry) {
      const own = new Set(columns);
      const loader = new BatchLoader<T | null>(async (keys) => {
        const sources = holding(own);
        const settled = (key: string) => {
          for (const source of sources) {
            const row = source.peek(key);
            if (row !== undefined) return row;
          }
          return undefined;
        };
        const found = keys.map(settled);
        const missing = keys.filter((_, i) => found[i] === undefined);
        const read = new Map<string, T>();
        if (missing.length > 0) {
          for (const row of await fetch(columns, missing)) read.set(keyOf(row), row);
        }
        return keys.map((key, i) => found[i] ?? read.get(key) ?? null);
      });
      entry = { columns: own, loader };
      loaders.set(name, entry);
    }
    return entry.loader;
  };
}

/**
 * A set of columns as a loader's key. A selector hands out one array per field node, and a
 * relation is resolved once per row: joining the array each time built, and hashed, a new
 * string per row (issue 12's profile), so each array's key is joined once.
 */
const columnKeys = new WeakMap<readonly string[], string>();
export function columnsKey(columns: readonly string[]): string {
  let key = columnKeys.get(columns);
  if (key === undefined) {
    key = columns.join(',');
    columnKeys.set(columns, key);
  }
  return key;
}

/**
 * A loader of all rows per key (by foreign key): `[]` for a key with no rows. Rows keep
 * the order `fetch` returns them in, so `fetch` decides the order within each key.
 */
export function loaderMany<T>(
  fetch: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): BatchLoader<T[]> {
  return new BatchLoader<T[]>(async (keys) => {
    const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await fetch([...keys])) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/**
 * A family of loaders that share a batch function but differ in arguments (page size,
 * filter, order): one DataLoader per distinct argument set, created on first use.
 */
export function loaderFamily<A, L extends DataLoader<string, unknown>>(
  create: (args: A) => L,
  argsKey: (args: A) => string = (args) => JSON.stringify(args),
): (args: A) => L {
  const loaders = new Map<string, L>();
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
