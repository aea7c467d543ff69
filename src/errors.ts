// Coded errors: the only errors a client sees besides INTERNAL_SERVER_ERROR (see graphql/format-error.ts).
import { GraphQLError } from 'graphql';

/** The closed set of error codes the API returns in extensions.code. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** An error whose message is safe to show a client as it is. */
export class ApiError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'ApiError';
  }
}

/**
 * Bad input: names the argument (as a path such as `filter.orderYear`, or `$input.title` for a
 * variable) and what is wrong. `extensions` adds details, or `http` when refused before execution.
 */
export class InvalidInputError extends ApiError {
  constructor(argument: string, problem: string, extensions: Record<string, unknown> = {}) {
    super(`Invalid argument \`${argument}\`: ${problem}`, 'BAD_USER_INPUT', {
      ...extensions,
      argument,
    });
  }
}

/** A well-formed ID that matches no record, or (`deleted`) only a deleted one. */
export class NotFoundError extends ApiError {
  constructor(argument: string, typeName: string, id: string, deleted = false) {
    super(
      deleted
        ? `Argument \`${argument}\`: the ${typeName} with the ID "${id}" was deleted`
        : `Argument \`${argument}\`: no ${typeName} has the ID "${id}"`,
      'NOT_FOUND',
      { argument },
    );
  }
}

/** One bad field of an input, as `extensions.problems` lists it. */
export interface Problem {
  /** Where, as an argument path: `input.items[1].quantityOrdered.low`. */
  path: string;
  message: string;
}

/**
 * Bad fields of an input: one BAD_USER_INPUT error listing every problem with its path, so that
 * a client learns of all of them in one answer.
 */
export class InvalidFieldsError extends ApiError {
  constructor(readonly problems: Problem[]) {
    const summary = problems.map((p) => `\`${p.path}\`: ${p.message}`).join('; ');
    super(`Invalid input — ${summary}`, 'BAD_USER_INPUT', { problems });
  }
}
