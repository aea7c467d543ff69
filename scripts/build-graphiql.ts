// Build: bundles the self-hosted GraphiQL into dist/graphiql-assets (`npm run build:graphiql`,
// the second half of `npm run build`, and npm's postinstall through scripts/postinstall.js).
// --if-needed keeps a bundle built from the same sources; --if-possible (postinstall) only
// warns on failure: an install must not fail because of GraphiQL, and `npm start` then says
// what to run on the first GraphiQL request.
import { GRAPHIQL_ASSETS_DIR } from '../src/graphiql/assets.js';
import { buildGraphiQLAssets, ensureGraphiQLAssets } from './graphiql-bundle.js';

const ifNeeded = process.argv.includes('--if-needed');
const ifPossible = process.argv.includes('--if-possible');
try {
  const started = Date.now();
  const { manifest, built } = ifNeeded
    ? await ensureGraphiQLAssets()
    : { manifest: await buildGraphiQLAssets(), built: true };
  const files = `${GRAPHIQL_ASSETS_DIR}/{${manifest.script},${manifest.stylesheet}}`;
  console.log(
    built
      ? `GraphiQL ${manifest.graphiqlVersion} bundled in ${Date.now() - started} ms: ${files}`
      : `GraphiQL ${manifest.graphiqlVersion} is up to date: ${files}`,
  );
} catch (error) {
  if (!ifPossible) throw error;
  console.warn(`GraphiQL not bundled (run \`npm run build:graphiql\`): ${String(error)}`);
}
