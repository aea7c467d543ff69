// Search: the spellings a query is read in. Designations are written many ways ("Mi-171",
// "mi 171", "MI171"), and PostgreSQL's parser reads each differently ("Mi-171" is the word
// `mi` and the number `-171`), so a query is expanded into every spelling, and they are OR-ed.

/** A letter followed by a digit, directly or across one space or hyphen: `Mi-1`, `mi 1`, `mi1`. */
const LETTER_DIGIT = /(\p{L})[\s-]?(?=\p{N})/gu;

/**
 * French and Russian plural endings → the singular, for words the stemmers do not see: names
 * (indexed unstemmed) and text in a language that is not known. `hélicoptères` → `hélicoptère`,
 * `chevaux` → `cheval`, `вертолёты` → `вертолёт`, `вертолётов` → `вертолёт`. Only words of
 * four letters or more after the cut, so short words and codes stay as typed.
 */
const PLURALS: [RegExp, string][] = [
  [/(\p{L}{3,})aux$/u, '$1al'],
  [/(\p{L}{4,})[sx]$/u, '$1'],
  [/(\p{Script=Cyrillic}{4,})(?:ов|ев|ей|ы|и)$/u, '$1'],
];

function singular(word: string): string {
  for (const [ending, replacement] of PLURALS) {
    if (ending.test(word)) return word.replace(ending, replacement);
  }
  return word;
}

export interface QueryForms {
  /** Spellings for the word search (tsquery): hyphenated, spaced and joined, then singular. */
  words: string[];
  /** Spellings for the name search: the query and its singular (compacted in SQL). */
  names: string[];
}

/**
 * The spellings of a query. Every spelling of "mi 171" gives the same set, so "Mi-171",
 * "mi 171", "mi171" and "MI 171" are one query; a plural query also reads as its singular.
 */
export function queryForms(text: string): QueryForms {
  const lower = text.toLowerCase();
  const designations = [
    lower.replace(LETTER_DIGIT, '$1-'),
    lower.replace(LETTER_DIGIT, '$1 '),
    lower.replace(LETTER_DIGIT, '$1'),
  ];
  const singulars = designations.map((form) => form.replace(/[\p{L}\p{M}]+/gu, singular));
  return {
    words: [...new Set([...designations, ...singulars])],
    names: [...new Set([designations[0]!, singulars[0]!])],
  };
}
