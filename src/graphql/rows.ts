// Row helpers for resolvers: rows a foreign key guarantees, and rows tagged with their GraphQL type.
import type { NodeType } from './global-id.js';

/**
 * A row that a foreign key guarantees: its absence means the database is inconsistent,
 * which is an internal error, not a client's.
 */
export function required<T>(row: T | null): T {
  if (row === null) throw new Error('A row referenced by a foreign key is missing');
  return row;
}

/** Marks a row with its GraphQL type, for fields typed as an interface or union. */
export function tagged<T extends object>(type: NodeType, row: T): T & { __typename: NodeType } {
  return Object.assign(row, { __typename: type });
}

/** The type a row was tagged with; `T` narrows it to the members of the abstract type. */
export function typenameOf<T extends NodeType = NodeType>(row: object): T {
  const type = (row as { __typename?: T }).__typename;
  if (!type) throw new Error('Row returned for an abstract type was not tagged with its type');
  return type;
}
