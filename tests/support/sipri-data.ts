// Test support: SIPRI's real exports in ../shared/data (when present) and readers for SIPRI's
// CSV files, read independently of the importer so that tests check it against SIPRI's own text.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the project root: SIPRI's full exports, never committed (SOURCES.md). */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const REGISTER_2024 = `${SHARED_DATA}sipri-trade-register-all-1950-2024-generated-2024-10-13.csv`;
export const REGISTER_2026 = `${SHARED_DATA}sipri-trade-register-all-generated-2026-05-18.csv`;
export const IMPORTS_TABLE_2024 = `${SHARED_DATA}sipri-tiv-imports-by-recipient-1950-2024-generated-2024-10-13.csv`;
export const EXPORTS_TABLE_2024 = `${SHARED_DATA}sipri-tiv-exports-by-supplier-1950-2024-generated-2024-10-13.csv`;

export const sharedDataPresent = (...files: string[]) => files.every((f) => existsSync(f));

/** SIPRI's TIV table: name → the 1950–2024 total (a "0 " cell means between 0 and 0.5). */
export function readTivTable(file: string): Map<string, number> {
  const lines = readFileSync(file, 'latin1').split('\n');
  const headerIndex = lines.findIndex((l) => /^(Recipient|Exports by),1950,/.test(l));
  const totalColumn = lines[headerIndex]!.split(',').indexOf('1950-2024');
  const totals = new Map<string, number>();
  for (const line of lines.slice(headerIndex + 1)) {
    const cells = line.split(',');
    if (!cells[0] || cells[0].startsWith('Total world')) continue;
    totals.set(cells[0], Number(cells[totalColumn]?.trim() || 0));
  }
  return totals;
}

/** One trade-register row, by column position (three columns share the name " "). */
export interface RegisterRow {
  recipient: string;
  supplier: string;
  orderYear: number | null;
  numberOrdered: number | null;
  designation: string;
  numberDelivered: number | null;
  deliveryYears: number[];
  /** TIVs in hundredths of a million, as integers, so that sums are exact. */
  tivTotalOrderCents: number | null;
  tivDeliveredCents: number | null;
}

/**
 * The records of a trade-register export. SIPRI never quotes; a record whose comment holds a
 * line break (two in the 2024 export) continues on the next line, which starts with ",".
 */
export function readRegisterRows(file: string): RegisterRow[] {
  const lines = readFileSync(file, 'latin1').split('\n');
  const headerIndex = lines.findIndex((l) => l.startsWith('Recipient,Supplier,'));
  const int = (cell: string | undefined) => (cell?.trim() ? Number(cell.trim()) : null);
  const cents = (cell: string | undefined) =>
    cell?.trim() ? Math.round(Number(cell.trim()) * 100) : null;
  const records: string[] = [];
  for (const line of lines.slice(headerIndex + 1)) {
    const last = records.at(-1);
    if (last !== undefined && last.split(',').length < 16)
      records[records.length - 1] = `${last}\n${line}`;
    else if (line.trim()) records.push(line);
  }
  return records.map((line) => {
    const c = line.split(',');
    if (c.length !== 16) throw new Error(`Not 16 fields: ${line}`);
    return {
      recipient: c[0]!.trim(),
      supplier: c[1]!.trim(),
      orderYear: int(c[2]),
      numberOrdered: int(c[4]),
      designation: c[6]!.trim(),
      numberDelivered: int(c[8]),
      deliveryYears: c[10]!.trim() ? c[10]!.split(';').map((y) => Number(y.trim())) : [],
      tivTotalOrderCents: cents(c[14]),
      tivDeliveredCents: cents(c[15]),
    };
  });
}

/** A Decimal from the API in hundredths, for exact comparison with sums of SIPRI's figures. */
export function decimalCents(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 100);
}
