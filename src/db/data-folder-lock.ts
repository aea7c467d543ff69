// An exclusive lock on a PGlite data folder: one process at a time, or writes are lost.
//
// PGlite is PostgreSQL compiled to WebAssembly, running inside one process with the data
// folder as its disk. It has no postmaster to arbitrate between processes: a second process
// that opens the same folder works on its own copy of the buffers and the write-ahead log, and
// whichever closes last overwrites what the other committed (acknowledged writes vanish at the
// next start, or the folder is left corrupt). So whoever opens a folder — the server or a CLI —
// first takes this lock, and everyone else is refused with a message that says who holds it.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { OperatorError } from '../operator-error.js';

export const LOCK_FILE_NAME = 'armstrail.lock';

/** What the lock file records about its holder. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** The holder's start time in clock ticks since boot (Linux), to tell a reused PID apart. */
  processStart: string | null;
  command: string;
  lockedAt: string;
}

export class DataFolderLockedError extends OperatorError {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The PGlite data folder ${folder} is in use by process ${holder.pid} on ${holder.hostname} ` +
        `(${holder.command}, since ${holder.lockedAt}).\n` +
        'PGlite serves one process per data folder; a second one would lose writes. Either:\n' +
        '  - stop that process first, then run this command again;\n' +
        '  - while the server runs, manage API keys through the API (createApiKey, apiKeys and\n' +
        '    revokeApiKey, with an ADMIN key) instead of `npm run keys`;\n' +
        '  - or set DATABASE_URL to a PostgreSQL server, which any number of processes can share.\n' +
        `If process ${holder.pid} is certainly not running, delete ${join(folder, LOCK_FILE_NAME)}.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly file: string;
  /** Gives the folder up; safe to call twice. */
  release(): void;
}

/**
 * Takes the folder's lock or throws DataFolderLockedError. A lock left by a process that has
 * died (killed, crashed, the machine restarted) is taken over. The lock is also given up when
 * the process exits without closing the database.
 */
export function lockDataFolder(folder: string, command = describeThisProcess()): DataFolderLock {
  const file = join(folder, LOCK_FILE_NAME);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    processStart: processStartTime(process.pid),
    command,
    lockedAt: new Date().toISOString(),
  };
  // Two attempts: the second follows the removal of a dead holder's lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, me)) {
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.removeListener('exit', release);
        // Only our own lock: never delete one a later process took over.
        if (readHolder(file)?.pid === me.pid) unlinkQuietly(file);
      };
      process.on('exit', release);
      return { file, release };
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) throw new DataFolderLockedError(resolve(folder), holder);
    // Dead holder, or a lock file cut short by a crash mid-write: it holds nothing.
    unlinkQuietly(file);
  }
  const holder = readHolder(file);
  throw new DataFolderLockedError(resolve(folder), holder ?? { ...me, pid: -1, command: '?' });
}

/** Creates the lock file atomically (O_EXCL); false when it exists already. */
function tryCreate(file: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(me, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  // A process on another machine (a shared network folder) cannot be checked: assume it runs.
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The PID exists; after a restart it may be another program's. The start time tells.
  const start = processStartTime(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/** Field 22 of /proc/<pid>/stat (start time since boot), or null off Linux. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function describeThisProcess(): string {
  const script = process.argv[1] ?? '';
  if (script.endsWith('main.ts') || script.endsWith('main.js')) return 'the Armstrail server';
  const cli = /cli\/([\w-]+)\.[tj]s$/.exec(script);
  return cli ? `the ${cli[1]} command` : `node ${script}`;
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
