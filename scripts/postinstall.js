// npm's postinstall, plain JavaScript so that it runs before anything is compiled and without
// tsx. In a clone (dev dependencies installed), it bundles GraphiQL into dist/graphiql-assets,
// so that `npm install && npm start` serves the page. In a production install of the built
// artifact (`npm ci --omit=dev` beside dist/: no tsx, no esbuild, no browser sources) there is
// nothing to build, and it does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const tsx = 'node_modules/.bin/tsx';
if (existsSync(tsx) && existsSync('src/graphiql/browser')) {
  const { status } = spawnSync(tsx, ['scripts/build-graphiql.ts', '--if-possible'], {
    stdio: 'inherit',
  });
  process.exitCode = status ?? 1;
}
