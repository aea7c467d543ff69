// SIPRI import: weapon designations as platform identities, across SIPRI's renames and respellings.

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

/**
 * A designation with case, accents, spaces and punctuation dropped: `AW139`, `AW-139` and
 * `aw 139` are one spelling.
 */
export function compactDesignation(designation: string): string {
  return designation
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The names a designation gives its weapon, compacted: each `/`-separated alternative
 * (`Bell-47/OH-13` → bell47, oh13), an alternative without its trailing name when it starts
 * with a model number (`C-54 Skymaster` → c54skymaster, c54), and the renamed form.
 */
export function designationForms(designation: string): Set<string> {
  const forms = new Set<string>();
  const add = (text: string) => {
    const compact = compactDesignation(text);
    if (compact) forms.add(compact);
  };
  const clean = designation.trim().replace(/\s+/g, ' ');
  add(clean);
  add(canonicalDesignation(clean));
  for (const alternative of clean.split('/')) {
    add(alternative);
    const [model, ...name] = alternative.trim().split(' ');
    if (model && name.length > 0 && /\d/.test(model)) add(model);
  }
  return forms;
}

/**
 * How two designations relate: the same spelling once compacted, another name of the same
 * weapon (a shared alternative or a known rename), or nothing known.
 */
export function designationRelation(a: string, b: string): 'RESPELLED' | 'RENAMED' | null {
  if (compactDesignation(a) === compactDesignation(b)) return 'RESPELLED';
  const formsOfB = designationForms(b);
  for (const form of designationForms(a)) if (formsOfB.has(form)) return 'RENAMED';
  return null;
}
