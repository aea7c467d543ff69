// Build: bundles the browser app (src/graphiql/browser) from npm packages with esbuild into
// dist/graphiql-assets, so the page needs nothing from a CDN and no minified bundle is
// committed. Used by `npm run build`, `npm run build:graphiql`, npm's postinstall and the test
// suite's global setup; never by the server (src/graphiql/assets.ts only reads the result).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import {
  GRAPHIQL_ASSETS_DIR,
  GRAPHIQL_ENTRY,
  GRAPHIQL_MANIFEST,
  graphiqlAssetsStale,
  hashGraphiQLInputs,
  packageVersion,
  readGraphiQLManifest,
  type GraphiQLAssetManifest,
} from '../src/graphiql/assets.js';

/** Bundles the browser app and writes it, then the manifest, each by atomic rename. */
export async function buildGraphiQLAssets(): Promise<GraphiQLAssetManifest> {
  const inputsHash = await hashGraphiQLInputs();
  const result = await esbuild.build({
    entryPoints: { graphiql: GRAPHIQL_ENTRY },
    // The project folder, whatever the caller's: the same inputs give the same bundle.
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
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
    // A content hash in every name: the server caches them for a year, immutable.
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
    inputsHash,
    script,
    stylesheet,
    graphiqlVersion: packageVersion('graphiql'),
  };
  await writeAtomically(GRAPHIQL_MANIFEST, JSON.stringify(manifest, null, 2));
  await removeOtherBundles([...names, basename(GRAPHIQL_MANIFEST)]);
  return manifest;
}

/** The bundle as it is when complete and built from these sources; else a new one. */
export async function ensureGraphiQLAssets(): Promise<{
  manifest: GraphiQLAssetManifest;
  built: boolean;
}> {
  const current = await readGraphiQLManifest().catch(() => null);
  if (current && !(await graphiqlAssetsStale(current))) return { manifest: current, built: false };
  return { manifest: await buildGraphiQLAssets(), built: true };
}

// Several builds may run at once (a test run's setup beside a developer's build): each writes
// its own temporary file and renames it into place, so no reader ever sees half a file.
async function writeAtomically(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

async function removeOtherBundles(keep: string[]): Promise<void> {
  for (const name of await readdir(GRAPHIQL_ASSETS_DIR)) {
    // Temporary files belong to a build still running in another process.
    if (!keep.includes(name) && !name.endsWith('.tmp')) {
      await rm(`${GRAPHIQL_ASSETS_DIR}/${name}`, { force: true });
    }
  }
}
