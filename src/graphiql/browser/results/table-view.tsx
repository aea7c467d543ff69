// GraphiQL (browser): the Table view of an answer's list — sortable by any column, and
// virtualised: only the rows in (and just around) the visible part are in the DOM, so an answer
// of thousands of rows scrolls as smoothly as one of ten. Rows have one fixed height for that
// (cells do not wrap; the full text is in each cell's title).
import { useMemo, useState, type UIEvent } from 'react';
import { sortRows, type Table } from './table-data.js';

const ROW_HEIGHT = 28;
/** Rows drawn beyond each edge of the visible part, so fast scrolling shows no blank rows. */
const OVERSCAN = 10;

interface Sort {
  column: number;
  direction: 'ascending' | 'descending';
}

export function TableView({ table, label }: { table: Table; label: string }) {
  const [sort, setSort] = useState<Sort | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const rows = useMemo(
    () => (sort ? sortRows(table, sort.column, sort.direction) : table.rows),
    [table, sort],
  );

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
    setViewHeight(event.currentTarget.clientHeight);
  };
  const toggle = (column: number) =>
    setSort((current) =>
      current?.column === column && current.direction === 'ascending'
        ? { column, direction: 'descending' }
        : { column, direction: 'ascending' },
    );

  return (
    <div
      className="armstrail-table-scroll"
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={`Table of ${label}`}
    >
      <table className="armstrail-table" aria-rowcount={rows.length + 1}>
        <caption className="armstrail-visually-hidden">
          {label}: {rows.length} rows. Column headers sort the table.
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            {table.columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                aria-sort={sort?.column === index ? sort.direction : undefined}
              >
                <button type="button" onClick={() => toggle(index)}>
                  {column}
                  <span aria-hidden>
                    {sort?.column === index ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={table.columns.length} />
            </tr>
          )}
          {rows.slice(first, last).map((row, offset) => (
            <tr
              key={first + offset}
              aria-rowindex={first + offset + 2}
              style={{ height: ROW_HEIGHT }}
            >
              {row.map((cell, index) => (
                <td key={index} title={cell}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
          {last < rows.length && (
            <tr aria-hidden style={{ height: (rows.length - last) * ROW_HEIGHT }}>
              <td colSpan={table.columns.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
