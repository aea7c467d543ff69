// SIPRI vocabulary: names → actors, descriptions → categories, comments → derived fields.
import { describe, expect, it } from 'vitest';
import { categorizeSipriDescription } from '../../src/import/sipri-categories.js';
import {
  deriveArrangement,
  deriveStage,
  deriveVariantNote,
} from '../../src/import/sipri-comments.js';
import { canonicalDesignation } from '../../src/import/sipri-designations.js';
import { resolveSipriActor } from '../../src/import/sipri-names.js';
import { referenceAliasesOfState } from '../../src/reference/state-aliases.js';

describe('SIPRI names', () => {
  it.each([
    ['Turkiye', 'TUR'],
    ["Cote d'Ivoire", 'CIV'],
    ['Czechia', 'CZE'],
    ['UAE', 'ARE'],
    ['United Arab Emirates', 'ARE'],
    ['DR Congo', 'COD'],
    ['Viet Nam', 'VNM'],
  ])('gives %s the ISO code %s', (name, alpha3) => {
    expect(resolveSipriActor(name)).toMatchObject({ kind: 'STATE', key: alpha3, iso: { alpha3 } });
  });

  it('keeps historical states and Kosovo without ISO codes', () => {
    for (const name of [
      'Soviet Union',
      'Czechoslovakia',
      'East Germany (GDR)',
      'Yugoslavia',
      'Kosovo',
    ]) {
      expect(resolveSipriActor(name)).toMatchObject({ kind: 'STATE', iso: null });
    }
  });

  it('gives states their English, French and Russian names and abbreviations', () => {
    const names = (isoAlpha3: string | null, name: string) =>
      referenceAliasesOfState({ isoAlpha3, name }).map((a) => `${a.language}:${a.alias}`);
    expect(names('TUR', 'Turkiye')).toEqual(
      expect.arrayContaining(['en:Turkey', 'fr:Turquie', 'ru:Турция']),
    );
    expect(names('ARE', 'United Arab Emirates')).toEqual(
      expect.arrayContaining(['en:UAE', 'ru:ОАЭ']),
    );
    expect(names('GBR', 'United Kingdom')).toEqual(
      expect.arrayContaining(['en:UK', 'en:Britain', 'fr:Royaume-Uni']),
    );
    expect(names('CIV', "Cote d'Ivoire")).toContain('en:Ivory Coast');
    expect(names('RUS', 'Russia')).toEqual(expect.arrayContaining(['fr:Russie', 'ru:Россия']));
    expect(names('RUS', 'Russia')).not.toContain('en:Russia');
    expect(names('MRT', 'Mauritania')).toContain('fr:Mauritanie');
    expect(names('TCD', 'Chad')).toContain('fr:Tchad');
    expect(names(null, 'Soviet Union')).toEqual(
      expect.arrayContaining(['en:USSR', 'fr:URSS', 'ru:СССР']),
    );
    expect(names(null, 'East Germany (GDR)')).toEqual(
      expect.arrayContaining(['en:GDR', 'en:East Germany', 'fr:RDA']),
    );
    expect(names(null, 'Biafra')).toEqual([]);
  });

  it('reads markers, hosts and renames of non-state actors', () => {
    expect(resolveSipriActor('PKK (Turkiye)*')).toMatchObject({
      kind: 'NON_STATE_ARMED_GROUP',
      hostName: 'Turkiye',
    });
    expect(resolveSipriActor('Syria rebels*')).toMatchObject({ hostName: 'Syria' });
    expect(resolveSipriActor('PIJ (Israel/Palestine)*')).toMatchObject({
      name: 'Palestinian Islamic Jihad (Israel/Palestine)',
      hostName: null,
    });
    expect(resolveSipriActor('African Union**')).toMatchObject({
      kind: 'INTERNATIONAL_ORGANIZATION',
      name: 'African Union',
    });
    expect(resolveSipriActor('unknown supplier(s)')).toMatchObject({ kind: 'UNKNOWN' });
  });

  it('renames designations SIPRI has renamed', () => {
    expect(canonicalDesignation(' Mi-24P/Mi-35P ')).toBe('Mi-24P');
    expect(canonicalDesignation('Fleyta/Skorpion ')).toBe('Fleyta/Skorpion');
  });
});

describe('SIPRI categories', () => {
  it.each([
    ['APC', 'armoured personnel carrier', 'ARMOURED_VEHICLES'],
    ['FGA aircraft', 'fighter/ground-attack aircraft', 'AIRCRAFT'],
    ['SAM', 'surface-to-air missile', 'MISSILES'],
    ['SAM system', 'surface-to-air missile system', 'AIR_DEFENCE_SYSTEMS'],
    ['UAV', 'reconnaissance drone', 'AIRCRAFT'],
    ['air search radar', 'air-search radar', 'SENSORS'],
    ['IFV turret', 'iinfantry fighting vehicle turret', 'OTHER'],
    ['ASW mortar', 'anti-submarine mortar', 'ANTI_SUBMARINE_WARFARE_WEAPONS'],
    ['OPV', 'patrol ship', 'SHIPS'],
    ['naval gun', 'naval gun', 'NAVAL_WEAPONS'],
    ['turbofan', 'aircraft engine', 'ENGINES'],
    ['towed gun', 'self-propelled gun', 'ARTILLERY'],
    ['recce satellite', 'reconnaissance satellite', 'SATELLITES'],
  ])('maps 2024 "%s" and 2026 "%s" to %s', (old, current, category) => {
    expect(categorizeSipriDescription(old)).toBe(category);
    expect(categorizeSipriDescription(current)).toBe(category);
  });

  it('tells missile boats, tank destroyers and anti-radar missiles apart', () => {
    expect(categorizeSipriDescription('missile boat')).toBe('SHIPS');
    expect(categorizeSipriDescription('tank destroyer')).toBe('ARMOURED_VEHICLES');
    expect(categorizeSipriDescription('anti-radar missile')).toBe('MISSILES');
    expect(categorizeSipriDescription('one-way attack drone')).toBe('MISSILES');
  });
});

describe('SIPRI comments', () => {
  const row = { comments: null, numberOrdered: 4, numberDelivered: 4, deliveryYears: [2021] };
  it('derives the arrangement', () => {
    expect(deriveArrangement('Incl 134 produced under licence in Argentina')).toBe(
      'LICENSED_PRODUCTION',
    );
    expect(deriveArrangement('Assembled under license')).toBe('LICENSED_PRODUCTION');
    expect(deriveArrangement('Second-hand; 3-year lease')).toBe('LEASE');
    expect(deriveArrangement('Second-hand; aid; P-18 version')).toBe('AID');
    expect(deriveArrangement('$61 m deal')).toBe('UNKNOWN');
  });

  it('derives the stage from the numbers and the comment', () => {
    expect(deriveStage(row)).toBe('DELIVERED');
    expect(deriveStage({ ...row, numberDelivered: 2 })).toBe('DELIVERING');
    expect(deriveStage({ ...row, numberDelivered: 0, deliveryYears: [] })).toBe('ORDERED');
    expect(
      deriveStage({
        ...row,
        numberDelivered: 0,
        deliveryYears: [],
        comments: 'Deal cancelled 2022',
      }),
    ).toBe('CANCELLED');
    // "2 more cancelled" after deliveries: the delivered part stands.
    expect(deriveStage({ ...row, numberDelivered: 2, comments: '2 more cancelled' })).toBe(
      'DELIVERED',
    );
  });

  it('keeps the stated variant as a note', () => {
    expect(
      deriveVariantNote('$61 m deal (incl training and armament); Mi-171Sh armed version'),
    ).toBe('Mi-171Sh armed version');
    expect(deriveVariantNote('Second-hand; aid; P-18 version')).toBe('P-18 version');
    expect(deriveVariantNote('for 96 BTR-3 in several versions')).toBeNull();
  });
});
