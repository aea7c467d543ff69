// CLI runner: one place that prints a command's outcome and sets its exit code.
import { ConfigError } from '../config.js';

/** Runs a command; a failure prints one clear line (no stack for configuration errors) and exits 1. */
export async function runCli(
  command: (log: (line: string) => void) => Promise<void>,
): Promise<void> {
  try {
    await command((line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
    );
    process.exitCode = 1;
  }
}
