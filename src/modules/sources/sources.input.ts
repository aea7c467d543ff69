// Inputs of sources and citations: createSource, addCitation, and the citations every write of a
// research claim carries (deals, events, actors, platforms).
import { z } from 'zod';
import type { CitationStance, SourceKind } from '../../graphql/generated/resolvers-types.js';
import {
  checked,
  fuzzyDate,
  language,
  reason,
  reference,
  referenceToAny,
  text,
  url,
  type Lookup,
} from '../../graphql/input-schema.js';
import { CITABLE_TYPES, type CitableType } from '../../graphql/record-types.js';

/** A SourceInput as the columns of a new source. */
export function sourceInput() {
  return z
    .object({
      kind: checked<SourceKind>(),
      title: text({ max: 1000 }),
      publisher: text({ max: 500 }),
      url: url(),
      archivedUrl: url(),
      publicationDate: fuzzyDate(),
      accessedOn: checked<string | null>().optional(),
      language: language(),
      note: text({ max: 5000 }),
    })
    .superRefine(
      (source, ctx) => {
        if (!source.title && !source.publisher && !source.url) {
          ctx.addIssue({
            code: 'custom',
            message: 'a source needs at least a title, a publisher or a URL',
          });
        }
      },
      // Said even when other fields are wrong; a URL that is wrong is still a URL given.
      { when: () => true },
    )
    .transform(({ publicationDate: published, accessedOn, ...source }) => ({
      ...source,
      publishedYear: published.year,
      publishedMonth: published.month,
      publishedDay: published.day,
      publishedUncertain: published.uncertain,
      accessedOn: accessedOn ?? null,
    }));
}

export type SourceValues = z.output<ReturnType<typeof sourceInput>>;

/** A citation's source: one already recorded, or a new one to record. */
export type CitedSource = { id: string } | { values: SourceValues };

/** A citation: an existing source (known to exist) or a new one, and what it says. */
function citationInput(lookup: Lookup) {
  return z
    .object({
      source: reference('Source', lookup).nullish(),
      newSource: sourceInput().nullish(),
      excerpt: text({ max: 5000 }),
      translation: text({ max: 5000 }),
      locator: text({ max: 200 }),
      stance: checked<CitationStance | null>().optional(),
    })
    .transform(({ source, newSource, stance, ...says }, ctx) => {
      const cited = { ...says, stance: stance ?? ('ASSERTS' as const) };
      let cites: CitedSource | null = null;
      if (source && !newSource) cites = { id: source };
      if (newSource && !source) cites = { values: newSource };
      if (cites) return { ...cited, source: cites };
      ctx.addIssue({ code: 'custom', message: 'give exactly one of source (an ID) or newSource' });
      return z.NEVER;
    });
}

export type ValidCitation = z.output<ReturnType<typeof citationInput>>;

/**
 * Citations; `required` makes an empty list a problem (the research rule: new records and changes
 * to stage, parties, dates or quantities must cite a source).
 */
export function citationsInput(lookup: Lookup, { required }: { required: boolean }) {
  return z
    .array(citationInput(lookup))
    .nullish()
    .transform((list) => list ?? [])
    .refine((list) => !required || list.length > 0, {
      message: 'at least one citation is required: cite the source that reports this',
    });
}

export function createSourceInput() {
  return z.object({ source: sourceInput(), reason: reason(false) });
}

/** addCitation: the record cited for (a deal, event, platform or actor), the citation and why. */
export function addCitationInput(lookup: Lookup) {
  return z.object({
    target: citationTarget(lookup),
    citation: citationInput(lookup),
    reason: reason(false),
  });
}

/** Any citable record's ID, as the record to attach to: a merged actor or platform's winner. */
function citationTarget(lookup: Lookup) {
  return referenceToAny<CitableType>(lookup, (type) =>
    (CITABLE_TYPES as readonly string[]).includes(type)
      ? null
      : `a ${type} cannot be cited for; cite a deal, event, platform or actor`,
  );
}
