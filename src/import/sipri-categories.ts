// SIPRI import: maps SIPRI's free-text weapon description to one of SIPRI's 12 weapon categories.
import type { weaponCategory } from '../db/schema.js';

export type WeaponCategory = (typeof weaponCategory.enumValues)[number];

/**
 * Ordered rules; the first match wins. Descriptions are free text that SIPRI rewrites
 * between releases (2024: `APC`, `FGA aircraft`, `SAM`; 2026: `armoured personnel carrier`,
 * `fighter/ground-attack aircraft`, `surface-to-air missile`, even typos such as
 * `iinfantry fighting vehicle turret`), so the rules match words and both vocabularies
 * rather than an enum of exact strings. The order encodes SIPRI's definitions:
 * - turrets and air-refuelling systems are "Other", whatever they carry;
 * - a radar, sonar or electro-optical system is a sensor even when made for an aircraft;
 * - an aircraft carrier is a ship, but every other aircraft, helicopter or drone is an
 *   aircraft, except loitering munitions / one-way attack drones, which are missiles;
 * - a *system* (launcher + radar + missiles) for air defence is "Air defence systems",
 *   the missile alone is "Missiles"; ship-borne guns and launchers are "Naval weapons".
 */
const RULES: [RegExp, WeaponCategory][] = [
  [/turret/, 'OTHER'],
  [/air refuel/, 'OTHER'],
  [/satellite/, 'SATELLITES'],
  [/\bengine\b|turbine|turbofan|turbojet|turboprop|reactor/, 'ENGINES'],
  // An anti-radar missile is a missile, although it names a radar.
  [/anti-radar/, 'MISSILES'],
  [
    /radar|sonar|\beo\b|electro-optical|fire[- ]control|search system|(sigint|signals intelligence|reconnaissance|recce) system/,
    'SENSORS',
  ],
  [/loitering munition|one-way attack drone/, 'MISSILES'],
  [/aircraft carrier|\b(missile|torpedo) boat/, 'SHIPS'],
  [/tank destroyer/, 'ARMOURED_VEHICLES'],
  [/^naval (gun|sam|surface-to-air|mrl|multiple rocket)/, 'NAVAL_WEAPONS'],
  [
    /sam system|surface-to-air missile system|\baa gun|anti-aircraft gun|\bad system|air-defence system|abm system|abm\/sam system|anti-ballistic missile system/,
    'AIR_DEFENCE_SYSTEMS',
  ],
  [/aircraft|helicopter|\bheli\b|drone|\buav\b|airship|\bac\//, 'AIRCRAFT'],
  [/(asw|anti-submarine) (mortar|rocket launcher|mrl)/, 'ANTI_SUBMARINE_WARFARE_WEAPONS'],
  [/torpedo/, 'MISSILES'],
  [
    /missile|\bsam\b|\bssm\b|\basm\b|aam\b|\bslbm\b|\babm\b|guided|coastal defence system|\btel\b/,
    'MISSILES',
  ],
  [
    /ship|boat|craft\b|corvette|frigate|destroyer|cruiser|submarine|minehunter|minesweeper|minelayer|\bopv\b|\bfac\b|\bmcm\b|\bssb\b|\baals\b|icebreaker|tanker|\btug\b/,
    'SHIPS',
  ],
  [/gun|howitzer|mortar|\bmrl\b|rocket launcher/, 'ARTILLERY'],
  [
    /tank|armoured|\bapc\b|\bapv\b|\bifv\b|infantry fighting|\baev\b|\barv\b|\bafsv\b|\balv\b|\bamv\b|fire-support vehicle|\bav\b|\bugv\b|bridgelayer|\bcp\b/,
    'ARMOURED_VEHICLES',
  ],
];

const cache = new Map<string, WeaponCategory | null>();

/** SIPRI category of a weapon description, or null when no rule recognises it. */
export function categorizeSipriDescription(description: string): WeaponCategory | null {
  const cached = cache.get(description);
  if (cached !== undefined) return cached;
  const text = description.trim().toLowerCase();
  const category = text === '' ? null : (RULES.find(([re]) => re.test(text))?.[1] ?? null);
  cache.set(description, category);
  return category;
}
