// Query limits on the document: what it asks for from its text and syntax alone (tokens, string
// lengths, depth, aliases, directives, root fields), checked while it is parsed and validated.
import {
  BREAK,
  Kind,
  Lexer,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../../config.js';
import type { ApiError } from '../../errors.js';
import { literalViolations } from './input-values.js';
import { tooComplex } from './limit-errors.js';

// Counting stops this many times past a limit: enough to say by how much in honest cases,
// bounded for floods (the body limit bounds it anyway).
const COUNT_PAST_LIMIT = 10;

/**
 * Counts a source's tokens the way the parser does (comments excluded), stopping at `stopAt`.
 * Used only to say by how much a document the parser refused went over the token limit.
 */
export function countTokens(query: string, stopAt: number): number {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens >= stopAt) break;
    }
  } catch {
    // A lexical error further on: the count so far is what the parser saw too.
  }
  return tokens;
}

/**
 * The token limit's refusal message: the parser stops at the limit (so a flood is never parsed
 * whole) and says only "more than"; a recount up to ten times the limit says by how much.
 */
export function tokensMessage(query: string, limits: QueryLimits): string {
  const stopAt = limits.maxTokens * COUNT_PAST_LIMIT;
  const tokens = countTokens(query, stopAt);
  return tooComplex('tokens', limits.maxTokens, tokens, '', tokens >= stopAt).message;
}

export interface DocumentShape {
  /** Deepest field nesting of any operation, through fragments (a root field is depth 1). */
  depth: number;
  /** Aliased fields of the largest operation, fragments counted each time they are spread. */
  aliases: number;
  /** Directive uses written in the document. */
  directives: number;
  /** Root fields of the largest operation. */
  rootFields: number;
}

/**
 * Measures a parsed but not yet validated document. Fragment cycles are not an error here
 * (validation reports them next): a fragment met again inside itself counts as empty, and each
 * fragment is measured once, so a fragment "bomb" costs no more than its text.
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  type Measure = { depth: number; aliases: number; rootFields: number };
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();
  const EMPTY: Measure = { depth: 0, aliases: 0, rootFields: 0 };

  const measureSet = (set: SelectionSetNode): Measure => {
    const total = { depth: 0, aliases: 0, rootFields: 0 };
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? measureSet(selection.selectionSet) : EMPTY;
        inner = {
          depth: 1 + child.depth,
          aliases: (selection.alias ? 1 : 0) + child.aliases,
          rootFields: 1,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSet(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.rootFields += inner.rootFields;
    }
    return total;
  };
  const measureFragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const measured = measureSet(fragment.selectionSet);
    inProgress.delete(name);
    memo.set(name, measured);
    return measured;
  };

  const shape: DocumentShape = { depth: 0, aliases: 0, directives: 0, rootFields: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const measured = measureSet(definition.selectionSet);
    shape.depth = Math.max(shape.depth, measured.depth);
    shape.aliases = Math.max(shape.aliases, measured.aliases);
    shape.rootFields = Math.max(shape.rootFields, measured.rootFields);
  }
  visit(document, {
    Directive() {
      shape.directives += 1;
    },
  });
  return shape;
}

/**
 * Every limit the document exceeds (string literals, list literals, depth, aliases, root
 * fields, directives).
 */
export function documentViolations(document: DocumentNode, limits: QueryLimits): ApiError[] {
  const violations: ApiError[] = [];
  let longest: { length: number; line: number | undefined } | null = null;
  visit(document, {
    StringValue(node) {
      if (
        node.value.length > limits.maxStringLength &&
        node.value.length > (longest?.length ?? 0)
      ) {
        longest = { length: node.value.length, line: node.loc?.startToken.line };
      }
    },
  });
  const found = longest as { length: number; line: number | undefined } | null;
  if (found) {
    violations.push(
      tooComplex(
        'stringLength',
        limits.maxStringLength,
        found.length,
        found.line ? `string literal at line ${found.line}` : 'string literal',
      ),
    );
  }
  violations.push(...literalViolations(document));
  const shape = measureDocument(document);
  if (shape.depth > limits.maxDepth)
    violations.push(tooComplex('depth', limits.maxDepth, shape.depth));
  if (shape.aliases > limits.maxAliases) {
    violations.push(tooComplex('aliases', limits.maxAliases, shape.aliases));
  }
  if (shape.rootFields > limits.maxRootFields) {
    violations.push(tooComplex('rootFields', limits.maxRootFields, shape.rootFields));
  }
  if (shape.directives > limits.maxDirectives) {
    violations.push(tooComplex('directives', limits.maxDirectives, shape.directives));
  }
  return violations;
}

/**
 * A validation rule reporting every limit the document exceeds, as QUERY_TOO_COMPLEX errors
 * (Apollo answers validation errors with HTTP 400). It measures the whole document once, on
 * entering it, and leaves fragment cycles and unknown fields to graphql-js's own rules.
 */
export function documentLimitsRule(limits: QueryLimits): ValidationRule {
  return (context) => ({
    Document: {
      enter(document) {
        for (const violation of documentViolations(document, limits))
          context.reportError(violation);
        // The whole document was checked at once: nothing left for this rule to visit.
        return BREAK;
      },
    },
  });
}
