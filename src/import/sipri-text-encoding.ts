// SIPRI import: checks and decodes the text of each line. SIPRI's exports are Latin-1, where
// every byte sequence is "valid", so a file re-saved by a spreadsheet or editor as UTF-8 would
// import as mojibake ("TÃ¼rkiye") without a single error. Each line is checked for the marks of
// another encoding, so a refusal names the line where the evidence is.
import { isUtf8 } from 'node:buffer';
import { SipriFileError } from './sipri-input-error.js';

export type SipriEncoding = 'latin1' | 'utf8';
export const SIPRI_ENCODINGS: readonly SipriEncoding[] = ['latin1', 'utf8'];

const UTF8_BOM = '\xef\xbb\xbf';
const UTF16_BOMS = ['\xff\xfe', '\xfe\xff'];
const ORIGINAL = "SIPRI's own exports are Latin-1";

/**
 * Decodes one physical line. `raw` holds its bytes one per character (read as Latin-1, which
 * maps every byte to itself), so the bytes can be re-read as UTF-8 when the caller asks.
 */
export function decodeSipriLine(raw: string, line: number, encoding: SipriEncoding): string {
  let text = raw;
  if (line === 1) text = checkByteOrderMark(text, encoding);
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    refuse(line, excerpt(text.replaceAll('\0', '\\0'), nul), [
      `a NUL byte at column ${nul + 1}; no text export contains one: the file is UTF-16 or damaged`,
      'Import the original download, or re-save the file as UTF-8 and use --encoding utf8',
    ]);
  }
  // ASCII reads the same in both encodings; only lines with high bytes need a decision.
  const high = text.search(/[\x80-\xff]/);
  if (high === -1) return text;
  const bytes = Buffer.from(text, 'latin1');
  if (encoding === 'utf8') {
    if (isUtf8(bytes)) return bytes.toString('utf8');
    refuse(line, excerpt(text, high), [
      `a byte that is not UTF-8 (${hex(text.charAt(high))} at column ${high + 1})`,
      `${ORIGINAL}: import this file without --encoding utf8`,
    ]);
  }
  if (isUtf8(bytes)) {
    // Latin-1 text that happens to be valid UTF-8 needs "Ã" followed by a C1 control or a
    // symbol, which SIPRI's data never has: this is a UTF-8 re-save. Show it as the user sees it.
    const decoded = bytes.toString('utf8');
    refuse(line, excerpt(decoded, decoded.search(/[\u0080-\uffff]/)), [
      `UTF-8 text (multi-byte sequences); ${ORIGINAL}, so this file was re-saved as UTF-8`,
      'Re-run with --encoding utf8, or import the original download',
    ]);
  }
  return text;
}

function checkByteOrderMark(text: string, encoding: SipriEncoding): string {
  if (text.startsWith(UTF8_BOM)) {
    // Spreadsheets write this mark when saving "CSV UTF-8"; with --encoding utf8 it is expected.
    if (encoding === 'utf8') return text.slice(UTF8_BOM.length);
    refuse(1, hex(UTF8_BOM), [
      `a UTF-8 byte-order mark; ${ORIGINAL}, so this file was re-saved as UTF-8`,
      'Re-run with --encoding utf8, or import the original download',
    ]);
  }
  const utf16 = UTF16_BOMS.find((bom) => text.startsWith(bom));
  if (utf16) {
    refuse(1, hex(utf16), [
      'a UTF-16 byte-order mark; the importer reads Latin-1 or UTF-8',
      'Import the original download, or re-save the file as UTF-8 and use --encoding utf8',
    ]);
  }
  return text;
}

function refuse(line: number, value: string, [found, todo]: [string, string]): never {
  throw new SipriFileError({ line, field: 'encoding', value, reason: `found ${found}. ${todo}.` });
}

/** Bytes (one per character) as the hex a user can compare with a hex dump: "EF BB BF". */
const hex = (bytes: string) =>
  [...bytes].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** A window of the line around `at`, short enough for a terminal line. */
function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 50);
  const end = Math.min(text.length, at + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
