// SIPRI import: turns SIPRI's supplier/recipient names into actor identities (kind, ISO codes,
// historical dates, host country). Pure: the orchestration finds or creates the rows.
import countries from 'i18n-iso-countries';

export type SipriActorKind =
  'STATE' | 'NON_STATE_ARMED_GROUP' | 'INTERNATIONAL_ORGANIZATION' | 'UNKNOWN';

export interface SipriActorIdentity {
  /**
   * What makes two SIPRI names the same actor: the ISO alpha-3 code for a state that has
   * one, else the canonical name in lower case. Used in deal keys, so it must not change
   * when SIPRI renames an actor (`UAE` → `United Arab Emirates`).
   */
  key: string;
  kind: SipriActorKind;
  /** Display name: SIPRI's current name without the `*`/`**` markers. */
  name: string;
  iso: { alpha2: string; alpha3: string; numeric: string } | null;
  existedFrom: number | null;
  existedUntil: number | null;
  /** SIPRI name of the host country of a non-state group, when it can be told. */
  hostName: string | null;
}

/**
 * SIPRI spellings that the ISO list does not know, mapped to ISO 3166-1 alpha-3. The ISO
 * list (i18n-iso-countries) resolves the rest, so this table only holds SIPRI's own forms.
 */
const SIPRI_ISO_ALPHA3: Record<string, string> = {
  'bosnia-herzegovina': 'BIH',
  brunei: 'BRN',
  'cabo verde': 'CPV',
  'dr congo': 'COD',
  laos: 'LAO',
  moldova: 'MDA',
  'saint vincent': 'VCT',
  syria: 'SYR',
  turkiye: 'TUR',
  'viet nam': 'VNM',
  micronesia: 'FSM',
  macedonia: 'MKD',
  uk: 'GBR',
};

/**
 * Names SIPRI has changed between releases, old → current. States with ISO codes need no
 * entry (the code already joins `UAE` and `United Arab Emirates`); the others do, because
 * their identity is their name.
 */
const SIPRI_RENAMES: Record<string, string> = {
  uae: 'United Arab Emirates',
  'libya hor*': 'House of Representatives (Libya)*',
  'pij (israel/palestine)*': 'Palestinian Islamic Jihad (Israel/Palestine)*',
  // Short forms SIPRI uses inside group names (`Provisional IRA (UK)*`).
  uk: 'United Kingdom',
  macedonia: 'North Macedonia',
};

/**
 * States without an ISO 3166-1 code: historical states (their own actors, never merged into
 * a successor — SIPRI reports them separately and its totals depend on it), unrecognised or
 * short-lived entities, and Kosovo (XK is a user-assigned code, not part of ISO 3166-1).
 * SIPRI lists `Yemen Arab Republic (North Yemen)` and `North Yemen` separately; so do we.
 */
const STATES_WITHOUT_ISO: Record<string, { from: number | null; until: number | null }> = {
  'soviet union': { from: 1922, until: 1991 },
  czechoslovakia: { from: 1918, until: 1992 },
  'east germany (gdr)': { from: 1949, until: 1990 },
  yugoslavia: { from: 1918, until: 2003 },
  'south vietnam': { from: 1955, until: 1975 },
  'north yemen': { from: 1962, until: 1990 },
  'yemen arab republic (north yemen)': { from: 1962, until: 1990 },
  'south yemen': { from: 1967, until: 1990 },
  biafra: { from: 1967, until: 1970 },
  katanga: { from: 1960, until: 1963 },
  'northern cyprus': { from: 1983, until: null },
  'libya gnc': { from: 2014, until: 2016 },
  kosovo: { from: 2008, until: null },
};

const UNKNOWN_NAMES = new Set(['unknown supplier(s)', 'unknown recipient(s)']);

const cache = new Map<string, SipriActorIdentity>();

/** The ISO codes of a state name as SIPRI spells it, or null. */
export function isoCodesForName(name: string): SipriActorIdentity['iso'] {
  const lower = name.trim().toLowerCase();
  if (lower in STATES_WITHOUT_ISO) return null;
  const alpha3 = SIPRI_ISO_ALPHA3[lower] ?? countries.getAlpha3Code(name.trim(), 'en');
  if (!alpha3) return null;
  const alpha2 = countries.alpha3ToAlpha2(alpha3);
  const numeric = countries.alpha3ToNumeric(alpha3);
  return alpha2 && numeric ? { alpha2, alpha3, numeric } : null;
}

/**
 * Resolves a SIPRI supplier or recipient name. A trailing `*` marks a non-state armed group
 * and `**` an international organisation; a name that is neither, nor an ISO country, nor
 * a known state without a code, is still taken as a state (SIPRI's default) without codes.
 */
export function resolveSipriActor(sipriName: string): SipriActorIdentity {
  const trimmed = sipriName.trim();
  const cached = cache.get(trimmed);
  if (cached) return cached;
  const current = SIPRI_RENAMES[trimmed.toLowerCase()] ?? trimmed;
  const identity = resolveCurrentName(current);
  cache.set(trimmed, identity);
  return identity;
}

function resolveCurrentName(current: string): SipriActorIdentity {
  const base = { iso: null, existedFrom: null, existedUntil: null, hostName: null };
  if (current.endsWith('**')) {
    const name = current.slice(0, -2).trim();
    return { ...base, key: name.toLowerCase(), kind: 'INTERNATIONAL_ORGANIZATION', name };
  }
  if (current.endsWith('*')) {
    const name = current.slice(0, -1).trim();
    return {
      ...base,
      key: name.toLowerCase(),
      kind: 'NON_STATE_ARMED_GROUP',
      name,
      hostName: hostOf(name),
    };
  }
  const lower = current.toLowerCase();
  if (UNKNOWN_NAMES.has(lower)) return { ...base, key: lower, kind: 'UNKNOWN', name: current };
  const iso = isoCodesForName(current);
  if (iso) return { ...base, key: iso.alpha3, kind: 'STATE', name: current, iso };
  const dates = STATES_WITHOUT_ISO[lower];
  return {
    ...base,
    key: lower,
    kind: 'STATE',
    name: current,
    existedFrom: dates?.from ?? null,
    existedUntil: dates?.until ?? null,
  };
}

/**
 * The host country of a non-state group: the parenthesis (`PKK (Turkiye)`), or a leading
 * country name (`Syria rebels`). A parenthesis naming several countries
 * (`(Israel/Palestine)`) gives no single host, so none is recorded rather than a guess.
 */
function hostOf(groupName: string): string | null {
  const paren = /\(([^()]+)\)\s*$/.exec(groupName);
  if (paren) {
    const inside = paren[1]!.trim();
    if (inside.includes('/')) return null;
    return isKnownState(inside) ? inside : null;
  }
  const words = groupName.split(' ');
  for (let n = words.length - 1; n >= 1; n--) {
    const prefix = words.slice(0, n).join(' ');
    if (isKnownState(prefix)) return prefix;
  }
  return null;
}

function isKnownState(name: string): boolean {
  return isoCodesForName(name) !== null || name.toLowerCase() in STATES_WITHOUT_ISO;
}
