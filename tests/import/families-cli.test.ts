// `npm run families -- --report` as a real process on a database as the first start leaves it
// (the Kazan record and the committed excerpt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDatabaseEnv, runCliProcess } from '../support/real-server.js';

describe('npm run families -- --report', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  beforeAll(async () => ({ env, cleanup } = await ownDatabaseEnv()));
  afterAll(() => cleanup?.());

  it('lists every designation with its family and rule, and the ones left unplaced', async () => {
    const { code, output } = await runCliProcess('families', ['--report'], env);
    expect(code, output).toBe(0);
    const lines = output.split('\n');
    const line = (designation: string) => lines.find((l) => l.startsWith(`${designation}\t`));
    expect(line('Mi-8T')).toBe('Mi-8T\tAIRCRAFT\tfamily Mi-8\tparent Mi-8\trule:model-variant');
    expect(line('Mi-24V/Mi-35')).toBe(
      'Mi-24V/Mi-35\tAIRCRAFT\tfamily Mi-24\tparent Mi-24\trule:alternatives-agree',
    );
    expect(line('Mi-171Sh')).toBe('Mi-171Sh\tAIRCRAFT\tfamily Mi-8\tparent Mi-171\teditor');
    expect(line('Mi-8')).toBe('Mi-8\tAIRCRAFT\tfamily Mi-8\troot');
    const unplaced = lines.indexOf(lines.find((l) => l.startsWith('Unplaced'))!);
    expect(unplaced).toBeGreaterThan(0);
    expect(lines.slice(unplaced)).toContain('Mi-4A\tAIRCRAFT\tno known family has model mi4');
    expect(lines.slice(0, unplaced).some((l) => l.startsWith('Mi-4A\t'))).toBe(false);
  });

  it('refuses without --report and writes nothing', async () => {
    const { code, output } = await runCliProcess('families', [], env);
    expect(code).toBe(1);
    expect(output).toContain('usage: npm run families -- --report');
  });
});
