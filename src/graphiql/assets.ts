// GraphiQL: bundles the browser app (src/graphiql/browser) from npm packages with esbuild into a
// local cache, so the page needs nothing from a CDN and no minified bundle is committed.
// Runs at install (scripts/build-graphiql.ts) and, when the bundle is missing or stale, on the
// first GraphiQL request.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROWSER_SOURCES = join(PROJECT_ROOT, 'src/graphiql/browser');
const ENTRY = join(BROWSER_SOURCES, 'app.tsx');

/**
 * Where the bundle goes. Under node_modules/.cache because it is made from node_modules and
 * lives and dies with them (npm ci rebuilds both), and because git, ESLint and Prettier
 * already ignore it.
 */
export const GRAPHIQL_ASSETS_DIR = join(PROJECT_ROOT, 'node_modules/.cache/armstrail-graphiql');
const MANIFEST = join(GRAPHIQL_ASSETS_DIR, 'manifest.json');

// Packages whose versions change the bundle; with the browser sources they make the input hash.
const BUNDLED_PACKAGES = [
  'graphiql',
  '@graphiql/react',
  'react',
  'react-dom',
  'graphql',
  'esbuild',
];

export interface GraphiQLAssetManifest {
  /** Hash of the browser sources and the bundled packages' versions the bundle was built from. */
  inputsHash: string;
  /** File names in GRAPHIQL_ASSETS_DIR; they carry a content hash, so they can be cached forever. */
  script: string;
  stylesheet: string;
  graphiqlVersion: string;
}

export class GraphiQLAssetsUnavailableError extends Error {}

/**
 * The current bundle: reuses the cached one when its inputs are unchanged, rebuilds it when
 * they changed or it is missing. Without esbuild (a production install without dev
 * dependencies) a stale bundle is still served, and a missing one is an error that says what
 * to run.
 */
export async function ensureGraphiQLAssets(
  onRebuild: (reason: string) => void = () => undefined,
): Promise<GraphiQLAssetManifest> {
  const cached = await readManifest();
  // A deployment may ship node_modules without src/graphiql/browser; then trust the bundle.
  if (cached && !existsSync(ENTRY)) return cached;
  const inputsHash = await hashInputs();
  if (cached?.inputsHash === inputsHash) return cached;
  onRebuild(cached ? 'GraphiQL sources or packages changed' : 'GraphiQL bundle missing');
  try {
    return await buildGraphiQLAssets(inputsHash);
  } catch (error) {
    if (cached && isMissingEsbuild(error)) return cached;
    if (isMissingEsbuild(error)) {
      throw new GraphiQLAssetsUnavailableError(
        'GraphiQL is not built and esbuild (a dev dependency) is not installed: ' +
          'run `npm run build:graphiql` where dev dependencies are installed.',
        { cause: error },
      );
    }
    throw error;
  }
}

/** Bundles the browser app and writes it, then the manifest, each by atomic rename. */
export async function buildGraphiQLAssets(inputsHash?: string): Promise<GraphiQLAssetManifest> {
  const hash = inputsHash ?? (await hashInputs());
  // A dev dependency: imported only when a build is needed, so production installs start.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { graphiql: ENTRY },
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    // React's production build; its development build is larger and warns in the console.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images go inside the CSS, so the page never fetches anything else.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.png': 'dataurl' },
    entryNames: '[name]-[hash]',
    outdir: GRAPHIQL_ASSETS_DIR,
    write: false,
    logLevel: 'silent',
  });
  await mkdir(GRAPHIQL_ASSETS_DIR, { recursive: true });
  const names: string[] = [];
  for (const file of result.outputFiles) {
    names.push(basename(file.path));
    await writeAtomically(file.path, file.contents);
  }
  const script = names.find((name) => name.endsWith('.js'));
  const stylesheet = names.find((name) => name.endsWith('.css'));
  if (!script || !stylesheet) throw new Error(`esbuild produced ${names.join(', ')}`);
  const manifest: GraphiQLAssetManifest = {
    inputsHash: hash,
    script,
    stylesheet,
    graphiqlVersion: packageVersion('graphiql'),
  };
  await writeAtomically(MANIFEST, JSON.stringify(manifest, null, 2));
  await removeOtherBundles([...names, basename(MANIFEST)]);
  return manifest;
}

/** A bundle file's contents, by a name from the manifest. */
export function readGraphiQLAsset(name: string): Promise<Buffer> {
  return readFile(join(GRAPHIQL_ASSETS_DIR, basename(name)));
}

async function readManifest(): Promise<GraphiQLAssetManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as GraphiQLAssetManifest;
    const present = [manifest.script, manifest.stylesheet].every((name) =>
      existsSync(join(GRAPHIQL_ASSETS_DIR, name)),
    );
    return present ? manifest : null;
  } catch {
    return null;
  }
}

async function hashInputs(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  const files = (await readdir(BROWSER_SOURCES, { recursive: true })).sort();
  for (const file of files) {
    const path = join(BROWSER_SOURCES, file);
    // Directories make readFile fail; their files are listed on their own.
    const contents = await readFile(path).catch(() => null);
    if (contents) hash.update(`${file}\n`).update(contents);
  }
  // The page embeds example.ts's shape, so a change there must reach the bundle too.
  hash.update(await readFile(join(PROJECT_ROOT, 'src/graphiql/example.ts')));
  return hash.digest('hex').slice(0, 16);
}

const requireFromRoot = createRequire(join(PROJECT_ROOT, 'package.json'));

function packageVersion(name: string): string {
  try {
    return (requireFromRoot(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

function isMissingEsbuild(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
    error.message.includes('esbuild')
  );
}

// Several servers (tests start a few at once) may build at the same time: each writes its own
// temporary file and renames it into place, so no reader ever sees half a file.
async function writeAtomically(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

async function removeOtherBundles(keep: string[]): Promise<void> {
  for (const name of await readdir(GRAPHIQL_ASSETS_DIR)) {
    // Temporary files belong to a build still running in another process.
    if (!keep.includes(name) && !name.endsWith('.tmp')) {
      await rm(join(GRAPHIQL_ASSETS_DIR, name), { force: true });
    }
  }
}
