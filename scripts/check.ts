// `npm run check`: every static check CI runs, in two lanes at once. ESLint's typed rules take
// about as long as the rest together and each check uses one core, so on a 2-core machine the
// lanes finish in the time of the longest instead of the sum. Each check's output is printed
// whole when it ends (never interleaved), and the run fails if any check fails.
import { spawn } from 'node:child_process';

const LANES: string[][] = [
  ['lint'],
  ['typecheck', 'codegen:check', 'schema:check', 'format:check'],
];

interface Outcome {
  script: string;
  code: number | null;
  seconds: number;
}

function runScript(script: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `== ${script}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s\n`,
      );
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve({ script, code, seconds });
    });
  });
}

async function runLane(scripts: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const script of scripts) outcomes.push(await runScript(script));
  return outcomes;
}

const outcomes = (await Promise.all(LANES.map(runLane))).flat();
const failed = outcomes.filter((o) => o.code !== 0).map((o) => o.script);
if (failed.length > 0) {
  console.error(`check failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
