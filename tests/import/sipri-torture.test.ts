// SIPRI importer against hand-written torture files: format quirks in, real rows out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { naturalKeys, stableUuid } from '../../src/db/stable-id.js';
import {
  importSipriRegister,
  type SipriImportSummary,
} from '../../src/import/import-sipri-register.js';
import { SipriInputError } from '../../src/import/sipri-input-error.js';
import { ids } from '../../src/seed/kazan-mali.js';
import { ownDatabaseEnv, runCliProcess } from '../support/real-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import {
  count,
  fixture,
  importedDeals,
  sahelLines,
  tableCounts,
  writes,
  type ImportedDeal,
} from './support.js';

const byLine = (deals: ImportedDeal[], line: number) => {
  const found = deals.filter((d) => d.locators.includes(`row ${line}`));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe.each([
  { file: 'torture-lf.csv', eol: '\n', asBuffer: false },
  { file: 'torture-crlf.csv', eol: '\r\n', asBuffer: true },
])('importing $file', ({ file, eol, asBuffer }) => {
  let t: TestDatabase;
  let summary: SipriImportSummary;
  let deals: ImportedDeal[];

  beforeAll(async () => {
    t = await createTestDatabase();
    const input = asBuffer ? readFileSync(fixture(file)) : fixture(file);
    summary = await importSipriRegister(t.db, input);
    deals = await importedDeals(t.db);
  });
  afterAll(() => t.close());

  it('reads every record once, joining the one split across two lines', () => {
    expect(summary.rowsRead).toBe(14);
    expect(summary.dealsAdded).toBe(14);
    expect(summary.skipped).toEqual([]);
    expect(deals).toHaveLength(14);
    expect(summary.generatedAt).toMatchObject({ year: 2026, month: 5, day: 18 });
  });

  it('keeps the line break inside a split Comments field verbatim and cites the first line', () => {
    const split = byLine(deals, 12);
    expect(split.comments).toBe(
      `Part of THB4b deal; delivery delayed after Germany refusal to export engines${eol}`,
    );
    expect(split).toMatchObject({
      tiv_per_unit: '0.25',
      tiv_total_order: '3.5',
      tiv_delivered: '3.25',
    });
    expect(split.description).toBe('APC');
    expect(split.category).toBe('ARMOURED_VEHICLES');
    expect(byLine(deals, 14).supplier).toBe('Iran');
  });

  it('reuses the seeded actors and platforms and keeps numbers exact', () => {
    const mi35m = byLine(deals, 8);
    expect(mi35m.platform_id).toBe(ids.mi35m);
    expect(mi35m).toMatchObject({
      recipient: 'Mali',
      supplier: 'Russia',
      order_year: 2016,
      order_uncertain: false,
      quantity_ordered: 4,
      quantity_delivered: 4,
      delivery_years: [2017, 2019, 2020],
      condition: 'NEW',
      stage: 'DELIVERED',
      tiv_per_unit: '11.5',
      tiv_total_order: '46',
      tiv_delivered: '46',
      comments: null,
    });
    expect(byLine(deals, 22).platform_id).toBe(ids.mi17);
  });

  it('turns ? flags into uncertain fields and renames designations SIPRI has renamed', () => {
    const mi24 = byLine(deals, 9);
    expect(mi24).toMatchObject({
      order_uncertain: true,
      quantity_ordered_uncertain: true,
      quantity_delivered_uncertain: true,
      designation: 'Mi-24P',
      condition: 'SECOND_HAND',
      arrangement: 'AID',
    });
    expect(byLine(deals, 8)).toMatchObject({
      order_uncertain: false,
      quantity_ordered_uncertain: false,
      quantity_delivered_uncertain: false,
    });
  });

  it('stores an empty Number ordered as null and a 0 as 0', () => {
    expect(byLine(deals, 10)).toMatchObject({
      quantity_ordered: null,
      quantity_delivered: 50,
      tiv_total_order: '0',
      stage: 'DELIVERING',
    });
    expect(byLine(deals, 11)).toMatchObject({
      quantity_ordered: 0,
      quantity_delivered: 0,
      delivery_years: [],
      stage: 'ORDERED',
    });
  });

  it('derives arrangement, stage and variant note from the comments', () => {
    expect(byLine(deals, 16)).toMatchObject({
      arrangement: 'LICENSED_PRODUCTION',
      note: 'SA-316B version',
    });
    expect(byLine(deals, 18)).toMatchObject({ stage: 'CANCELLED', comments: 'Order cancelled' });
    expect(byLine(deals, 22)).toMatchObject({
      comments: '$61 m deal (incl training and armament); Mi-171Sh armed version',
      note: 'Mi-171Sh armed version',
      stage: 'DELIVERED',
      arrangement: 'UNKNOWN',
    });
  });

  it('keeps exact duplicate rows as two deals with consecutive keys', () => {
    const first = byLine(deals, 19);
    const second = byLine(deals, 20);
    expect(first.import_key).toBe('sipri:MLI|RUS|2022|mi-8t|1#1');
    expect(second.import_key).toBe('sipri:MLI|RUS|2022|mi-8t|1#2');
    expect(first.id).toBe(stableUuid(`deal:${first.import_key}`));
  });

  it('makes actors of every kind, with ISO codes, hosts and SIPRI names as aliases', async () => {
    const actors = await queryRows<{
      name: string;
      kind: string;
      iso_alpha2: string | null;
      iso_alpha3: string | null;
      iso_numeric: string | null;
      host: string | null;
      existed_from: number | null;
      existed_until: number | null;
      aliases: string[];
    }>(
      t.db,
      sql`select a.name, a.kind, a.iso_alpha2, a.iso_alpha3, a.iso_numeric, h.name as host,
            a.existed_from, a.existed_until,
            array(select alias from actor_aliases x where x.actor_id = a.id order by alias) as aliases
          from actors a left join actors h on h.id = a.country_id order by a.name`,
    );
    const actor = (name: string) => actors.find((a) => a.name === name);
    expect(actor('Hezbollah (Lebanon)')).toMatchObject({
      kind: 'NON_STATE_ARMED_GROUP',
      host: 'Lebanon',
      aliases: ['Hezbollah (Lebanon)*'],
    });
    expect(actor('Lebanon')).toMatchObject({
      kind: 'STATE',
      iso_alpha2: 'LB',
      iso_alpha3: 'LBN',
      iso_numeric: '422',
    });
    expect(actor('NATO')).toMatchObject({
      kind: 'INTERNATIONAL_ORGANIZATION',
      aliases: ['NATO**'],
    });
    expect(actor('House of Representatives (Libya)')).toMatchObject({
      kind: 'NON_STATE_ARMED_GROUP',
      host: 'Libya',
      aliases: ['Libya HoR*'],
    });
    expect(actor('United Arab Emirates')).toMatchObject({ kind: 'STATE', iso_alpha3: 'ARE' });
    // SIPRI's spelling, beside the reference names every state gets (EAU, ОАЭ…).
    expect(actor('United Arab Emirates')!.aliases).toContain('UAE');
    expect(actor('Soviet Union')).toMatchObject({
      kind: 'STATE',
      iso_alpha2: null,
      iso_alpha3: null,
      existed_from: 1922,
      existed_until: 1991,
    });
    expect(actor('unknown recipient(s)')).toMatchObject({ kind: 'UNKNOWN' });
    expect(actor('Russia')).toMatchObject({ iso_alpha3: 'RUS' });
    expect(actor('Russia')!.aliases).toEqual(expect.arrayContaining(['Russia', 'Russie']));
    // States get the IDs the seed would give them.
    const ids = await queryRows<{ id: string }>(
      t.db,
      sql`select id from actors where iso_alpha3 = 'ARE'`,
    );
    expect(ids[0]?.id).toBe(stableUuid(naturalKeys.state('ARE')));
  });

  it('records the export as a DATASET source that every deal cites with its row', async () => {
    const sources = await queryRows<{
      id: string;
      kind: string;
      publisher: string;
      url: string;
      y: number;
      m: number;
      d: number;
    }>(
      t.db,
      sql`select id, kind, publisher, url, published_year as y, published_month as m, published_day as d
          from sources where kind = 'DATASET'`,
    );
    expect(sources).toEqual([
      {
        id: summary.sourceId,
        kind: 'DATASET',
        publisher: 'SIPRI',
        url: 'https://www.sipri.org/databases/armstransfers#generated-2026-05-18',
        y: 2026,
        m: 5,
        d: 18,
      },
    ]);
    expect(deals.every((d) => d.locators.length === 1)).toBe(true);
    expect(await count(t.db, `citations where source_id = '${summary.sourceId}'`)).toBe(14);
  });

  it('changes nothing and keeps every ID when the same file is imported again', async () => {
    t.statements.reset();
    const again = await importSipriRegister(t.db, fixture(file));
    expect(again).toMatchObject({
      alreadyImported: true,
      releaseId: summary.releaseId,
      rowsRead: 14,
      dealsAdded: 0,
      dealsUpdated: 0,
      dealsUnchanged: 14,
      actorsCreated: 0,
      platformsCreated: 0,
      citationsAdded: 0,
      citationsUpdated: 0,
      sourceCreated: false,
      retired: [],
    });
    expect(writes(t.statements.log)).toEqual([]);
    expect(await importedDeals(t.db)).toEqual(deals);
  });
});

describe('a malformed record', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('stops the import with line, field and value, and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const error = await importSipriRegister(t.db, fixture('malformed.csv')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SipriInputError);
    expect(error).toMatchObject({
      line: 10,
      field: 'SIPRI TIV of delivered weapons',
      value: 'abc',
    });
    expect((error as Error).message).toContain('line 10');
    const after = await tableCounts(t.db);
    expect(after).toEqual(before);
  });

  it('is skipped and reported with skipInvalid, and the other rows are imported', async () => {
    const summary = await importSipriRegister(t.db, fixture('malformed.csv'), {
      skipInvalid: true,
    });
    expect(summary.rowsRead).toBe(7);
    expect(summary.dealsAdded).toBe(4);
    expect(summary.skipped).toEqual([
      {
        line: 10,
        field: 'SIPRI TIV of delivered weapons',
        value: 'abc',
        reason: expect.any(String) as string,
      },
      { line: 12, field: 'status', value: 'Refurbished', reason: expect.any(String) as string },
      {
        line: 13,
        field: 'record',
        value: 'Chad,China,2019,,2,,WZ-10,combat helicopter,2,,2020,New,,5',
        reason: 'expected 16 comma-separated fields, found 14',
      },
    ]);
    const deals = await importedDeals(t.db);
    expect(deals.map((d) => d.locators[0])).toEqual(
      expect.arrayContaining(['row 8', 'row 9', 'row 11', 'row 14']),
    );
    // Latin-1 decoding: "Wärtsilä" arrives intact.
    expect(byLine(deals, 9).comments).toBe('Wärtsilä engines');
    expect(byLine(deals, 11)).toMatchObject({ supplier: 'Turkiye', recipient: 'Niger' });
  });

  it('reports a file without a header', async () => {
    const error = await importSipriRegister(t.db, Buffer.from('just some text\nand more\n')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SipriInputError);
    expect(error).toMatchObject({ field: 'header' });
  });
});

// Files that are not SIPRI's Latin-1 text, built from the committed excerpt's real rows. Its
// only non-ASCII character is the "ü" of "Türkiye" on line 38 (Burkina Faso ← United States).
const TURKIYE_LINE = 38;
const latin1Excerpt = () => sahelLines(1, 40);
/** What a spreadsheet or editor writes when it re-saves the export as UTF-8. */
const utf8ReSave = () => Buffer.from(latin1Excerpt().toString('latin1'), 'utf8');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Line breaks lost to CR-only ("classic Mac") endings: rows 13–414 become one line of ~47 KB. */
const crJoinedRows = () =>
  Buffer.from(sahelLines(13, 414).toString('latin1').replaceAll('\n', '\r'), 'latin1');

describe('a file that is not Latin-1 SIPRI text', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  /** Imports `input`, expects a refusal naming `line`, and checks that nothing was written. */
  async function expectRefused(
    input: Buffer | Readable,
    line: number,
    message: RegExp,
    options: { encoding?: 'latin1' | 'utf8' } = {},
  ): Promise<SipriInputError> {
    const before = await tableCounts(t.db);
    const error = await importSipriRegister(t.db, input, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SipriInputError);
    expect(error).toMatchObject({ line });
    expect((error as Error).message).toMatch(message);
    expect(await tableCounts(t.db)).toEqual(before);
    return error as SipriInputError;
  }

  it('refuses a UTF-8 re-save at its first multi-byte character, and says what to do', async () => {
    const error = await expectRefused(utf8ReSave(), TURKIYE_LINE, /UTF-8.*--encoding utf8/s);
    // The value is shown as the user's editor shows it, not as mojibake.
    expect(error.value).toContain('Türkiye');
  });

  it('imports a UTF-8 re-save with encoding utf8 exactly as the Latin-1 original', async () => {
    const summary = await importSipriRegister(t.db, utf8ReSave(), { encoding: 'utf8' });
    expect(summary).toMatchObject({ rowsRead: 28, dealsAdded: 28, skipped: [] });
    const fromUtf8 = await importedDeals(t.db);
    expect(fromUtf8.find((d) => d.locators.includes(`row ${TURKIYE_LINE}`))?.comments).toBe(
      'Cummins ISC-350 (402-450hp) diesel engine for Ejder armoured personnel carriers from Türkiye',
    );
    const platforms = await queryRows<{ designation: string }>(
      t.db,
      sql`select designation from platforms order by designation`,
    );

    // The Latin-1 original over it: every value already equal, so nothing is written.
    t.statements.reset();
    const original = await importSipriRegister(t.db, latin1Excerpt());
    expect(original).toMatchObject({ dealsAdded: 0, dealsUpdated: 0, dealsUnchanged: 28 });
    expect(original).toMatchObject({ actorsCreated: 0, platformsCreated: 0, citationsAdded: 0 });
    expect(writes(t.statements.log)).toEqual([]);
    expect(await importedDeals(t.db)).toEqual(fromUtf8);
    expect(
      await queryRows(t.db, sql`select designation from platforms order by designation`),
    ).toEqual(platforms);
  });

  it('accepts the byte-order mark of a UTF-8 re-save with encoding utf8', async () => {
    const summary = await importSipriRegister(t.db, Buffer.concat([UTF8_BOM, utf8ReSave()]), {
      encoding: 'utf8',
    });
    expect(summary).toMatchObject({ rowsRead: 28, dealsAdded: 0, dealsUnchanged: 28 });
  });

  it('refuses a Latin-1 file read as UTF-8 at the line that is not UTF-8', async () => {
    await expectRefused(latin1Excerpt(), TURKIYE_LINE, /not UTF-8.*without --encoding utf8/s, {
      encoding: 'utf8',
    });
  });

  it('refuses a byte-order mark at line 1', async () => {
    await expectRefused(Buffer.concat([UTF8_BOM, utf8ReSave()]), 1, /byte-order mark/);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(latin1Excerpt().toString('latin1'), 'utf16le'),
    ]);
    await expectRefused(utf16, 1, /UTF-16/);
  });

  it('refuses NUL bytes at their line', async () => {
    // A block of zeros where a line should start, as a crashed copy leaves behind.
    const zeros = Buffer.concat([sahelLines(1, 19), Buffer.alloc(512), sahelLines(20, 40)]);
    await expectRefused(zeros, 20, /NUL/);
    // UTF-16 without a byte-order mark: every other byte is a NUL.
    await expectRefused(
      Buffer.from(latin1Excerpt().toString('latin1'), 'utf16le'),
      1,
      /NUL.*UTF-16/s,
    );
  });

  it('refuses a header-only file', async () => {
    await expectRefused(sahelLines(1, 12), 12, /no data rows/);
  });

  it('refuses a line longer than 64 KB at its line number', async () => {
    const joined = crJoinedRows();
    const long = Buffer.concat([
      sahelLines(1, 13),
      joined,
      Buffer.from('\r'),
      joined,
      Buffer.from('\n'),
      sahelLines(14, 40),
    ]);
    await expectRefused(long, 14, /longer than 65,536 bytes.*carriage returns/s);
  });

  it('stops reading at an over-long line instead of reading the rest of the file', async () => {
    // An endless line: the reader must give up after the bound, not hold the stream in memory.
    let chunksRead = 0;
    const joined = crJoinedRows();
    const stream = Readable.from(
      (function* () {
        yield sahelLines(1, 12);
        for (; chunksRead < 300; chunksRead += 1) yield joined;
      })(),
    );
    await expectRefused(stream, 13, /longer than 65,536 bytes/);
    expect(chunksRead).toBeLessThan(40);
  });
});

describe('the import CLI, as a real process', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  let dir: string;
  beforeAll(async () => {
    ({ env, cleanup } = await ownDatabaseEnv());
    dir = mkdtempSync(join(tmpdir(), 'armstrail-sipri-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  it('refuses a UTF-8 re-save with exit code 1, file:line and what to do, no stack trace', async () => {
    const file = join(dir, 'trade-register-utf8.csv');
    writeFileSync(file, utf8ReSave());
    const { code, output } = await runCliProcess('import-sipri', [file], env);
    expect(code).toBe(1);
    expect(output).toContain(`${file}:${TURKIYE_LINE}: `);
    expect(output).toContain('--encoding utf8');
    expect(output).toContain('Nothing was imported');
    expect(output).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('imports the same UTF-8 re-save with --encoding utf8', async () => {
    const file = join(dir, 'trade-register-utf8.csv');
    writeFileSync(file, utf8ReSave());
    const { code, output } = await runCliProcess('import-sipri', [file, '--encoding', 'utf8'], env);
    expect(code, output).toBe(0);
    expect(output).toMatch(/rows read: +28\n/);
    expect(output).toMatch(/rows skipped: +0\n/);
  }, 120_000);
});
