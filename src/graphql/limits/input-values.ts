// Query limits on input values, in the variables and in the document's literals alike: strings
// of bounded length that PostgreSQL can store as text, and lists of bounded length. Checked
// before execution, so that no such value reaches SQL (a NUL byte is PostgreSQL error 22021,
// a list of 65,535 values overflows a bind message), and refused with the value's path.
import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { QueryLimits } from '../../config.js';
import type { ApiError } from '../../errors.js';
import {
  argumentOutOfRange,
  MAX_LIST_LENGTH,
  refusedArgument,
  tooComplex,
} from './limit-errors.js';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What keeps `text` from being stored as PostgreSQL text, or null if nothing does. */
export function textProblem(text: string): string | null {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return `contains a NUL character (\\u0000) at position ${nul}, which text cannot hold`;
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    return `contains a lone UTF-16 surrogate (\\u${code}) at position ${lone.index}, which is not Unicode text`;
  }
  return null;
}

/** Where a value sits: its argument path, and the field it is an argument of when known. */
interface Place {
  argument: string;
  field: string | null;
}

function textViolation(text: string, place: () => Place): ApiError | null {
  const problem = textProblem(text);
  if (!problem) return null;
  const { argument, field } = place();
  return refusedArgument(argument, field ? `${problem}, at \`${field}\`` : problem);
}

function listViolation(length: number, place: () => Place): ApiError | null {
  if (length <= MAX_LIST_LENGTH) return null;
  const { argument, field } = place();
  return argumentOutOfRange('listLength', argument, field, 0, MAX_LIST_LENGTH, length);
}

interface Entry {
  value: unknown;
  parent: Entry | null;
  key: string | number;
}

/** `$input.citations[0].excerpt`, from an entry's chain of parents. */
function variablePath(entry: Entry): string {
  let path = '';
  for (let e: Entry | null = entry; e; e = e.parent) {
    path = (typeof e.key === 'number' ? `[${e.key}]` : e.parent ? `.${e.key}` : `$${e.key}`) + path;
  }
  return path;
}

/**
 * Throws for the first string or list in the request's variables (nested objects and lists
 * included) that a limit or PostgreSQL refuses. Walks with its own stack, never recursion or
 * spread arguments: a list of 200,000 items or a deeply nested one cannot overflow the call stack.
 */
export function checkVariableValues(variables: unknown, limits: QueryLimits): void {
  if (variables === null || typeof variables !== 'object') return;
  const stack: Entry[] = Object.entries(variables as Record<string, unknown>).map(
    ([key, value]) => ({ value, parent: null, key }),
  );
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    let violation: ApiError | null = null;
    const place = () => ({ argument: variablePath(entry), field: null });
    if (typeof value === 'string') {
      violation =
        value.length > limits.maxStringLength
          ? tooComplex(
              'stringLength',
              limits.maxStringLength,
              value.length,
              `string at \`${variablePath(entry)}\``,
            )
          : textViolation(value, place);
    } else if (Array.isArray(value)) {
      violation = listViolation(value.length, place);
      for (let i = value.length - 1; i >= 0 && !violation; i--) {
        stack.push({ value: value[i] as unknown, parent: entry, key: i });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        stack.push({ value: item, parent: entry, key });
    }
    if (violation) throw violation;
  }
}

/**
 * Where a literal sits: `filter.name` of `actors`, `input.items[2].note`, `$name` (a default).
 * `lineage` is every node and array from the document down to the literal's parent, so that
 * `lineage[i][path[i]]` is `lineage[i + 1]`.
 */
function literalPlace(
  path: readonly (string | number)[],
  lineage: readonly (ASTNode | readonly ASTNode[])[],
): Place {
  let field: string | null = null;
  let argument = '';
  lineage.forEach((ancestor, i) => {
    if (Array.isArray(ancestor)) {
      const owner = lineage[i - 1] as ASTNode | undefined;
      if (owner?.kind === Kind.LIST) argument += `[${path[i]}]`;
      return;
    }
    const node = ancestor as ASTNode;
    if (node.kind === Kind.FIELD) field = node.name.value;
    else if (node.kind === Kind.ARGUMENT) argument = node.name.value;
    else if (node.kind === Kind.VARIABLE_DEFINITION) argument = `$${node.variable.name.value}`;
    else if (node.kind === Kind.OBJECT_FIELD) argument += `.${node.name.value}`;
  });
  return { argument, field: argument.startsWith('$') ? null : field };
}

/**
 * Literals written in the document that a limit or PostgreSQL refuses: lists over the maximum
 * length, strings that text cannot hold. (Their length is measured with the document's shape.)
 */
export function literalViolations(document: DocumentNode): ApiError[] {
  const violations: ApiError[] = [];
  visit(document, {
    StringValue(node, _key, parent, path, ancestors) {
      const violation = textViolation(node.value, () =>
        literalPlace(path, [...ancestors, parent!]),
      );
      if (violation) violations.push(violation);
    },
    ListValue(node, _key, parent, path, ancestors) {
      const violation = listViolation(node.values.length, () =>
        literalPlace(path, [...ancestors, parent!]),
      );
      if (violation) violations.push(violation);
    },
  });
  return violations;
}
