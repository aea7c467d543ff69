// CLI runner: one place that prints a command's outcome and sets its exit code.

/** Runs a command; a failure prints its message (the operator's to act on) and exits 1. */
export async function runCli(
  command: (log: (line: string) => void) => Promise<void>,
): Promise<void> {
  try {
    await command((line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
