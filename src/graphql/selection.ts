// What an operation selects below a field, read from its parsed document: which fields a list's
// rows are asked for. Directives are not evaluated here: callers treat a field under @skip or
// @include as selected when that can only cost work (a column, a load), never a wrong answer.
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type Fragments = Record<string, FragmentDefinitionNode>;

/** Every field selected directly under `parents`, through inline fragments and spreads. */
export function fieldsUnder(parents: readonly FieldNode[], fragments: Fragments): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const parent of parents) visit(parent.selectionSet);
  return fields;
}

/** The fields named `name` among those selected under `parents`. */
export function subfields(
  parents: readonly FieldNode[],
  name: string,
  fragments: Fragments,
): FieldNode[] {
  return fieldsUnder(parents, fragments).filter((field) => field.name.value === name);
}

/** A connection field's node fields: `nodes` and `edges { node }`, whose selections are the rows'. */
export function connectionNodes(
  connection: readonly FieldNode[],
  fragments: Fragments,
): FieldNode[] {
  return [
    ...subfields(connection, 'nodes', fragments),
    ...subfields(subfields(connection, 'edges', fragments), 'node', fragments),
  ];
}
