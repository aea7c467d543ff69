// Matching a new SIPRI release to the deals already imported, rule by rule, on hand-built
// records taken from real SIPRI rows (2024 → 2026 register). Pure functions: no database.
import { describe, expect, it } from 'vitest';
import { canonicalDesignation, designationRelation } from '../../src/import/sipri-designations.js';
import { matchRelease, type MatchRecord } from '../../src/import/sipri-release-matching.js';

const UK_TO_NLD = 'uk|nld';

/**
 * A record as matching sees it, the 1974 Netherlands ← United Kingdom Olympus row by default;
 * `keyDesignation` follows the designation as the importer derives it.
 */
function record(overrides: Partial<MatchRecord> = {}): MatchRecord {
  const designation = overrides.designation ?? 'ship engine';
  return {
    pair: UK_TO_NLD,
    orderYear: 1974,
    numberOrdered: 24,
    description: 'ship engine',
    tivPerUnit: '6',
    comments:
      'Rolls-Royce Olympus-TN-3B (25500hp) gas turbine for 10 Kortenaer and 2 Heemskerck frigates produced in Netherlands',
    rest: [true, false, 24, false, [1978, 1979, 1980, 1981, 1982, 1983, 1986], 'NEW', '144', '144'],
    ...overrides,
    designation,
    keyDesignation: canonicalDesignation(designation).toLowerCase(),
  };
}

const olympus = () => record();
const tyne = () =>
  record({
    tivPerUnit: '1.5',
    comments:
      'Rolls-Royce Tyne RM-1C (4900hp) gas turbine for 10 Kortenaer and 2 Van Heemskerck frigates produced in Netherlands',
    rest: [true, false, 24, false, [1978, 1979, 1980, 1981, 1982, 1983, 1986], 'NEW', '36', '36'],
  });

/** The 1974 engine row rewritten so that it agrees with Olympus and Tyne equally. */
const neither = () =>
  record({
    tivPerUnit: '3.75',
    comments: 'Rolls-Royce gas turbines',
    rest: [true, false, 24, false, [1978, 1979, 1980, 1981, 1982, 1983, 1986], 'NEW', '90', '90'],
  });

/** A helicopter row of one pair, for the designation rules. */
const helicopter = (designation: string, overrides: Partial<MatchRecord> = {}) =>
  record({
    pair: 'ita|dza',
    orderYear: 2011,
    numberOrdered: 14,
    designation,
    description: 'helicopter',
    tivPerUnit: '6',
    comments: 'For SAR',
    rest: [true, true, 14, true, [2013, 2014, 2015], 'NEW', '84', '84'],
    ...overrides,
  });

describe('designationRelation', () => {
  it.each([
    ['AW139', 'AW-139'],
    ['aw 139', 'AW-139'],
    ['Bü-181 Bestmann', 'Bu-181 Bestmann'],
  ])('%s and %s are one spelling', (a, b) => {
    expect(designationRelation(a, b)).toBe('RESPELLED');
  });

  it.each([
    ['Bell-47/OH-13', 'Bell-47'],
    ['Mi-24D/Mi-25', 'Mi-24D'],
    ['DC-4/C-54', 'C-54 Skymaster'],
    ['C-54 Skymaster', 'DC-4/C-54'],
    // A known rename (DESIGNATION_RENAMES) relates even without a shared alternative.
    ['Mi-24P/Mi-35P', 'Mi-24P'],
  ])('%s and %s name the same weapon', (a, b) => {
    expect(designationRelation(a, b)).toBe('RENAMED');
  });

  it.each([
    ['Mi-2', 'Mi-24'],
    ['Mi-24', 'Mi-24D'],
    ['AW139', 'AW149'],
    ['ship engine', 'aircraft engine'],
  ])('%s and %s are different weapons', (a, b) => {
    expect(designationRelation(a, b)).toBeNull();
  });
});

describe('matchRelease', () => {
  it('matches a row to the deal with the same key, with no note', () => {
    expect(matchRelease([olympus()], [olympus()])).toEqual({
      matches: [{ row: 0, deal: 0, kind: 'SAME_KEY', note: null }],
      ambiguous: [],
    });
  });

  it('pairs rows that share a key by their fields, not by their order in the file', () => {
    // The case: the two 1974 engine rows share the key (1974, 24, "ship engine"); the
    // new release lists them in the other order. Pairing by position would swap Olympus and Tyne.
    const result = matchRelease([tyne(), olympus()], [olympus(), tyne()]);
    expect(result.ambiguous).toEqual([]);
    expect(result.matches).toEqual(
      expect.arrayContaining([
        { row: 0, deal: 1, kind: 'SAME_KEY', note: null },
        { row: 1, deal: 0, kind: 'SAME_KEY', note: null },
      ]),
    );
    expect(result.matches).toHaveLength(2);
  });

  it('pairs rows that share a key by their designation as written and description', () => {
    // Same key (case aside), told apart by the designation's spelling and the description.
    const rows = [
      record({ designation: 'SHIP ENGINE', description: 'gas turbine', comments: null }),
      record({ designation: 'ship engine', description: 'ship engine', comments: null }),
    ];
    const deals = [
      record({ designation: 'ship engine', description: 'ship engine', comments: null }),
      record({ designation: 'SHIP ENGINE', description: 'gas turbine', comments: null }),
    ];
    const { matches, ambiguous } = matchRelease(rows, deals);
    expect(ambiguous).toEqual([]);
    expect(matches.map((m) => [m.row, m.deal])).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 0],
      ]),
    );
  });

  it('still pairs each row with its counterpart when SIPRI corrected one of its fields', () => {
    // 2026 fixes a typo in the Tyne row's comments: its TIV per unit still tells it from Olympus.
    const corrected = { ...tyne(), comments: tyne().comments!.replace('Van ', 'van ') };
    const result = matchRelease([corrected, olympus()], [olympus(), tyne()]);
    expect(result.ambiguous).toEqual([]);
    expect(result.matches).toEqual(
      expect.arrayContaining([
        { row: 0, deal: 1, kind: 'SAME_KEY', note: null },
        { row: 1, deal: 0, kind: 'SAME_KEY', note: null },
      ]),
    );
  });

  it('matches identical duplicate rows one to one, without calling them ambiguous', () => {
    const result = matchRelease([olympus(), olympus()], [olympus(), olympus()]);
    expect(result.ambiguous).toEqual([]);
    expect(result.matches).toHaveLength(2);
    expect(new Set(result.matches.map((m) => m.deal))).toEqual(new Set([0, 1]));
  });

  it('leaves the extra row of a key unmatched (a new deal) when the release adds one', () => {
    const result = matchRelease([olympus(), tyne()], [tyne()]);
    expect(result).toEqual({
      matches: [{ row: 1, deal: 0, kind: 'SAME_KEY', note: null }],
      ambiguous: [],
    });
  });

  it('never guesses between two different deals that fit a row equally well', () => {
    // A row whose comments and TIVs agree with neither deal: Olympus or Tyne is a coin toss.
    const result = matchRelease([neither()], [olympus(), tyne()]);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous).toEqual([
      { rows: [0], deals: [0, 1], reason: expect.stringMatching(/equally good/) as string },
    ]);
  });

  it('never guesses between two different rows that fit a deal equally well', () => {
    const a = record({ comments: 'Rolls-Royce gas turbines', tivPerUnit: '3' });
    const b = record({ comments: 'Rolls-Royce gas turbines (spares)', tivPerUnit: '4' });
    const result = matchRelease([a, b], [record({ comments: null, tivPerUnit: null })]);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0]).toMatchObject({ rows: [0, 1], deals: [0] });
  });

  it('does not let an ambiguous row fall through to a weaker rule', () => {
    // Ambiguous by key; a respelled deal in the same pair must not pick up the row instead.
    const respelled = record({ designation: 'ship-engine', comments: 'Rolls-Royce gas turbines' });
    const result = matchRelease([neither()], [olympus(), tyne(), respelled]);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous).toHaveLength(1);
  });

  it('matches a respelled designation (AW139 → AW-139) and says what changed', () => {
    const result = matchRelease([helicopter('AW-139')], [helicopter('AW139')]);
    expect(result).toEqual({
      matches: [{ row: 0, deal: 0, kind: 'RESPELLED', note: 'designation "AW139" → "AW-139"' }],
      ambiguous: [],
    });
  });

  it.each([
    ['Bell-47/OH-13', 'Bell-47'],
    ['Mi-24D/Mi-25', 'Mi-24D'],
    ['DC-4/C-54', 'C-54 Skymaster'],
    ['C-54 Skymaster', 'DC-4/C-54'],
  ])('matches a deal of %s to a row renamed %s', (old, renamed) => {
    const result = matchRelease([helicopter(renamed)], [helicopter(old)]);
    expect(result).toEqual({
      matches: [{ row: 0, deal: 0, kind: 'RENAMED', note: `designation "${old}" → "${renamed}"` }],
      ambiguous: [],
    });
  });

  it('matches a renamed row only with the same year and number (no other change)', () => {
    // Renamed and re-dated at once is a correction of a renamed weapon, still one change.
    const redated = matchRelease(
      [helicopter('Mi-24D', { orderYear: 2012 })],
      [helicopter('Mi-24D/Mi-25')],
    );
    expect(redated.matches).toEqual([
      {
        row: 0,
        deal: 0,
        kind: 'CORRECTED',
        note: 'year of order 2011 → 2012; designation "Mi-24D/Mi-25" → "Mi-24D"',
      },
    ]);
    // Two changes besides the name: not the same transfer as far as matching can tell.
    const twice = matchRelease(
      [helicopter('Mi-24D', { orderYear: 2012, numberOrdered: 10 })],
      [helicopter('Mi-24D/Mi-25')],
    );
    expect(twice).toEqual({ matches: [], ambiguous: [] });
  });

  it('does not take Mi-2 for Mi-24', () => {
    const result = matchRelease([helicopter('Mi-2')], [helicopter('Mi-24')]);
    expect(result).toEqual({ matches: [], ambiguous: [] });
    // Not as a correction either.
    const corrected = matchRelease(
      [helicopter('Mi-2', { numberOrdered: 6 })],
      [helicopter('Mi-24')],
    );
    expect(corrected).toEqual({ matches: [], ambiguous: [] });
  });

  it('never matches across supplier–recipient pairs', () => {
    const otherRecipient = { ...olympus(), pair: 'uk|bel' };
    expect(matchRelease([otherRecipient], [olympus()])).toEqual({ matches: [], ambiguous: [] });
    const otherSupplier = helicopter('AW-139', { pair: 'gbr|dza' });
    expect(matchRelease([otherSupplier], [helicopter('AW139')])).toEqual({
      matches: [],
      ambiguous: [],
    });
    // A correction neither.
    const moved = helicopter('AW139', { pair: 'ita|ago', numberOrdered: 4 });
    expect(matchRelease([moved], [helicopter('AW139')])).toEqual({ matches: [], ambiguous: [] });
  });

  describe('corrections', () => {
    // Algeria ← China, SM-4 120mm self-propelled mortars, 2017: 18 in 2024, 6 in 2026.
    const sm4 = (overrides: Partial<MatchRecord> = {}) =>
      record({
        pair: 'chn|dza',
        orderYear: 2017,
        numberOrdered: 18,
        designation: 'SM-4 120mm',
        description: 'self-propelled mortar',
        tivPerUnit: '0.6',
        comments: null,
        rest: [true, true, 18, true, [2018], 'NEW', '10.8', '10.8'],
        ...overrides,
      });

    it('matches a corrected number ordered (18 → 6)', () => {
      const row = sm4({
        numberOrdered: 6,
        rest: [true, true, 6, true, [2018], 'NEW', '3.6', '3.6'],
      });
      expect(matchRelease([row], [sm4()])).toEqual({
        matches: [{ row: 0, deal: 0, kind: 'CORRECTED', note: 'number ordered 18 → 6' }],
        ambiguous: [],
      });
    });

    it('matches a number ordered that became known', () => {
      expect(matchRelease([sm4()], [sm4({ numberOrdered: null })]).matches).toEqual([
        { row: 0, deal: 0, kind: 'CORRECTED', note: 'number ordered unknown → 18' },
      ]);
    });

    it.each([2016, 2018])('matches a year of order moved by one (2017 → %i)', (year) => {
      expect(matchRelease([sm4({ orderYear: year })], [sm4()]).matches).toEqual([
        { row: 0, deal: 0, kind: 'CORRECTED', note: `year of order 2017 → ${year}` },
      ]);
    });

    it.each([2015, 2019])('does not match a year of order moved by two (2017 → %i)', (year) => {
      expect(matchRelease([sm4({ orderYear: year })], [sm4()])).toEqual({
        matches: [],
        ambiguous: [],
      });
    });

    it('does not match when both the year and the number changed', () => {
      expect(matchRelease([sm4({ orderYear: 2018, numberOrdered: 6 })], [sm4()])).toEqual({
        matches: [],
        ambiguous: [],
      });
    });

    it('does not match a different weapon of the same pair', () => {
      const other = sm4({ designation: 'PLZ-45 155mm', numberOrdered: 6 });
      expect(matchRelease([other], [sm4()])).toEqual({ matches: [], ambiguous: [] });
    });

    it('never guesses between two deals a correction could come from, and reports it', () => {
      // 6 ordered in 2017: a correction of the 18 of 2017, or of the 6 of 2016? Either fits.
      const row = sm4({ numberOrdered: 6 });
      const result = matchRelease([row], [sm4(), sm4({ orderYear: 2016, numberOrdered: 6 })]);
      expect(result.matches).toEqual([]);
      expect(result.ambiguous).toEqual([
        { rows: [0], deals: [0, 1], reason: expect.any(String) as string },
      ]);
    });

    it('never guesses between two rows that could correct one deal, and reports it', () => {
      const result = matchRelease([sm4({ numberOrdered: 6 }), sm4({ orderYear: 2018 })], [sm4()]);
      expect(result.matches).toEqual([]);
      expect(result.ambiguous).toEqual([
        { rows: [0, 1], deals: [0], reason: expect.any(String) as string },
      ]);
    });

    it('prefers an exact key over a correction', () => {
      // The 2016 row matches its own deal by key; only the 18 → 6 row is a correction.
      const result = matchRelease(
        [sm4({ numberOrdered: 6 }), sm4({ orderYear: 2016, numberOrdered: 6 })],
        [sm4(), sm4({ orderYear: 2016, numberOrdered: 6 })],
      );
      expect(result.ambiguous).toEqual([]);
      expect(result.matches).toEqual(
        expect.arrayContaining([
          { row: 1, deal: 1, kind: 'SAME_KEY', note: null },
          { row: 0, deal: 0, kind: 'CORRECTED', note: 'number ordered 18 → 6' },
        ]),
      );
    });
  });
});
