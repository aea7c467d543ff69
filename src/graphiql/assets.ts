// GraphiQL's browser assets: the bundle that `npm run build` (and npm's postinstall in a clone)
// makes from src/graphiql/browser into dist/graphiql-assets, with scripts/graphiql-bundle.ts.
// The server only reads them: it never bundles, so it needs no dev dependency, starts on a
// read-only filesystem and answers the first GraphiQL request at once.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Two levels up from src/graphiql/ (tsx) and from dist/graphiql/ (compiled) alike.
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GRAPHIQL_SOURCES = join(PROJECT_ROOT, 'src/graphiql/browser');
export const GRAPHIQL_ENTRY = join(GRAPHIQL_SOURCES, 'app.tsx');

/**
 * Where the bundle goes: inside dist/, so the one build artifact holds the server and its
 * page, and a deployment copies one folder. Ignored by git, ESLint and Prettier already.
 */
export const GRAPHIQL_ASSETS_DIR = join(PROJECT_ROOT, 'dist/graphiql-assets');
export const GRAPHIQL_MANIFEST = join(GRAPHIQL_ASSETS_DIR, 'manifest.json');

// Packages whose versions change the bundle; with the browser sources they make the input hash.
const BUNDLED_PACKAGES = [
  'graphiql',
  '@graphiql/react',
  'react',
  'react-dom',
  'graphql',
  '@observablehq/plot',
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

/** The built bundle's manifest, or an error that says what to run when there is none. */
export async function readGraphiQLManifest(): Promise<GraphiQLAssetManifest> {
  let manifest: GraphiQLAssetManifest;
  try {
    manifest = JSON.parse(await readFile(GRAPHIQL_MANIFEST, 'utf8')) as GraphiQLAssetManifest;
  } catch (error) {
    throw new GraphiQLAssetsUnavailableError(
      `GraphiQL is not built (no ${GRAPHIQL_MANIFEST}): run \`npm run build\` ` +
        '(or `npm run build:graphiql`) where dev dependencies are installed.',
      { cause: error },
    );
  }
  const missing = [manifest.script, manifest.stylesheet].filter(
    (name) => !existsSync(join(GRAPHIQL_ASSETS_DIR, basename(name))),
  );
  if (missing.length > 0) {
    throw new GraphiQLAssetsUnavailableError(
      `GraphiQL's bundle is incomplete (${missing.join(', ')} missing from ` +
        `${GRAPHIQL_ASSETS_DIR}): run \`npm run build\` (or \`npm run build:graphiql\`).`,
    );
  }
  return manifest;
}

/** A bundle file's contents, by a name from the manifest. */
export function readGraphiQLAsset(name: string): Promise<Buffer> {
  return readFile(join(GRAPHIQL_ASSETS_DIR, basename(name)));
}

/**
 * Whether the bundle was built from other browser sources or package versions than the ones
 * here. Only a checkout can tell (a deployed dist/ has no sources beside it): false there.
 */
export async function graphiqlAssetsStale(manifest: GraphiQLAssetManifest): Promise<boolean> {
  if (!existsSync(GRAPHIQL_ENTRY)) return false;
  return manifest.inputsHash !== (await hashGraphiQLInputs());
}

/** Hash of everything the bundle is made from. */
export async function hashGraphiQLInputs(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  const files = (await readdir(GRAPHIQL_SOURCES, { recursive: true })).sort();
  for (const file of files) {
    const path = join(GRAPHIQL_SOURCES, file);
    // Directories make readFile fail; their files are listed on their own.
    const contents = await readFile(path).catch(() => null);
    if (contents) hash.update(`${file}\n`).update(contents);
  }
  // The page embeds example.ts's shape, so a change there must reach the bundle too.
  hash.update(await readFile(join(PROJECT_ROOT, 'src/graphiql/example.ts')));
  return hash.digest('hex').slice(0, 16);
}

const requireFromRoot = createRequire(join(PROJECT_ROOT, 'package.json'));

export function packageVersion(name: string): string {
  try {
    return (requireFromRoot(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'missing';
  }
}
