// SIPRI import: the one error a bad export raises, carrying where it is and what is wrong.

export interface SipriInputProblem {
  /** 1-based physical line in the imported file. */
  line: number;
  /** Header name of the offending column, or 'record' / 'header' / 'preamble'. */
  field: string;
  /** The offending value exactly as found. */
  value: string;
  reason: string;
}

/**
 * A problem with the imported file (not with the database or the code). Its message names
 * the line, the field and the value, so the user can open the file and fix it.
 */
export class SipriInputError extends Error implements SipriInputProblem {
  override name = 'SipriInputError';
  readonly line: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;

  constructor(problem: SipriInputProblem) {
    super(
      `line ${problem.line}: ${problem.field} ${JSON.stringify(problem.value)}: ${problem.reason}`,
    );
    this.line = problem.line;
    this.field = problem.field;
    this.value = problem.value;
    this.reason = problem.reason;
  }

  toProblem(): SipriInputProblem {
    return { line: this.line, field: this.field, value: this.value, reason: this.reason };
  }
}

/**
 * A problem with the file as a whole — its encoding or its shape — rather than with one row:
 * no row of such a file can be trusted, so `skipInvalid` never skips it. The reason says what
 * was found and what to do instead.
 */
export class SipriFileError extends SipriInputError {
  override name = 'SipriFileError';
}
