// Test support: a PostgreSQL cluster of the test's own (initdb in a temporary folder, a free
// loopback port), so that fault tests can stop and start it. initdb and postgres refuse to run as
// root: as root they run as the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** The cluster's data folder (postmaster.pid names the server's process). */
  dataDir: string;
  start(): void;
  /** `fast`: disconnects every client, as a server restart does. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** SIGSTOP to the postmaster and every backend: a server that accepts TCP but never answers. */
  freeze(): void;
  /** SIGCONT to the same processes. */
  thaw(): void;
  destroy(): void;
}

/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A new cluster; with `replicaOf`, a streaming replica of that (running) cluster, copied with
 * pg_basebackup and following it as a hot standby.
 */
export async function createThrowawayPostgres(
  bin: string,
  { replicaOf }: { replicaOf?: ThrowawayPostgres } = {},
): Promise<ThrowawayPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'armstrail-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, program),
      asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args,
      {
        stdio: 'pipe',
        timeout: 60_000,
      },
    );
  const data = join(dir, 'data');
  if (replicaOf) {
    // -R writes standby.signal and primary_conninfo: the copy starts as the primary's standby.
    run('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(replicaOf.port), '-U', 'postgres'],
      ...['-D', data, '-R', '-X', 'stream', '--no-sync', '--checkpoint=fast'],
    ]);
  } else {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  }
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const start = () => {
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  start();
  // The postmaster's PID is the first line of postmaster.pid; its children are the backends.
  const signalAll = (signal: 'STOP' | 'CONT') => {
    const postmaster = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
    execFileSync('kill', [`-${signal}`, postmaster]);
    execFileSync('pkill', [`-${signal}`, '-P', postmaster], { stdio: 'ignore' });
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir: data,
    start,
    stop,
    freeze: () => signalAll('STOP'),
    thaw: () => signalAll('CONT'),
    destroy() {
      try {
        signalAll('CONT');
      } catch {
        // Not running.
      }
      try {
        stop('immediate');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
