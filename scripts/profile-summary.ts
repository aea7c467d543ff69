// Summarises a V8 .cpuprofile (`node --cpu-prof`): self time by area (GC, idle, our code, each
// package) and the heaviest functions, as shares of the busy (non-idle) time.
//
//   npx tsx scripts/profile-summary.ts /tmp/prof/CPU.….cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
});

/** The area a function belongs to: a package, our source, Node's internals, or V8's own work. */
function areaOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/src/')) return 'src (Armstrail)';
  if (url.startsWith('node:')) return 'node internals';
  return url === '' ? '(native)' : url;
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + us);
    if (area === '(idle)') continue;
    busy += us;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  console.log(`${file}: busy ${(busy / 1e6).toFixed(1)} s`);
  console.log('by area (self time, share of busy):');
  for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1])) {
    if (area !== '(idle)' && us / busy >= 0.005) console.log(`  ${pct(us)}  ${area}`);
  }
  console.log('heaviest functions:');
  for (const [name, us] of [...functions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(values.top))) {
    console.log(`  ${pct(us)}  ${name}`);
  }
}
