// Structured JSON logging (pino); secrets never go into log fields, and no line grows unbounded.
import { pino, type Logger } from 'pino';
import { workerNumber } from './workers.js';

export type { Logger };

// Enough to see what failed and where; a request's data is not the operator's to read.
const MAX_MESSAGE_CHARS = 1_000;
const MAX_STACK_CHARS = 4_000;
const MAX_CAUSE_DEPTH = 3;
// What a PostgreSQL error says about itself that holds no row data (`detail` and `where` may
// quote values, so they stay out).
const PG_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'routine'];

/** The process's logger; `destination` (tests) replaces standard output. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    // Several workers write to one output: each line says which one wrote it.
    base: {
      service: 'armstrail',
      ...(workerNumber() === null ? {} : { worker: workerNumber(), pid: process.pid }),
    },
    redact: { paths: ['req.headers.authorization', '*.password', '*.apiKey'], remove: true },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as a bounded, parameter-free log field. A failed query's bound parameters
 * (Drizzle puts them in the message) may hold anything a client sent — megabytes of it — or an
 * API key's stored hash; the SQL text is kept, cut short, and the parameters never.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return truncate(String(error), MAX_MESSAGE_CHARS);
  const message = truncate(safeMessage(error), MAX_MESSAGE_CHARS);
  // The stack repeats the message on its first lines: only the frames are kept after ours.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const serialized: Record<string, unknown> = {
    type: error.name,
    message,
    stack: truncate([`${error.name}: ${message}`, ...frames].join('\n'), MAX_STACK_CHARS),
  };
  for (const field of PG_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') serialized[field] = truncate(value, 200);
  }
  const cause = error.cause ?? wrapped(error);
  if (cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    serialized.cause = serializeError(cause, depth + 1);
  }
  return serialized;
}

/** The error GraphQL (or Apollo: "Context creation failed: …") wrapped in this one. */
function wrapped(error: Error): Error | undefined {
  const original = (error as { originalError?: unknown }).originalError;
  return original instanceof Error && original !== error ? original : undefined;
}

/** The message without a failed query's parameters, also when a wrapper repeats it. */
function safeMessage(error: Error, depth = 0): string {
  const query = (error as { query?: unknown }).query;
  if ('params' in error && typeof query === 'string') return `Failed query: ${query}`;
  const inner = depth < MAX_CAUSE_DEPTH ? (error.cause ?? wrapped(error)) : undefined;
  if (inner instanceof Error && inner.message && error.message.includes(inner.message)) {
    return error.message.replace(inner.message, safeMessage(inner, depth + 1));
  }
  return error.message;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
