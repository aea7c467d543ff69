// Search set-up that the migrations rely on: extensions, an immutable unaccent, and text-search
// configurations that fold accents. Idempotent; runs before the migrations on every start.
import { sql, type SQL } from 'drizzle-orm';

// Accent-folding copies of PostgreSQL's configurations: `hélicoptères` and `helicopteres`
// stem alike, and ts_headline still highlights the accented original.
const CONFIGS = [
  ['armstrail_fr', 'french', 'french_stem'],
  ['armstrail_en', 'english', 'english_stem'],
  ['armstrail_ru', 'russian', 'russian_stem'],
  ['armstrail_simple', 'simple', 'simple'],
] as const;

/** Statements to run in order (drivers take one statement per call). */
export const SEARCH_SETUP: SQL[] = [
  `create extension if not exists pg_trgm`,
  `create extension if not exists unaccent`,
  `-- unaccent() is only STABLE (its dictionary could change); index expressions need IMMUTABLE.
create or replace function armstrail_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`,
  `-- Letters and digits only, lower case, accents folded: Mi-171Sh, mi 171 sh and MI171SH agree.
create or replace function armstrail_compact(text) returns text
  language sql immutable parallel safe strict
  as $$ select regexp_replace(lower(armstrail_unaccent($1)), '[^[:alnum:]]+', '', 'g') $$`,
  String.raw`-- A designation's model code: from its first word with a digit, when a name comes before
-- it (Bayraktar TB-2 → tb2, Mirage 2000-5 → 20005), compact; null when there is none
-- (TB-20 Trinidad, Mi-171). People type the model code alone, and mean that weapon exactly.
create or replace function armstrail_model_code(text) returns text
  language sql immutable parallel safe strict
  as $$ select armstrail_compact(substring($1 from '^\D*\s(\S*\d.*)$')) $$`,
  `-- The configuration for a BCP 47 language tag; unknown languages are not stemmed.
create or replace function armstrail_ts_config(language text) returns regconfig
  language sql immutable parallel safe
  as $$ select (case lower(split_part(coalesce(language, ''), '-', 1))
    when 'fr' then 'armstrail_fr' when 'en' then 'armstrail_en' when 'ru' then 'armstrail_ru'
    else 'armstrail_simple' end)::regconfig $$`,
  // Concatenates tsvectors built with different configurations (one per source language).
  `create or replace aggregate armstrail_tsvector_agg(tsvector) (
    sfunc = tsvector_concat, stype = tsvector, initcond = '')`,
  `do $$ begin
${CONFIGS.map(
  ([
    name,
    base,
    stem,
  ]) => `  if not exists (select 1 from pg_ts_config where cfgname = '${name}') then
    create text search configuration ${name} (copy = ${base});
    alter text search configuration ${name}
      alter mapping for hword, hword_part, word with unaccent, ${stem};
  end if;`,
).join('\n')}
end $$`,
].map((statement) => sql.raw(statement));
