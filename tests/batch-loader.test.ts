// BatchLoader.settle (src/db/batch.ts): a list's relations are loaded ahead of their fields in
// bulk, without a DataLoader promise per key, and still share one batch — one statement — with
// whatever else loads the same loader in the same tick.
import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../src/db/batch.js';

/** A loader whose batches are recorded; each waits for `gate` (a statement under way). */
function counted(fail?: Error, gate: Promise<void> = Promise.resolve()) {
  const calls: string[][] = [];
  const loader = new BatchLoader<{ id: string } | null>(async (keys) => {
    calls.push([...keys].sort());
    await gate;
    if (fail) throw fail;
    return keys.map((id) => (id.startsWith('gone') ? null : { id }));
  });
  return { loader, calls };
}

describe('BatchLoader.settle', () => {
  it('reads the keys in one batch and makes them peekable', async () => {
    const { loader, calls } = counted();
    await loader.settle(['a', 'b', 'gone-1']);
    expect(calls).toEqual([['a', 'b', 'gone-1']]);
    expect(loader.peek('a')).toEqual({ id: 'a' });
    expect(loader.peek('gone-1')).toBeNull();
    expect(loader.peek('c')).toBeUndefined();
  });

  it('shares one batch with other settles and with loads of the same tick', async () => {
    const { loader, calls } = counted();
    const [, , loaded] = await Promise.all([
      loader.settle(['a', 'b']),
      loader.settle(['b', 'c']),
      loader.load('d'),
    ]);
    expect(loaded).toEqual({ id: 'd' });
    expect(calls).toEqual([['a', 'b', 'c', 'd']]);
    expect(loader.peek('c')).toEqual({ id: 'c' });
  });

  it('reads nothing again: settled keys, keys under way, keys then loaded one by one', async () => {
    const { loader, calls } = counted();
    await loader.settle(['a']);
    const underWay = loader.load('b');
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    // 'b' is in a batch of its own by now; settling it waits for that batch.
    await Promise.all([loader.settle(['a', 'b']), underWay]);
    expect(calls).toEqual([['a'], ['b']]);
    await expect(loader.load('a')).resolves.toEqual({ id: 'a' });
    await loader.settle(['a', 'b']);
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('waits for a batch under way that was started by another settle', async () => {
    const { loader, calls } = counted();
    const first = loader.settle(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, loader.settle(['a', 'b'])]);
    expect(calls).toEqual([['a'], ['b']]);
    expect(loader.peek('a')).toEqual({ id: 'a' });
  });

  it('answers a load of a key that a settle is reading from that read', async () => {
    let open = () => {};
    const { loader, calls } = counted(undefined, new Promise((resolve) => (open = resolve)));
    const settling = loader.settle(['a', 'b']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a', 'b']]);
    const loading = loader.load('a');
    await new Promise((resolve) => setImmediate(resolve));
    open();
    await expect(loading).resolves.toEqual({ id: 'a' });
    await settling;
    expect(calls).toEqual([['a', 'b']]);
  });

  it('rejects with the batch’s error, which its keys keep (and are not read again)', async () => {
    const failure = new Error('canceling statement due to statement timeout');
    const { loader, calls } = counted(failure);
    await expect(loader.settle(['a', 'b'])).rejects.toBe(failure);
    expect(loader.failure('a')).toBe(failure);
    expect(loader.peek('a')).toBeUndefined();
    await expect(loader.settle(['a'])).resolves.toBeUndefined();
    expect(calls).toEqual([['a', 'b']]);
  });

  it('resolves at once when there is nothing to read', async () => {
    const { loader, calls } = counted();
    await loader.settle([]);
    expect(calls).toEqual([]);
  });
});
