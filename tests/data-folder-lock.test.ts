// The PGlite data-folder lock on its own: held, refused, released, and taken over when stale.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DataFolderLockedError,
  LOCK_FILE_NAME,
  lockDataFolder,
  type LockHolder,
} from '../src/db/data-folder-lock.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'armstrail-lock-'));
  folders.push(dir);
  return dir;
}

function writeHolder(dir: string, holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    processStart: null,
    command: 'the keys command',
    lockedAt: '2026-01-01T00:00:00.000Z',
    ...holder,
  };
  writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify(full));
}

describe('data folder lock', () => {
  it('is exclusive while held, and free once released', () => {
    const dir = folder();
    const lock = lockDataFolder(dir, 'the test');
    expect(() => lockDataFolder(dir)).toThrow(DataFolderLockedError);
    expect(() => lockDataFolder(dir)).toThrow(`is in use by process ${process.pid}`);
    lock.release();
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    lockDataFolder(dir).release();
  });

  it('takes over the lock of a process that has died', () => {
    const dir = folder();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeHolder(dir, { pid: dead });
    const lock = lockDataFolder(dir, 'the test');
    const holder = JSON.parse(readFileSync(lock.file, 'utf8')) as LockHolder;
    expect(holder.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose PID now belongs to a later process', () => {
    const dir = folder();
    // This process's PID, but another start time: the PID was reused after the holder died.
    writeHolder(dir, { pid: process.pid, processStart: '1' });
    lockDataFolder(dir, 'the test').release();
  });

  it('takes over an empty or cut-short lock file', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"pid": 12');
    lockDataFolder(dir, 'the test').release();
  });

  it('assumes a holder on another machine is alive, and names it', () => {
    const dir = folder();
    writeHolder(dir, { pid: 4242, hostname: 'elsewhere.example' });
    expect(() => lockDataFolder(dir)).toThrow(/in use by process 4242 on elsewhere\.example/);
  });

  it('never removes a lock that another process took over', () => {
    const dir = folder();
    const lock = lockDataFolder(dir, 'the test');
    writeHolder(dir, { pid: 4242, hostname: 'elsewhere.example' });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });
});
