// Reference data: ISO 3166-1 country codes, from the maintained i18n-iso-countries list, and
// the ISO 3166-3 codes of former states that SIPRI reports (former-states.ts).
import countries from 'i18n-iso-countries';
import { InvalidInputError } from '../errors.js';
import { suggestCountries } from './country-suggestions.js';
import { formerStateByCode } from './former-states.js';

/**
 * The alpha-3 code for an ISO 3166-1 alpha-2 or alpha-3 code in any letter case, or null
 * when the code is not an assigned ISO 3166-1 code.
 */
export function toIsoAlpha3(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(upper) || !countries.isValid(upper)) return null;
  return countries.toAlpha3(upper) ?? null;
}

/** All three ISO 3166-1 codes of a country given by its alpha-3 code. */
export function isoCodes(
  alpha3: string,
): { alpha2: string; alpha3: string; numeric: string } | null {
  const alpha2 = countries.alpha3ToAlpha2(alpha3);
  const numeric = countries.alpha3ToNumeric(alpha3);
  return alpha2 && numeric ? { alpha2, alpha3, numeric } : null;
}

/**
 * Country codes → alpha-3: an ISO 3166-1 code gives its alpha-3 code, a former state's ISO
 * 3166-3 code (SU, SUN) its withdrawn alpha-3 code (SUN), which actorIdsInCountries maps to
 * that state's actor. Anything else is an error that suggests the nearest codes.
 */
export function resolveCountryCodes(
  codes: readonly string[] | null | undefined,
  argument: string,
): string[] | undefined {
  return codes?.map((code, i) => {
    const alpha3 = toIsoAlpha3(code) ?? formerStateByCode(code)?.alpha3;
    if (!alpha3) {
      const suggestions = suggestCountries(code);
      throw new InvalidInputError(
        `${argument}[${i}]`,
        `"${code}" is not an ISO 3166-1 alpha-2 or alpha-3 country code, nor an ISO 3166-3 code of a former state` +
          (suggestions.length > 0 ? `; did you mean ${suggestions.join(' or ')}?` : ''),
      );
    }
    return alpha3;
  });
}
