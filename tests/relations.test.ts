// Relations loaded ahead of their fields (src/graphql/relations.ts) answer from settled values,
// and a failed batch fails the fields with its own error, once: DataLoader forgets a failed
// batch's keys, and loading them again would run the statement twice (a timeout waited twice).
import type { GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { BatchLoader } from '../src/db/batch.js';
import { relationResolver, type Relation } from '../src/graphql/relations.js';

interface Parent {
  childId: string | null;
}

function counted(batch: (keys: readonly string[]) => Promise<({ id: string } | null)[]>) {
  const calls: string[][] = [];
  const loader = new BatchLoader<{ id: string } | null>((keys) => {
    calls.push([...keys]);
    return batch(keys);
  });
  return { loader, calls };
}

const info = { fieldNodes: [], fragments: {} } as unknown as GraphQLResolveInfo;
const ctx = {} as Context;

function relationTo<K extends 'one' | 'optional'>(kind: K, loader: BatchLoader<unknown>) {
  const relation: Relation<Parent, unknown, K> = {
    kind,
    type: 'Child',
    key: (parent) => parent.childId as string,
    loader: () => loader,
  };
  return relationResolver(relation);
}

describe('relations', () => {
  it('returns a settled value as a value, not a promise', async () => {
    const { loader, calls } = counted((keys) => Promise.resolve(keys.map((id) => ({ id }))));
    await loader.loadMany(['a', 'b']);
    const resolve = relationTo('one', loader);
    expect(resolve({ childId: 'a' }, {}, ctx, info)).toEqual({ id: 'a' });
    expect(calls).toEqual([['a', 'b']]);
  });

  it('fails with the batch’s own error, without running the batch again', async () => {
    const failure = new Error('canceling statement due to statement timeout');
    const { loader, calls } = counted(() => Promise.reject(failure));
    await expect(loader.load('a')).rejects.toBe(failure);
    const resolve = relationTo('one', loader);
    await expect(resolve({ childId: 'a' }, {}, ctx, info)).rejects.toBe(failure);
    expect(calls).toHaveLength(1);
  });

  it('fails a missing required row through a rejected promise, and gives null when optional', async () => {
    const { loader } = counted((keys) => Promise.resolve(keys.map(() => null)));
    await loader.load('gone');
    const required = relationTo('one', loader)({ childId: 'gone' }, {}, ctx, info);
    expect(required).toBeInstanceOf(Promise);
    await expect(required).rejects.toThrow('A row referenced by a foreign key is missing');
    expect(relationTo('optional', loader)({ childId: 'gone' }, {}, ctx, info)).toBeNull();
    expect(relationTo('optional', loader)({ childId: null }, {}, ctx, info)).toBeNull();
  });

  it('loads what has not been loaded yet', async () => {
    const { loader, calls } = counted((keys) => Promise.resolve(keys.map((id) => ({ id }))));
    const value = relationTo('one', loader)({ childId: 'c' }, {}, ctx, info);
    expect(value).toBeInstanceOf(Promise);
    await expect(value).resolves.toEqual({ id: 'c' });
    expect(calls).toEqual([['c']]);
  });
});
