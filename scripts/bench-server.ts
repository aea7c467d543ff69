// The server as the benchmarks run it: a child process on 127.0.0.1 (production mode), with the
// two figures a benchmark reports besides latency — the CPU time the process has used (from
// /proc, the child's own utime + stime, what process.cpuUsage() would say inside it) and its
// peak resident memory, sampled every 100 ms.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/support/throwaway-postgres.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The whole SIPRI register the benchmarks import (BENCH_SIPRI_CSV names another file). */
export const SIPRI_FILE =
  process.env.BENCH_SIPRI_CSV ??
  fileURLToPath(
    new URL('../../shared/data/sipri-trade-register-all-generated-2026-05-18.csv', import.meta.url),
  );

/** Runs a script of the project (a CLI) to its end with `env` added; its output, or throws. */
export function runCli(args: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    // A whole-register import on a loaded machine takes minutes.
    timeout: 900_000,
  });
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout + result.stderr;
}
// Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every usual kernel).
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) of a process, from its /proc/<pid>/stat line. */
function cpuMsOfStat(stat: string): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU milliseconds used so far by every process of this machine named `postgres` (the server's
 * backends and its helpers, whatever database they serve): what a benchmark's statements cost
 * a PostgreSQL on this machine, measured on an otherwise quiet server. 0 when there is none.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes(' (postgres) ')) total += cpuMsOfStat(stat);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export interface BenchServer {
  base: string;
  /** CPU milliseconds (user + system) the server process has used so far. */
  cpuMs(): number;
  /** Peak RSS in MB since start or the last resetPeakRss(). */
  peakRssMb(): number;
  resetPeakRss(): void;
  /** SIGTERM, then waits for the exit (a --cpu-prof profile is written on the way out). */
  stop(): Promise<void>;
}

/**
 * The server's command line as `npm start` runs it (package.json's `start`), so that the
 * benchmarks measure what is served: the sources through tsx, with V8's young generation
 * sized as there (README, "Performance").
 */
export const SERVER_ARGS = ['--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts'];

/**
 * Starts the server of the checkout at `root` (this one by default; bench:cpu --against starts
 * another version's from a worktree) with `env` added.
 */
export async function startBenchServer(
  env: Record<string, string>,
  nodeOptions: string[] = [],
  root: string = ROOT,
): Promise<BenchServer> {
  const port = await freePort();
  const server = spawn(process.execPath, [...nodeOptions, ...SERVER_ARGS], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const proc = (file: string) => readFileSync(`/proc/${server.pid}/${file}`, 'utf8');

  let peakRssKb = 0;
  const sampler = setInterval(() => {
    try {
      peakRssKb = Math.max(peakRssKb, Number(/VmRSS:\s+(\d+)/.exec(proc('status'))?.[1] ?? 0));
    } catch {
      // Not started yet, or gone.
    }
  }, 100);

  const stop = async () => {
    clearInterval(sampler);
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  };

  // Bounded wait for readiness: 240 probes, 500 ms apart.
  let ready = false;
  for (let i = 0; i < 240 && !ready && server.exitCode === null; i++) {
    ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!ready) {
    await stop();
    throw new Error('the server did not become ready');
  }

  return {
    base,
    cpuMs: () => cpuMsOfStat(proc('stat')),
    peakRssMb: () => Math.round(peakRssKb / 1024),
    resetPeakRss: () => {
      peakRssKb = 0;
    },
    stop,
  };
}
