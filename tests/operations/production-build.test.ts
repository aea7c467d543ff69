// The production artifact, as an operator deploys it: `npm run build` in a clean copy of the
// sources, then the files package.json names (`files`: dist/, migrations, schema, seed data)
// with package.json and package-lock.json in a folder of their own, `npm ci --omit=dev` there
// (install scripts included: our postinstall must do nothing), and `node dist/main.js` with
// NODE_ENV=production on PGlite and, with TEST_DATABASE_URL, on PostgreSQL. It answers the Kazan
// query and serves GraphiQL's page and hashed assets, without bundling and without writing
// anywhere in its own folder. Slow (a build and an install: ~30 s), and bounded.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { postGraphQL, startRealServer, type RealServer } from '../support/real-server.js';
import { createScratchDatabase, testDatabaseUrl } from '../support/test-database.js';

const run = promisify(execFile);
const ROOT = process.cwd();

// What `npm run build` reads. A build that starts reading another file fails here first.
const BUILD_INPUTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'src',
  'scripts',
  'schema.graphql',
  'migrations',
  'seed-data',
];

// Dev dependencies the runtime must not need (it would fail to start without them).
const DEV_ONLY = ['tsx', 'esbuild', 'react', 'react-dom', 'graphiql', '@graphiql/react'];

const KAZAN_QUERY = `{ deals(filter: { recipientCountry: ["MLI"], stage: [REPORTED_INTEREST] }) { totalCount edges { node { stage supplier { name } recipient { name } items { platform { designation family { designation } } } citations { source { url } } } } } }`;

/** Every file under `dir` with its size and modification time: a write anywhere changes it. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat) files.set(path.slice(dir.length), `${stat.size} ${stat.mtimeMs}`);
  }
  return files;
}

describe('the production artifact (npm run build, npm ci --omit=dev, node dist/main.js)', () => {
  const temporary: string[] = [];
  let app: string;
  let installOutput: string;
  let before: Map<string, string>;

  const folder = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temporary.push(dir);
    return dir;
  };

  beforeAll(async () => {
    // A clean copy of the sources (no dist/), building with this checkout's dev dependencies.
    const source = folder('armstrail-build-');
    for (const name of BUILD_INPUTS)
      cpSync(join(ROOT, name), join(source, name), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(source, 'node_modules'), 'dir');

    // The artifact: what package.json's `files` names, dist/ once built. The install needs
    // only the rest, so it runs beside the build (the machine has two cores to share).
    app = folder('armstrail-app-');
    const { files } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
      files: string[];
    };
    expect(files).toContain('dist');
    for (const name of [
      ...files.filter((f) => f !== 'dist'),
      'package.json',
      'package-lock.json',
    ]) {
      cpSync(join(source, name), join(app, name), { recursive: true });
    }
    const [, install] = await Promise.all([
      run('npm', ['run', 'build', '--silent'], { cwd: source, timeout: 120_000 }),
      // The local npm cache first: the registry only for what it lacks.
      run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: app,
        timeout: 120_000,
      }),
    ]);
    installOutput = install.stdout + install.stderr;
    cpSync(join(source, 'dist'), join(app, 'dist'), { recursive: true });
    before = snapshot(app);
  }, 240_000);

  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  it('installs production dependencies only, on Node 20, without building anything', () => {
    for (const name of DEV_ONLY)
      expect(existsSync(join(app, 'node_modules', name)), name).toBe(false);
    expect(installOutput).not.toMatch(/EBADENGINE/);
    expect(installOutput).not.toMatch(/GraphiQL/);
    expect(byExtension(readdirSync(join(app, 'dist/graphiql-assets')))).toEqual([
      expect.stringMatching(/^graphiql-\w+\.css$/),
      expect.stringMatching(/^graphiql-\w+\.js$/),
      'manifest.json',
    ]);
  });

  /**
   * Starts the artifact, checks the Kazan query and GraphiQL, stops it. The two databases run
   * at once (`it.concurrent`, each with its test's own `expect`): neither writes to the folder.
   */
  async function serveAndCheck(expect: ExpectStatic, env: Record<string, string>): Promise<void> {
    const server: RealServer = await startRealServer(
      { NODE_ENV: 'production', ...env },
      { command: ['node', 'dist/main.js'], cwd: app },
    );
    try {
      const kazan = await postGraphQL(server.url, { query: KAZAN_QUERY });
      expect(kazan.status, kazan.text).toBe(200);
      expect(kazan.body.data).toMatchObject({
        deals: {
          totalCount: 1,
          edges: [
            {
              node: {
                stage: 'REPORTED_INTEREST',
                supplier: { name: 'Russia' },
                recipient: { name: 'Mali' },
                items: [
                  { platform: { designation: 'Mi-171', family: { designation: 'Mi-17' } } },
                  { platform: { designation: 'Mi-35', family: { designation: 'Mi-24' } } },
                ],
              },
            },
          ],
        },
      });

      const page = await fetch(server.url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="\/graphiql\/assets\/([^"]+)"/g)].map(
        (match) => match[1]!,
      );
      expect(byExtension(assets)).toEqual([
        expect.stringMatching(/^graphiql-\w+\.css$/),
        expect.stringMatching(/^graphiql-\w+\.js$/),
      ]);
      for (const name of assets) {
        const asset = await fetch(`${server.base}/graphiql/assets/${name}`);
        expect(asset.status, name).toBe(200);
        expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        // Exactly the file the build wrote: served as built, not bundled anew. Compared with
        // Buffer.equals: toEqual walks a buffer byte by byte (~2 s for the 415 kB stylesheet,
        // ~7 s for the script), and a pause over 5 s let the server's keep-alive timeout close
        // the idle connection just as fetch sent the next asset's request on it ("other side
        // closed", twice in CI).
        const served = Buffer.from(await asset.arrayBuffer());
        const built = readFileSync(join(app, 'dist/graphiql-assets', name));
        expect(
          served.equals(built),
          `${name}: ${served.length} bytes served, ${built.length} built`,
        ).toBe(true);
      }
      expect(server.output.join('')).not.toMatch(/bundl/i);
    } catch (error) {
      // What the server printed says why a connection closed under the client.
      throw new Error(`${String(error)}\nserver output:\n${server.output.join('')}`, {
        cause: error,
      });
    } finally {
      await server.stop();
    }
    expect(await server.exited).toBe(0);
    // Nothing written into its own folder or node_modules (no .cache, no rebuilt bundle).
    expect(existsSync(join(app, 'node_modules/.cache'))).toBe(false);
    expect(snapshot(app)).toEqual(before);
  }

  it.concurrent(
    'serves on PGlite (demo data by default) with NODE_ENV=production',
    async ({ expect }) => {
      await serveAndCheck(expect, { PGLITE_DATA_DIR: folder('armstrail-prod-data-') });
    },
    90_000,
  );

  it.runIf(testDatabaseUrl).concurrent(
    'serves on PostgreSQL (demo data asked for) with NODE_ENV=production',
    async ({ expect }) => {
      const scratch = await createScratchDatabase(testDatabaseUrl!, 'armstrail_prod');
      try {
        await serveAndCheck(expect, { DATABASE_URL: scratch.url, SEED_DEMO_DATA: 'true' });
      } finally {
        await scratch.drop();
      }
    },
    90_000,
  );
});

/** File names by extension (.css, .js, .json): hashed names sort in any order among themselves. */
function byExtension(names: string[]): string[] {
  return [...names].sort((a, b) => extname(a).localeCompare(extname(b)) || a.localeCompare(b));
}
