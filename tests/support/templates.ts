// Test support: template databases, built once per run (tests/support/global-setup.ts) and
// copied for each test file, so that a file does not pay for initdb, migrations and the seed.
// A fresh PGlite spends ~6 s in initdb alone; loading a dump takes ~1.5 s.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { prepareDatabase } from '../../src/bootstrap.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { withClient } from './pg-client.js';

/** Where this run's templates are; each is absent on the other kind of database. */
export interface Templates {
  /** PGlite: a dump of a migrated database holding the Kazan record (createTestDatabase). */
  pgliteSeededDump?: string;
  /** PGlite: a data folder as the first `npm start` leaves it (ownDatabaseEnv). */
  pgliteReadyFolder?: string;
  /**
   * PostgreSQL: template databases of the same two kinds. The ready one holds the demo data as
   * `npm run seed` leaves it (a start on PostgreSQL seeds only with SEED_DEMO_DATA=true): the
   * servers tests start expect the Kazan record on either database.
   */
  postgresSeeded?: string;
  postgresReady?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    armstrailTemplates: Templates;
  }
}

/** The run's templates, as the global setup provided them. */
export function templates(): Templates {
  return inject('armstrailTemplates');
}

/** A PGlite dump to start from, read once per test file. */
let dumpBlob: Blob | undefined;
export function seededDump(): Blob | undefined {
  const file = templates().pgliteSeededDump;
  if (!file) return undefined;
  dumpBlob ??= new Blob([readFileSync(file)]);
  return dumpBlob;
}

/** A copy of the ready PGlite folder, or null when the run has none. */
export function copyReadyFolder(): string | null {
  const template = templates().pgliteReadyFolder;
  if (!template) return null;
  const dir = mkdtempSync(join(tmpdir(), 'armstrail-data-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Builds the templates for the database the run uses; returns them and how to remove them. */
export async function buildTemplates(
  serverUrl: string | undefined,
): Promise<{ templates: Templates; remove: () => Promise<void> }> {
  if (serverUrl) {
    const suffix = `${process.pid}_${Date.now()}`;
    const names = {
      seeded: `armstrail_tpl_seeded_${suffix}`,
      ready: `armstrail_tpl_ready_${suffix}`,
    };
    for (const name of Object.values(names)) {
      await withClient(serverUrl, (c) => c.query(`create database ${name}`));
    }
    const open = (name: string) => {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return openDatabase({
        kind: 'postgres',
        url: url.toString(),
        poolMax: 2,
        connectTimeoutMs: 5000,
        statementTimeoutMs: 120_000,
      });
    };
    await within(await open(names.seeded), seedOnly);
    await within(await open(names.ready), (d) => prepareDatabase(d));
    return {
      templates: { postgresSeeded: names.seeded, postgresReady: names.ready },
      remove: async () => {
        for (const name of Object.values(names)) {
          await withClient(serverUrl, (c) =>
            c.query(`drop database if exists ${name} with (force)`),
          );
        }
      },
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'armstrail-templates-'));
  const seeded = await openDatabase({ kind: 'pglite', dataDir: null });
  const dumpFile = join(root, 'seeded.tar');
  await within(seeded, async (d) => {
    await seedOnly(d);
    const dump = await d.dump!();
    writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  });
  const readyFolder = join(root, 'ready');
  await within(await openDatabase({ kind: 'pglite', dataDir: readyFolder }), (d) =>
    prepareDatabase(d),
  );
  return {
    templates: { pgliteSeededDump: dumpFile, pgliteReadyFolder: readyFolder },
    remove: () => Promise.resolve(rmSync(root, { recursive: true, force: true })),
  };
}

/** What createTestDatabase gives by default: migrated, with the Kazan record and references. */
async function seedOnly(database: Database): Promise<void> {
  await database.migrate();
  await seedDatabase(database.db);
}

async function within<T>(database: Database, fn: (d: Database) => Promise<T>): Promise<T> {
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
