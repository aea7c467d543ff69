// SIPRI import, stage 1: turns the bytes of a trade-register export into raw 16-field records.
// It knows the file format (Latin-1 or a UTF-8 re-save, preamble, header, no quoting, split
// records) and nothing about what the fields mean.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { SipriFileError, SipriInputError } from './sipri-input-error.js';
import { decodeSipriLine, type SipriEncoding } from './sipri-text-encoding.js';

/** Every trade-register record has exactly this many comma-separated fields. */
export const SIPRI_FIELD_COUNT = 16;

/**
 * The header cells by position. Three of them are a single space (the `?` flags), so the
 * columns can only be mapped by position; the reader checks the named ones to catch a
 * different export layout early instead of importing shifted columns.
 */
export const SIPRI_HEADER = [
  'Recipient',
  'Supplier',
  'Year of order',
  ' ',
  'Number ordered',
  ' ',
  'Weapon designation',
  'Weapon description',
  'Number delivered',
  ' ',
  'Year(s) of delivery',
  'status',
  'Comments',
  'SIPRI TIV per unit',
  'SIPRI TIV for total order',
  'SIPRI TIV of delivered weapons',
] as const;

export type SipriInput = string | Buffer | Uint8Array | Readable;

/**
 * The longest physical line accepted. SIPRI's longest rows are under 1 KB; a line past this
 * is not a trade-register row (or its line breaks were lost), and refusing it early keeps
 * memory bounded however long the line runs.
 */
export const SIPRI_MAX_LINE_BYTES = 64 * 1024;

export interface SipriGeneratedAt {
  year: number;
  month: number;
  day: number;
  /** The preamble's text after "Data generated:", e.g. "18 May 2026 2:29:20 PM". */
  text: string;
}

export interface SipriRegisterMetadata {
  /** The lines before the header, decoded, without line breaks. */
  preamble: string[];
  /** 1-based line number of the header line. */
  headerLine: number;
  generatedAt: SipriGeneratedAt;
}

export interface SipriRawRecord {
  /** 1-based physical line where the record starts: the locator users see. */
  line: number;
  /** Physical lines the record spans (2 when a line break sits inside Comments). */
  lineCount: number;
  fields: string[];
}

/** A record that could not be split into 16 fields; the caller decides whether to stop. */
export interface SipriBadRecord {
  line: number;
  error: SipriInputError;
}

export interface SipriProgress {
  bytesRead: number;
  /** Null when the input is a stream of unknown length. */
  bytesTotal: number | null;
}

export interface OpenedSipriRegister {
  metadata: SipriRegisterMetadata;
  bytesTotal: number | null;
  /** Records in file order; malformed ones come through as SipriBadRecord. */
  records: AsyncGenerator<SipriRawRecord | SipriBadRecord>;
  /** Bytes consumed so far, for progress reporting. */
  bytesRead(): number;
}

interface PhysicalLine {
  number: number;
  text: string;
  /** The line break that ended it: '\n', '\r\n' or '' for a final line without one. */
  eol: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Opens a trade-register export: reads up to the header (found by content, not by line
 * number, because the preamble length depends on the export's filters), parses the
 * generation date, and returns the records as a stream. Memory stays bounded by one chunk.
 */
export async function openSipriRegister(
  input: SipriInput,
  options: { encoding?: SipriEncoding } = {},
): Promise<OpenedSipriRegister> {
  const { stream, bytesTotal } = await toStream(input);
  let bytesRead = 0;
  const counted = (async function* () {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : (chunk as Buffer);
      bytesRead += buffer.length;
      yield buffer;
    }
  })();
  const lines = physicalLines(counted, options.encoding ?? 'latin1');
  try {
    const metadata = await readPreambleAndHeader(lines);
    return { metadata, bytesTotal, records: joinRecords(lines), bytesRead: () => bytesRead };
  } catch (error) {
    // Closes the file now rather than when the collector finds the abandoned stream.
    await lines.return(undefined);
    throw error;
  }
}

async function readPreambleAndHeader(
  lines: AsyncGenerator<PhysicalLine>,
): Promise<SipriRegisterMetadata> {
  const preamble: string[] = [];
  let header: PhysicalLine | null = null;
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    if (isHeaderLine(next.value.text)) {
      header = next.value;
      break;
    }
    preamble.push(next.value.text);
    // A real preamble is a dozen lines; anything longer is not a trade-register export.
    if (preamble.length > 100) break;
  }
  if (!header) {
    throw new SipriInputError({
      line: preamble.length,
      field: 'header',
      value: '',
      reason: `no header line starting "Recipient,Supplier,Year of order" in the first ${preamble.length} lines`,
    });
  }
  checkHeader(header);
  return { preamble, headerLine: header.number, generatedAt: parseGeneratedAt(preamble) };
}

async function toStream(
  input: SipriInput,
): Promise<{ stream: Readable; bytesTotal: number | null }> {
  if (typeof input === 'string') {
    const { size } = await stat(input);
    // Large chunks: fewer decode/split rounds; 1 MiB keeps memory flat for any file size.
    return { stream: createReadStream(input, { highWaterMark: 1 << 20 }), bytesTotal: size };
  }
  if (input instanceof Uint8Array) {
    return { stream: Readable.from([Buffer.from(input)]), bytesTotal: input.length };
  }
  return { stream: input, bytesTotal: null };
}

/**
 * Splits bytes into lines, then decodes each line. Bytes are first read as Latin-1, which maps
 * each byte to one character, so a chunk boundary can never cut a character in half and each
 * chunk splits on its own; a UTF-8 line is re-read from those bytes once it is whole.
 */
async function* physicalLines(
  chunks: AsyncIterable<Buffer>,
  encoding: SipriEncoding,
): AsyncGenerator<PhysicalLine> {
  let rest = '';
  let number = 0;
  const line = (raw: string, eol: string): PhysicalLine => {
    number += 1;
    checkLength(raw, number);
    return { number, text: decodeSipriLine(raw, number, encoding), eol };
  };
  for await (const chunk of chunks) {
    const text = rest + chunk.toString('latin1');
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end === -1) break;
      const cr = end > start && text.charCodeAt(end - 1) === 13;
      yield line(text.slice(start, cr ? end - 1 : end), cr ? '\r\n' : '\n');
      start = end + 1;
    }
    rest = text.slice(start);
    // The unfinished line is refused as soon as it is too long, not when its end arrives.
    checkLength(rest, number + 1);
  }
  if (rest.length > 0) {
    const cr = rest.endsWith('\r');
    yield line(cr ? rest.slice(0, -1) : rest, cr ? '\r' : '');
  }
}

function checkLength(raw: string, number: number): void {
  if (raw.length <= SIPRI_MAX_LINE_BYTES) return;
  const cause = raw.includes('\r')
    ? "it contains carriage returns: the file's line breaks are CR only (classic Mac). Re-save it with LF or CRLF line breaks, or import the original download"
    : 'this is not a SIPRI trade-register export, or its line breaks were lost. Import the original download';
  throw new SipriFileError({
    line: number,
    field: 'record',
    value: `${raw.slice(0, 120)}…`,
    reason: `longer than ${SIPRI_MAX_LINE_BYTES.toLocaleString('en')} bytes without a line break (SIPRI's rows are under 1 KB); ${cause}.`,
  });
}

function isHeaderLine(text: string): boolean {
  return /^recipient,supplier,year of order,/i.test(text.trimStart());
}

function checkHeader(header: PhysicalLine): void {
  const cells = header.text.split(',');
  if (cells.length !== SIPRI_FIELD_COUNT) {
    throw new SipriInputError({
      line: header.number,
      field: 'header',
      value: header.text,
      reason: `expected ${SIPRI_FIELD_COUNT} columns, found ${cells.length}`,
    });
  }
  SIPRI_HEADER.forEach((expected, i) => {
    const cell = cells[i] ?? '';
    const matches =
      expected === ' ' ? cell.trim() === '' : cell.trim().toLowerCase() === expected.toLowerCase();
    if (!matches) {
      throw new SipriInputError({
        line: header.number,
        field: `header column ${i + 1}`,
        value: cell,
        reason: `expected "${expected}"`,
      });
    }
  });
}

function parseGeneratedAt(preamble: string[]): SipriGeneratedAt {
  const index = preamble.findIndex((l) => /^\s*data generated:/i.test(l));
  const line = index === -1 ? undefined : preamble[index];
  if (line === undefined) {
    throw new SipriInputError({
      line: preamble.length,
      field: 'preamble',
      value: '',
      reason: 'no "Data generated:" line before the header; the release date identifies the source',
    });
  }
  const text = line.replace(/^\s*data generated:\s*/i, '').trim();
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})\b/.exec(text);
  const month = m ? MONTHS.findIndex((name) => name.startsWith(m[2]!.toLowerCase())) + 1 : 0;
  const day = m ? Number(m[1]) : 0;
  if (!m || month === 0 || m[2]!.length < 3 || day < 1 || day > 31) {
    throw new SipriInputError({
      line: index + 1,
      field: 'Data generated',
      value: text,
      reason: 'expected a date like "18 May 2026"',
    });
  }
  return { year: Number(m[3]), month, day, text };
}

function fieldCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) n += 1;
  return n;
}

/**
 * Joins physical lines into 16-field records. SIPRI never quotes, so a line break inside
 * Comments shows up as a short line followed by its continuation; a line is only joined to
 * the next when the two together do not exceed 16 fields. A line that is short on its own
 * and cannot be completed is reported alone, so one bad line never swallows a good one.
 * The break itself is kept (LF or CRLF as found) because Comments are stored verbatim.
 */
async function* joinRecords(
  lines: AsyncGenerator<PhysicalLine>,
): AsyncGenerator<SipriRawRecord | SipriBadRecord> {
  let pending: PhysicalLine | null = null;
  for (;;) {
    const next = pending ? { done: false as const, value: pending } : await lines.next();
    pending = null;
    if (next.done) return;
    const first = next.value;
    // Blank lines carry no record (e.g. an extra newline at the end of the file).
    if (first.text.trim() === '') continue;
    let text = first.text;
    let count = fieldCount(text);
    let lineCount = 1;
    let eol = first.eol;
    while (count < SIPRI_FIELD_COUNT) {
      const cont = await lines.next();
      if (cont.done) break;
      const contCount = fieldCount(cont.value.text);
      if (count + contCount - 1 > SIPRI_FIELD_COUNT || cont.value.text.trim() === '') {
        pending = cont.value;
        break;
      }
      text = text + eol + cont.value.text;
      count += contCount - 1;
      lineCount += 1;
      eol = cont.value.eol;
    }
    if (count !== SIPRI_FIELD_COUNT) {
      yield {
        line: first.number,
        error: new SipriInputError({
          line: first.number,
          field: 'record',
          value: text.length > 120 ? `${text.slice(0, 120)}…` : text,
          reason: `expected ${SIPRI_FIELD_COUNT} comma-separated fields, found ${count}`,
        }),
      };
      continue;
    }
    yield { line: first.number, lineCount, fields: text.split(',') };
  }
}
