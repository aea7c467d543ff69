// The family rules on their own: token-based, conservative, data-driven.
import { describe, expect, it } from 'vitest';
import {
  familyPlacement,
  familyRootOf,
  parseDesignation,
} from '../../src/import/platform-family-rules.js';

describe('platform family rules', () => {
  it.each([
    // SIPRI's designations (2024 and 2026 registers), and the Mi-8MT/Mi-17.
    ['Mi-8T', 'Mi-8', 'model-variant'],
    ['Mi-24A', 'Mi-24', 'model-variant'],
    ['Mi-24D', 'Mi-24', 'model-variant'],
    ['Mi-24P', 'Mi-24', 'model-variant'],
    ['Mi-24V/Mi-35', 'Mi-24', 'alternatives-agree'],
    ['Mi-24D/Mi-25', 'Mi-24', 'alternatives-agree'],
    ['Mi-24P/Mi-35P', 'Mi-24', 'alternatives-agree'],
    ['Mi-8MT/Mi-17', 'Mi-8', 'alternatives-agree'],
    // Variants SIPRI's comments name.
    ['Mi-171Sh', 'Mi-171', 'model-variant'],
    ['Mi-17-1V', 'Mi-17', 'model-variant'],
    ['Mi-17V-5', 'Mi-17', 'model-variant'],
    ['Mi-35M', 'Mi-35', 'model-variant'],
  ])('places %s under %s (%s)', (designation, parent, rule) => {
    expect(familyPlacement(designation)).toEqual({ parent, rule });
  });

  it('reads tokens, not prefixes: Mi-2 is not a Mi-24, MiG-29 not a Mi-29', () => {
    expect(parseDesignation('Mi-2')).toEqual({ model: 'mi2', variant: '' });
    expect(parseDesignation('mi 24 v')).toEqual({ model: 'mi24', variant: 'v' });
    expect(parseDesignation('MI171')).toEqual({ model: 'mi171', variant: '' });
    expect(familyPlacement('Mi-2')).toMatchObject({ parent: null });
    expect(familyPlacement('Mi-26')).toMatchObject({ parent: null });
    expect(familyPlacement('Mi-14PL')).toMatchObject({ parent: null });
    expect(familyPlacement('MiG-29')).toMatchObject({ parent: null });
  });

  it('leaves ambiguous and unparseable designations unplaced', () => {
    expect(familyPlacement('Mi-8T/Mi-24D')).toEqual({
      parent: null,
      reason: 'its alternatives name different families',
    });
    expect(familyPlacement('Mi-24V/Mi-2')).toMatchObject({ parent: null });
    expect(familyPlacement('Bayraktar TB-2')).toMatchObject({ parent: null });
    expect(familyPlacement('MIM-104 PAC-2')).toMatchObject({ parent: null });
    // A node itself, however spelled, is not its own variant.
    expect(familyPlacement('MI 17')).toMatchObject({ parent: null });
  });

  it('knows each family by its root', () => {
    expect(familyRootOf('Mi-171')).toBe('Mi-8');
    expect(familyRootOf('Mi-35')).toBe('Mi-24');
  });
});
