// Reference data: former states (ISO 3166-3) that SIPRI reports as actors of their own, with
// the names people write them under. Committed by hand: i18n-iso-countries covers ISO 3166-1
// (current states) only.

export interface FormerState {
  /** ISO 3166-3 keeps the alpha-2 and alpha-3 codes a state had before it was withdrawn. */
  alpha2: string;
  alpha3: string;
  /** The name SIPRI gives the actor, which the importer creates it under. */
  sipriName: string;
  /** Common names and abbreviations, by BCP 47 language. */
  aliases: { alias: string; language: string }[];
}

const en = (...aliases: string[]) => aliases.map((alias) => ({ alias, language: 'en' }));
const fr = (...aliases: string[]) => aliases.map((alias) => ({ alias, language: 'fr' }));
const ru = (...aliases: string[]) => aliases.map((alias) => ({ alias, language: 'ru' }));

/**
 * Only states whose ISO 3166-3 entry is unambiguous for SIPRI's actor. Left out on purpose:
 * North Yemen (its YE/YEM passed to unified Yemen), South Vietnam (no ISO 3166-3 entry of its
 * own) and Serbia and Montenegro (CS/SCG, 2003–2006: SIPRI has no such actor, so CS here is
 * Czechoslovakia's code, as it was until 1993).
 */
export const FORMER_STATES: readonly FormerState[] = [
  {
    alpha2: 'SU',
    alpha3: 'SUN',
    sipriName: 'Soviet Union',
    aliases: [
      ...en('USSR', 'Soviet Union', 'Union of Soviet Socialist Republics'),
      ...fr('URSS', 'Union soviétique'),
      ...ru('СССР', 'Советский Союз'),
    ],
  },
  {
    alpha2: 'YU',
    alpha3: 'YUG',
    sipriName: 'Yugoslavia',
    aliases: [...en('Yugoslavia'), ...fr('Yougoslavie'), ...ru('Югославия')],
  },
  {
    alpha2: 'CS',
    alpha3: 'CSK',
    sipriName: 'Czechoslovakia',
    aliases: [...en('Czechoslovakia'), ...fr('Tchécoslovaquie'), ...ru('Чехословакия')],
  },
  {
    alpha2: 'DD',
    alpha3: 'DDR',
    sipriName: 'East Germany (GDR)',
    aliases: [
      ...en('East Germany', 'GDR', 'German Democratic Republic'),
      ...fr('RDA', "Allemagne de l'Est", 'République démocratique allemande'),
      ...ru('ГДР', 'Восточная Германия'),
    ],
  },
  {
    alpha2: 'YD',
    alpha3: 'YMD',
    sipriName: 'South Yemen',
    aliases: [
      ...en('South Yemen', "People's Democratic Republic of Yemen"),
      ...fr('Yémen du Sud'),
      ...ru('Южный Йемен'),
    ],
  },
];

/** The former state with this ISO 3166-3 alpha-2 or alpha-3 code (any case), if any. */
export function formerStateByCode(code: string): FormerState | undefined {
  const upper = code.trim().toUpperCase();
  return FORMER_STATES.find((s) => s.alpha2 === upper || s.alpha3 === upper);
}

/** The former state SIPRI calls by this name (any case), if any. */
export function formerStateBySipriName(name: string): FormerState | undefined {
  const lower = name.trim().toLowerCase();
  return FORMER_STATES.find((s) => s.sipriName.toLowerCase() === lower);
}
