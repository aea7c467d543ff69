// Reference data: the names people write states under — English, French and Russian names
// and abbreviations — given to every state actor as aliases, so that search and name filters
// find "Turkey", "Russie", "Tchad", "USSR" or "UAE".
import countries from 'i18n-iso-countries';
import { formerStateBySipriName } from './former-states.js';

export interface ReferenceAlias {
  alias: string;
  language: string;
}

const LANGUAGES = ['en', 'fr', 'ru'] as const;

/**
 * Common names and abbreviations that i18n-iso-countries lacks, by ISO 3166-1 alpha-3. Kept
 * small on purpose: only names in everyday use by the press and researchers. Abbreviations
 * that are also common words or other actors' names are left out ("CAR"; "PRC" is a Palestinian
 * group in SIPRI's data).
 */
const EXTRA_ALIASES: Record<string, ReferenceAlias[]> = {
  GBR: [
    { alias: 'Britain', language: 'en' },
    { alias: 'Grande-Bretagne', language: 'fr' },
  ],
  USA: [{ alias: 'États-Unis', language: 'fr' }],
  ARE: [{ alias: 'EAU', language: 'fr' }],
  COD: [
    { alias: 'DRC', language: 'en' },
    { alias: 'RDC', language: 'fr' },
  ],
  PRK: [
    { alias: 'DPRK', language: 'en' },
    { alias: 'Северная Корея', language: 'ru' },
  ],
  KOR: [{ alias: 'Южная Корея', language: 'ru' }],
  MMR: [
    { alias: 'Burma', language: 'en' },
    { alias: 'Birmanie', language: 'fr' },
  ],
  CZE: [{ alias: 'Tchéquie', language: 'fr' }],
  TLS: [{ alias: 'East Timor', language: 'en' }],
  SWZ: [{ alias: 'Swaziland', language: 'en' }],
};

/** Each alias once (the first language that has it wins), names that are blank left out. */
function unique(aliases: ReferenceAlias[]): ReferenceAlias[] {
  const seen = new Set<string>();
  return aliases.filter(({ alias }) => {
    if (alias.trim() === '' || seen.has(alias)) return false;
    seen.add(alias);
    return true;
  });
}

/**
 * Reference aliases of the ISO 3166-1 state with this alpha-3 code (none for unknown codes).
 * A name that the package gives to more than one state is left out: i18n-iso-countries lists
 * "Congo" for both Congos, and an alias must never lead a name to the wrong state (the SIPRI
 * tables and the name filters match actors by their aliases).
 */
export function stateAliases(alpha3: string): ReferenceAlias[] {
  const owners = aliasOwners();
  return candidateAliases(alpha3).filter((a) => owners.get(a.alias.toLowerCase())?.size === 1);
}

let owners: Map<string, Set<string>> | undefined;
/** Lower-cased alias → the states that the package and the extras give it to. */
function aliasOwners(): Map<string, Set<string>> {
  if (owners) return owners;
  owners = new Map();
  for (const alpha3 of allStateAlpha3Codes()) {
    for (const { alias } of candidateAliases(alpha3)) {
      const key = alias.toLowerCase();
      const set = owners.get(key) ?? new Set<string>();
      set.add(alpha3);
      owners.set(key, set);
    }
  }
  return owners;
}

function candidateAliases(alpha3: string): ReferenceAlias[] {
  const alpha2 = countries.alpha3ToAlpha2(alpha3);
  if (!alpha2) return [];
  return unique([
    ...LANGUAGES.flatMap((language) =>
      (countries.getName(alpha2, language, { select: 'all' }) ?? []).map((alias) => ({
        alias,
        language,
      })),
    ),
    ...(EXTRA_ALIASES[alpha3] ?? []),
  ]);
}

/**
 * Reference aliases of a state actor: by its ISO alpha-3 code, else as a former state by its
 * SIPRI name; the actor's own name is left out (an alias repeating the name says nothing).
 */
export function referenceAliasesOfState(state: {
  isoAlpha3: string | null;
  name: string;
}): ReferenceAlias[] {
  const aliases = state.isoAlpha3
    ? stateAliases(state.isoAlpha3)
    : unique([...(formerStateBySipriName(state.name)?.aliases ?? [])]);
  return aliases.filter((a) => a.alias.toLowerCase() !== state.name.toLowerCase());
}

/** Every ISO 3166-1 alpha-3 code, for building the reference alias list as a whole. */
export function allStateAlpha3Codes(): string[] {
  return Object.keys(countries.getAlpha3Codes()).sort();
}
