// Vitest global setup: builds this run's template databases once (see templates.ts), hands
// their locations to the test files, and removes them when the run ends.
import type { TestProject } from 'vitest/node';
import { buildTemplates } from './templates.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { templates, remove } = await buildTemplates(process.env.TEST_DATABASE_URL);
  project.provide('armstrailTemplates', templates);
  return remove;
}
