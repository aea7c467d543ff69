// Import tests' helpers: read back what an import wrote, through plain SQL on the real database,
// and build test files from real SIPRI rows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/db/client.js';

export const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const SAHEL_EXCERPT = fileURLToPath(
  new URL('../../seed-data/sipri-trade-register-sahel-generated-2026-05-18.csv', import.meta.url),
);

/**
 * Physical lines `from`..`to` (1-based, inclusive) of the committed Sahel excerpt, byte for
 * byte (Latin-1, LF): test files are built from SIPRI's real rows, never invented ones.
 */
export function sahelLines(from: number, to: number): Buffer {
  const bytes = readFileSync(SAHEL_EXCERPT);
  const offsetOfLine = (line: number) => {
    let offset = 0;
    for (let n = 1; n < line && offset !== -1; n += 1) {
      const lf = bytes.indexOf(0x0a, offset);
      offset = lf === -1 ? -1 : lf + 1;
    }
    return offset === -1 ? bytes.length : offset;
  };
  return bytes.subarray(offsetOfLine(from), offsetOfLine(to + 1));
}

// SIPRI releases built from the excerpt, for tests of imports one after another.
export const OLDER = '13 Oct 2024 2:20:11 PM';
export const MIDDLE = '1 Mar 2025 10:00:00 AM';
export const NEWER = '18 May 2026 2:29:20 PM';
export const NEWEST = '1 Jun 2026 9:00:00 AM';

// Lines of the Sahel excerpt: its header ends at line 12, then one row per line, by recipient.
export const BURKINA_FASO = [13, 91] as const;
export const CHAD = [92, 183] as const;

/**
 * A SIPRI export: the excerpt's preamble and header, dated `generated`, selecting `to`
 * (SIPRI writes "to All countries" for the full register), then the excerpt's lines `rows`
 * (ranges, in order). `change` edits fields of given excerpt lines (0-based field index), for
 * a row SIPRI changed between releases. A row keeps its excerpt line number only when every
 * line before it is kept too.
 */
export function release(options: {
  generated: string;
  to?: string;
  rows: (readonly [number, number])[];
  change?: Record<number, (fields: string[]) => void>;
}): Buffer {
  let preamble = sahelLines(1, 12).toString('latin1').replace(NEWER, options.generated);
  if (options.to) preamble = preamble.replace('to All countries .', `to ${options.to} .`);
  const rows = options.rows.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => {
      const line = from + i;
      const text = sahelLines(line, line).toString('latin1');
      const change = options.change?.[line];
      if (!change) return text;
      const fields = text.replace(/\n$/, '').split(',');
      change(fields);
      return `${fields.join(',')}\n`;
    }),
  );
  return Buffer.from(preamble + rows.join(''), 'latin1');
}

/** Row counts of the tables an import writes to: equal before and after means nothing landed. */
export const tableCounts = async (db: Db) =>
  Object.fromEntries(
    await Promise.all(
      [
        'sipri_releases',
        'sipri_rows',
        'deals',
        'deal_items',
        'actors',
        'platforms',
        'sources',
        'citations',
        'revisions',
      ].map(async (table) => [table, await count(db, table)] as const),
    ),
  );

export interface ImportedDeal {
  id: string;
  import_key: string;
  recipient: string;
  supplier: string;
  stage: string;
  arrangement: string;
  order_year: number;
  order_uncertain: boolean;
  comments: string | null;
  designation: string;
  platform_id: string;
  category: string | null;
  quantity_ordered: number | null;
  quantity_ordered_uncertain: boolean;
  quantity_delivered: number | null;
  quantity_delivered_uncertain: boolean;
  delivery_years: number[];
  condition: string | null;
  tiv_per_unit: string | null;
  tiv_total_order: string | null;
  tiv_delivered: string | null;
  note: string | null;
  description: string | null;
  locators: string[];
}

/** Every SIPRI-imported deal with its item, actor names and citation locators, in key order. */
export async function importedDeals(db: Db): Promise<ImportedDeal[]> {
  return queryRows<ImportedDeal>(
    db,
    sql`select d.id, d.import_key, r.name as recipient, s.name as supplier, d.stage, d.arrangement,
          d.order_year, d.order_uncertain, d.comments, p.designation, p.id as platform_id, p.category,
          i.quantity_ordered, i.quantity_ordered_uncertain, i.quantity_delivered,
          i.quantity_delivered_uncertain, i.delivery_years, i.condition, i.tiv_per_unit::text,
          i.tiv_total_order::text, i.tiv_delivered::text, i.note, i.description,
          array(select c.locator from citations c where c.deal_id = d.id order by c.locator) as locators
        from deals d
        join actors r on r.id = d.recipient_id
        join actors s on s.id = d.supplier_id
        join deal_items i on i.deal_id = d.id and i.position = 0
        join platforms p on p.id = i.platform_id
        where d.import_key like 'sipri:%'
        order by d.import_key`,
  );
}

export async function count(db: Db, table: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return rows[0]?.n ?? 0;
}

/** Statements that write, among those logged: a no-op import must send none. */
export const writes = (log: string[]) => log.filter((q) => /^\s*(insert|update|delete)\b/i.test(q));
