// Errors meant for whoever runs the process: their message says what is wrong and what to do.

/** Printed as its message alone, without a stack trace, when it stops a process or a CLI. */
export class OperatorError extends Error {
  override name = 'OperatorError';
}
