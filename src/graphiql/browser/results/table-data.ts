// GraphiQL (browser): turns a GraphQL answer into tables. The rows of a table are the answer's
// main list — a connection's `nodes` (or its `edges`' nodes), or a plain list of objects such as
// `sipriReleases` — one row per element; nested objects become dotted columns
// (`supplier.name`), and lists inside a row are joined with "; " (`items.platform.designation`:
// "Mi-35M; Mi-171Sh"), so a deal stays one row however many items it has. No DOM here: the
// tests run it in Node on real answers.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One list of an answer: where it is (`byYear.nodes` → label "byYear") and its elements. */
export interface AnswerList {
  label: string;
  items: Json[];
}

export interface Table {
  columns: string[];
  /** One cell per column; '' where the row has nothing there. */
  rows: string[][];
}

/** How list values inside one cell are joined. */
export const LIST_SEPARATOR = '; ';

/**
 * The lists of objects in an answer's `data`, in the answer's order. Lists inside a list's
 * elements belong to those rows and are not lists of their own.
 */
export function findLists(data: Json): AnswerList[] {
  const found: AnswerList[] = [];
  const visit = (value: Json, path: string[]) => {
    if (Array.isArray(value)) {
      if (value.some(isObject)) found.push({ label: path.join('.') || 'data', items: value });
      return;
    }
    if (!isObject(value)) return;
    if (Array.isArray(value.nodes)) {
      return found.push({ label: path.join('.') || 'nodes', items: value.nodes });
    }
    if (Array.isArray(value.edges)) {
      const nodes = value.edges.map((edge) => (isObject(edge) ? (edge.node ?? null) : null));
      return found.push({ label: path.join('.') || 'edges', items: nodes });
    }
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  visit(data, []);
  return found;
}

/** The table of a list: columns in the order they first appear, one row per element. */
export function tableOf(items: readonly Json[]): Table {
  const columns: string[] = [];
  const seen = new Set<string>();
  const cellMaps = items.map((item) => {
    const cells = new Map<string, string[]>();
    collectLeaves(item, '', cells);
    for (const column of cells.keys()) {
      if (!seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
    }
    return cells;
  });
  return {
    columns,
    rows: cellMaps.map((cells) => columns.map((c) => (cells.get(c) ?? []).join(LIST_SEPARATOR))),
  };
}

function collectLeaves(value: Json, path: string, cells: Map<string, string[]>): void {
  if (Array.isArray(value)) {
    for (const element of value) collectLeaves(element, path, cells);
    // An empty list still names its column, empty.
    if (value.length === 0 && !cells.has(path)) cells.set(path, []);
    return;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      collectLeaves(child, path ? `${path}.${key}` : key, cells);
    }
    return;
  }
  const key = path || 'value';
  const values = cells.get(key) ?? [];
  // null is "unknown": an empty cell, never the word "null" or a zero.
  if (value !== null) values.push(String(value));
  cells.set(key, values);
}

/**
 * Compares two cells for sorting: numerically when both are numbers (GraphQL Decimals come as
 * strings), else as text in the reader's language; empty cells last either way.
 */
export function compareCells(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** The rows sorted by one column (a stable sort: equal cells keep the answer's order). */
export function sortRows(
  table: Table,
  column: number,
  direction: 'ascending' | 'descending',
): string[][] {
  const sign = direction === 'ascending' ? 1 : -1;
  return table.rows
    .map((row, index) => ({ row, index }))
    .sort((p, q) => {
      const byCell = compareCells(p.row[column] ?? '', q.row[column] ?? '');
      // Empty cells stay last in both directions.
      if ((p.row[column] ?? '') === '' || (q.row[column] ?? '') === '')
        return byCell || p.index - q.index;
      return sign * byCell || p.index - q.index;
    })
    .map(({ row }) => row);
}

/** RFC 4180 CSV: a header line of the column names, CRLF line ends, quotes where needed. */
export function toCsv(table: Table): string {
  const line = (cells: readonly string[]) => cells.map(csvField).join(',');
  return [line(table.columns), ...table.rows.map(line)].map((l) => `${l}\r\n`).join('');
}

function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
