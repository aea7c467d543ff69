// Vitest global setup: makes sure GraphiQL's bundle (dist/graphiql-assets) is built from the
// sources here — the server only reads it, and a checkout may have edited them since the last
// build —, compiles the server and its CLIs once for the tests that start them as processes
// (see compiled-server.ts), builds this run's template databases once (see templates.ts),
// hands their locations to the test files, and removes them when the run ends.
import type { TestProject } from 'vitest/node';
import { ensureGraphiQLAssets } from '../../scripts/graphiql-bundle.js';
import { buildCompiledServer } from './compiled-server.js';
import { buildTemplates } from './templates.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureGraphiQLAssets();
  const [compiled, { templates, remove }] = await Promise.all([
    buildCompiledServer(),
    buildTemplates(process.env.TEST_DATABASE_URL),
  ]);
  project.provide('armstrailTemplates', templates);
  project.provide('armstrailCompiledRoot', compiled.root);
  return async () => {
    compiled.remove();
    await remove();
  };
}
