// SIPRI import: weapon designations as platform identities, across SIPRI's renames.

/**
 * Designations SIPRI has changed between releases, old (lower case) → current. The old
 * spelling stays on the platform as an alias; the deal key uses the current one so that a
 * row matches its counterpart in the newer release.
 */
const DESIGNATION_RENAMES: Record<string, string> = {
  'mi-24p/mi-35p': 'Mi-24P',
};

/** The designation as the platform should be named: trimmed, single-spaced, renamed. */
export function canonicalDesignation(designation: string): string {
  const clean = designation.trim().replace(/\s+/g, ' ');
  return DESIGNATION_RENAMES[clean.toLowerCase()] ?? clean;
}
