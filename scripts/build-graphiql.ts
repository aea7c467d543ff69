// Build: bundles the self-hosted GraphiQL (`npm run build:graphiql`; also npm's postinstall).
// With --if-possible (postinstall) a failure only warns: an install must not fail because of
// GraphiQL, and the server bundles it on first use anyway.
import { buildGraphiQLAssets, GRAPHIQL_ASSETS_DIR } from '../src/graphiql/assets.js';

const ifPossible = process.argv.includes('--if-possible');
try {
  const started = Date.now();
  const manifest = await buildGraphiQLAssets();
  console.log(
    `GraphiQL ${manifest.graphiqlVersion} bundled in ${Date.now() - started} ms: ` +
      `${GRAPHIQL_ASSETS_DIR}/{${manifest.script},${manifest.stylesheet}}`,
  );
} catch (error) {
  if (!ifPossible) throw error;
  console.warn(`GraphiQL not bundled now (the server will try on first use): ${String(error)}`);
}
