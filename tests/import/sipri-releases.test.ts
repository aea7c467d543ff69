// SIPRI releases imported one after another: what an excerpt may retire, what an older release
// may change, whose values win over an editor's, and the review report of the CLI. Releases
// are built from the committed Sahel excerpt's real rows; where a test needs SIPRI to have
// changed a row between releases, the change is made to one field and said so.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../src/db/client.js';
import { toGlobalId } from '../../src/graphql/global-id.js';
import {
  importSipriRegister,
  type SipriImportSummary,
} from '../../src/import/import-sipri-register.js';
import { createApiKey } from '../../src/modules/auth/api-keys.service.js';
import { ids } from '../../src/seed/kazan-mali.js';
import { ownDatabaseEnv, runCliProcess } from '../support/real-server.js';
import { createTestApi, dataOf, type TestApi } from '../support/test-api.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { BURKINA_FASO, CHAD, MIDDLE, NEWER, NEWEST, OLDER, release } from './support.js';

interface DealState {
  id: string;
  recipient: string;
  locators: string[];
  version: number;
  updated_at: string;
  comments: string | null;
  quantity_ordered: number | null;
  tiv_delivered: string | null;
  release_id: string | null;
  retired_by: string | null;
  revisions: number;
}

/** Every SIPRI deal as the default view and the history show it, by ID. */
const dealStates = (db: Db) =>
  queryRows<DealState>(
    db,
    sql`select d.id, r.name as recipient,
          array(select c.locator from citations c where c.deal_id = d.id and c.deleted_at is null
            order by c.locator) as locators,
          d.version, d.updated_at::text, d.comments, i.quantity_ordered, i.tiv_delivered::text,
          d.sipri_release_id as release_id, d.retired_by_release_id as retired_by,
          (select count(*)::int from revisions v where v.record_id = d.id) as revisions
        from deals d
        join actors r on r.id = d.recipient_id
        join deal_items i on i.deal_id = d.id and i.position = 0
        where d.import_key like 'sipri:%'
        order by d.id`,
  );

const live = (states: DealState[]) => states.filter((d) => d.retired_by === null);

/** The deal that release `sourceId`'s row `line` is cited on. */
async function dealAtLine(db: Db, sourceId: string, line: number): Promise<string> {
  const found = await queryRows<{ deal_id: string }>(
    db,
    sql`select deal_id from citations where source_id = ${sourceId} and locator = ${`row ${line}`}`,
  );
  expect(found).toHaveLength(1);
  return found[0]!.deal_id;
}

describe('an excerpt', () => {
  let t: TestDatabase;
  let full: SipriImportSummary;
  let excerpt: SipriImportSummary;
  let before: DealState[];

  beforeAll(async () => {
    t = await createTestDatabase();
    // The full register (SIPRI's "to All countries"), holding Burkina Faso and Chad.
    full = await importSipriRegister(
      t.db,
      release({ generated: MIDDLE, rows: [BURKINA_FASO, CHAD] }),
    );
    before = await dealStates(t.db);
    // A newer selection of Chad alone, without its last ten rows (lines 174–183).
    excerpt = await importSipriRegister(
      t.db,
      release({ generated: NEWER, to: 'Chad', rows: [[92, 173]] }),
    );
  });
  afterAll(() => t.close());

  it('is recognised from its selection and records the recipients it speaks for', async () => {
    expect(full.scope).toBe('FULL_REGISTER');
    expect(excerpt).toMatchObject({ scope: 'EXCERPT', rowsRead: 82, dealsAdded: 0 });
    expect(excerpt.matches.SAME_KEY).toBe(82);
    const [recorded] = await queryRows<{ scope: string; recipients: string[] }>(
      t.db,
      sql`select e.scope, array(select a.name from actors a where a.id = any(e.recipient_ids)) as recipients
          from sipri_releases e where e.id = ${excerpt.releaseId}`,
    );
    expect(recorded).toEqual({ scope: 'EXCERPT', recipients: ['Chad'] });
  });

  it('retires the deals of its recipients that it no longer lists', async () => {
    const expected = await Promise.all(
      [174, 175, 176, 177, 178, 179, 180, 181, 182, 183].map((line) =>
        dealAtLine(t.db, full.sourceId, line),
      ),
    );
    expect(excerpt.retired.map((r) => r.dealId).sort()).toEqual(expected.sort());
    const after = await dealStates(t.db);
    expect(after.filter((d) => d.retired_by === excerpt.releaseId).map((d) => d.id)).toEqual(
      [...expected].sort(),
    );
  });

  it('never retires, nor changes, a deal of a recipient it does not hold', async () => {
    const burkinaFaso = (states: DealState[]) =>
      states.filter((d) => d.recipient === 'Burkina Faso');
    const after = await dealStates(t.db);
    expect(burkinaFaso(after)).toHaveLength(79);
    expect(burkinaFaso(after)).toEqual(burkinaFaso(before));
    expect(burkinaFaso(after).every((d) => d.release_id === full.releaseId)).toBe(true);
    // Nor the Kazan record, which an editor entered: no import retires it.
    const [kazan] = await queryRows<{ retired_at: string | null }>(
      t.db,
      sql`select retired_at::text from deals where id = ${ids.kazanDeal}`,
    );
    expect(kazan).toEqual({ retired_at: null });
  });

  it('unlike a full register, which retires what it no longer lists for every recipient', async () => {
    // Burkina Faso only, as SIPRI's full export: Chad's live deals are all gone from it.
    const chadLive = live(await dealStates(t.db)).filter((d) => d.recipient === 'Chad');
    expect(chadLive).toHaveLength(82);
    const register = await importSipriRegister(
      t.db,
      release({ generated: NEWEST, rows: [BURKINA_FASO] }),
    );
    expect(register.scope).toBe('FULL_REGISTER');
    expect(register.retired.map((r) => r.dealId).sort()).toEqual(chadLive.map((d) => d.id));
    const [kazan] = await queryRows<{ retired_at: string | null }>(
      t.db,
      sql`select retired_at::text from deals where id = ${ids.kazanDeal}`,
    );
    expect(kazan).toEqual({ retired_at: null });
  });
});

describe('an older release imported after a newer one', () => {
  let t: TestDatabase;
  let newer: SipriImportSummary;
  let older: SipriImportSummary;
  let before: DealState[];
  // SIPRI's 2024 figure for line 30 (a 1965 MH-1521 Broussard), before its 2026 correction.
  const olderTiv = '0.9';

  beforeAll(async () => {
    t = await createTestDatabase();
    // The newer release no longer lists lines 20–22 (which the older one has).
    newer = await importSipriRegister(
      t.db,
      release({
        generated: NEWER,
        rows: [
          [13, 19],
          [23, 91],
        ],
      }),
    );
    before = await dealStates(t.db);
    older = await importSipriRegister(
      t.db,
      release({
        generated: OLDER,
        rows: [BURKINA_FASO],
        change: { 30: (f) => (f[15] = olderTiv) },
      }),
    );
  });
  afterAll(() => t.close());

  it('adds its rows as history only', () => {
    expect(older).toMatchObject({
      rowsRead: 79,
      alreadyImported: false,
      dealsAdded: 0,
      dealsUpdated: 0,
      dealsUnchanged: 0,
      dealsRestored: 0,
      historyRows: 76,
      dealsAddedRetired: 3,
      retired: [],
    });
  });

  it('changes no value of any deal the newer release shows', async () => {
    const after = await dealStates(t.db);
    // Everything but the older release's citation, added to the deals it lists.
    const values = (states: DealState[]) => states.map(({ locators: _, ...rest }) => rest);
    const stillLive = live(after);
    expect(values(stillLive)).toEqual(values(before));
    expect(stillLive.every((d) => d.release_id === newer.releaseId)).toBe(true);
    // Line 30's deal keeps the newer release's TIV; the older figure is kept as its row.
    // (Line 27 of the newer file, which lacks lines 20–22.)
    const broussard = await dealAtLine(t.db, newer.sourceId, 27);
    expect(stillLive.find((d) => d.id === broussard)?.tiv_delivered).not.toBe(olderTiv);
    const rows = await queryRows<{ tiv: string }>(
      t.db,
      sql`select tiv_delivered::text as tiv from sipri_rows
          where release_id = ${older.releaseId} and deal_id = ${broussard}`,
    );
    expect(rows).toEqual([{ tiv: olderTiv }]);
  });

  it('adds the rows the newer release dropped as deals retired at once, by the newer release', async () => {
    const after = await dealStates(t.db);
    const added = after.filter((d) => !before.some((b) => b.id === d.id));
    expect(added).toHaveLength(3);
    expect(added.map((d) => d.locators.length)).toEqual([1, 1, 1]);
    for (const deal of added) {
      expect(deal).toMatchObject({
        release_id: older.releaseId,
        retired_by: newer.releaseId,
        revisions: 1,
      });
    }
    const lines = await Promise.all([20, 21, 22].map((l) => dealAtLine(t.db, older.sourceId, l)));
    expect(added.map((d) => d.id).sort()).toEqual(lines.sort());
  });

  it('keeps every row of both releases', async () => {
    const counts = await queryRows<{ release_id: string; n: number }>(
      t.db,
      sql`select release_id, count(*)::int as n from sipri_rows group by release_id order by n`,
    );
    expect(counts).toEqual([
      { release_id: newer.releaseId, n: 76 },
      { release_id: older.releaseId, n: 79 },
    ]);
  });
});

describe('a release older than the one that retired a deal', () => {
  let t: TestDatabase;
  let first: SipriImportSummary;
  let newest: SipriImportSummary;
  let between: SipriImportSummary;
  let dropped: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    first = await importSipriRegister(t.db, release({ generated: MIDDLE, rows: [[13, 40]] }));
    dropped = await dealAtLine(t.db, first.sourceId, 20);
    // The newest release no longer lists line 20: its deal is retired.
    newest = await importSipriRegister(
      t.db,
      release({
        generated: NEWEST,
        rows: [
          [13, 19],
          [21, 40],
        ],
      }),
    );
    // A release between the two, imported last, still lists it.
    between = await importSipriRegister(t.db, release({ generated: NEWER, rows: [[13, 40]] }));
  });
  afterAll(() => t.close());

  it('leaves it retired: the newest release, not the last imported, decides', async () => {
    expect(newest.retired.map((r) => r.dealId)).toEqual([dropped]);
    expect(between).toMatchObject({ dealsRestored: 0, dealsUpdated: 0, historyRows: 28 });
    const deal = (await dealStates(t.db)).find((d) => d.id === dropped);
    expect(deal).toMatchObject({ retired_by: newest.releaseId, release_id: first.releaseId });
  });

  it('restores it when a release newer than the one that retired it lists it again', async () => {
    const later = await importSipriRegister(
      t.db,
      release({ generated: '1 Jul 2026 9:00:00 AM', rows: [[13, 40]] }),
    );
    expect(later).toMatchObject({ dealsRestored: 1, retired: [] });
    const deal = (await dealStates(t.db)).find((d) => d.id === dropped);
    expect(deal).toMatchObject({ retired_by: null, release_id: later.releaseId });
  });
});

describe("an editor's change to an imported deal", () => {
  let api: TestApi;
  let first: SipriImportSummary;
  let second: SipriImportSummary;
  let repeated: string;
  let changed: string;
  let elsewhere: string;
  const editedComments = 'Checked with the Burkinabè air force: one of the two lost in 1990';
  const sipriComments = 'C-295W version; financed by EU aid';

  async function editComments(dealId: string, editor: string): Promise<void> {
    const [{ version }] = (await queryRows<{ version: number }>(
      api.database.db,
      sql`select version from deals where id = ${dealId}`,
    )) as [{ version: number }];
    dataOf(
      await api.query(
        `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { deal { comments } } }`,
        {
          input: {
            id: toGlobalId('Deal', dealId),
            expectedVersion: version,
            comments: editedComments,
          },
        },
        { apiKey: editor },
      ),
    );
  }

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    first = await importSipriRegister(db, release({ generated: MIDDLE, rows: [[13, 40]] }));
    // Line 14 (a 1988 Mi-8T from the Soviet Union) and line 16 (a 2019 C-295 from Spain).
    repeated = await dealAtLine(db, first.sourceId, 14);
    changed = await dealAtLine(db, first.sourceId, 16);
    elsewhere = await dealAtLine(db, first.sourceId, 15);
    const editor = (await createApiKey(db, { name: 'Ed Itor', role: 'EDITOR' })).key;
    await editComments(repeated, editor);
    await editComments(changed, editor);
    await editComments(elsewhere, editor);
    // The newer release repeats line 14 as it was and changes line 16's comments.
    second = await importSipriRegister(
      db,
      release({
        generated: NEWER,
        rows: [[13, 40]],
        change: {
          16: (f) => (f[12] = sipriComments),
          // Line 15: SIPRI revises the TIV per unit only.
          15: (f) => (f[13] = '99.5'),
        },
      }),
    );
  });
  afterAll(() => api.close());

  const state = async (dealId: string) =>
    (await dealStates(api.database.db)).find((d) => d.id === dealId)!;

  it('stays when the new release repeats what SIPRI published before', async () => {
    const deal = await state(repeated);
    expect(deal).toMatchObject({
      comments: editedComments,
      release_id: second.releaseId,
      retired_by: null,
      // The CREATE and the editor's UPDATE: the import wrote nothing.
      revisions: 2,
      version: 2,
    });
  });

  it("gives way to SIPRI's values where SIPRI changed them, with a revision that says so", async () => {
    const deal = await state(changed);
    expect(deal).toMatchObject({ comments: sipriComments, release_id: second.releaseId });
    expect(deal.revisions).toBe(3);
    const [revision] = await queryRows<{ author: string; reason: string; changes: unknown }>(
      api.database.db,
      sql`select author_name as author, reason, changes from revisions
          where record_id = ${changed} order by created_at desc, id limit 1`,
    );
    expect(revision!.author).toBe(`SIPRI import (data generated ${NEWER})`);
    expect(revision!.reason).toMatch(/^Row 16 of the SIPRI release generated 18 May 2026/);
    // jsonb: an object from pg, a string from PGlite's text protocol.
    const changes: unknown =
      typeof revision!.changes === 'string' ? JSON.parse(revision!.changes) : revision!.changes;
    expect(changes).toMatchObject({ comments: { from: editedComments, to: sipriComments } });
    expect(second).toMatchObject({ dealsUpdated: 2, dealsUnchanged: 26, dealsAdded: 0 });
  });

  it('keeps the edited field when SIPRI changed another one', async () => {
    const [deal] = await queryRows<{ comments: string; tiv: string }>(
      api.database.db,
      sql`select d.comments, i.tiv_per_unit::text as tiv from deals d
        join deal_items i on i.deal_id = d.id where d.id = ${elsewhere}`,
    );
    expect(deal).toEqual({ comments: editedComments, tiv: '99.5' });
  });
});

/** A CSV document's records, quoted fields and doubled quotes included (RFC 4180). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      records.push([...fields, field]);
      fields = [];
      field = '';
    }
  }
  if (field || fields.length > 0) records.push([...fields, field]);
  return records;
}

describe('npm run import:sipri -- FILE --report OUT', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  let dir: string;
  beforeAll(async () => {
    // As the first start leaves it: the Kazan record and the Sahel excerpt (18 May 2026).
    ({ env, cleanup } = await ownDatabaseEnv());
    dir = mkdtempSync(join(tmpdir(), 'armstrail-report-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  it('writes every non-exact match and every retirement, with its reason, to a CSV file', async () => {
    // A newer Burkina Faso selection, in which SIPRI corrected, respelled and renamed one row
    // each, and no longer lists the last six (lines 86–91).
    const file = join(dir, 'trade-register-burkina-faso.csv');
    writeFileSync(
      file,
      release({
        generated: NEWEST,
        to: 'Burkina Faso',
        rows: [[13, 85]],
        change: {
          13: (f) => ((f[4] = '38'), (f[14] = '5.7')), // VP-11: 40 ordered → 38
          58: (f) => (f[6] = 'AS565 Panther'), // was AS365/AS565 Panther
          85: (f) => (f[6] = 'AW139'), // was AW-139
        },
      }),
    );
    const report = join(dir, 'review.csv');
    const { code, output } = await runCliProcess('import-sipri', [file, '--report', report], env);
    expect(code, output).toBe(0);
    expect(output).toContain(`review report:      ${report} (9 lines)`);
    expect(output).toMatch(/rows matched: +70 by key, 1 respelled, 1 renamed, 1 corrected/);
    expect(output).toContain('deals retired (not in this release; kept, not deleted): 6');

    const [header, ...lines] = parseCsv(readFileSync(report, 'utf8'));
    expect(header).toEqual([
      'action',
      'match',
      'line in this file',
      'recipient',
      'supplier',
      'designation',
      'year of order',
      'number ordered',
      'deal (UUID)',
      'reason',
    ]);
    const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/) as string;
    expect(lines.filter((l) => l[0] === 'MATCHED')).toEqual(
      expect.arrayContaining([
        [
          'MATCHED',
          'CORRECTED',
          '13',
          'Burkina Faso',
          'China',
          'VP-11',
          '2023',
          '38',
          uuid,
          'number ordered 40 → 38',
        ],
        [
          'MATCHED',
          'RENAMED',
          '58',
          'Burkina Faso',
          'France',
          'AS565 Panther',
          '1983',
          '2',
          uuid,
          'designation "AS365/AS565 Panther" → "AS565 Panther"',
        ],
        [
          'MATCHED',
          'RESPELLED',
          '85',
          'Burkina Faso',
          'Italy',
          'AW139',
          '2014',
          '1',
          uuid,
          'designation "AW-139" → "AW139"',
        ],
      ]),
    );
    const retired = lines.filter((l) => l[0] === 'RETIRED');
    expect(retired).toHaveLength(6);
    for (const line of retired) {
      // Names as SIPRI publishes them, as on the other lines, not IDs.
      expect(line).toMatchObject({
        1: '',
        2: '',
        3: 'Burkina Faso',
        8: uuid,
        9: expect.stringMatching(/^not in the SIPRI release generated 1 Jun 2026/) as string,
      });
    }
    expect(retired.map((l) => `${l[4]}: ${l[5]} (${l[6]}, ${l[7]})`).sort()).toEqual([
      'France: Bastion (2019, 6)',
      'South Africa: Puma M-26 (2014, 31)',
      'Turkiye: Akinci (2023, 2)',
      'Turkiye: Ejder Yalcin (2021, 24)',
      'Turkiye: Teber (2023, 20)',
      'unknown supplier(s): Strela-2 (1986, 25)',
    ]);
    expect(lines).toHaveLength(9);
  }, 120_000);
});
