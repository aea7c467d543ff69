// `npm run schema:check` (part of `npm run check`): schema.graphql against the schema of the
// last release (the newest schema/releases/<version>.graphql), under CHANGELOG.md's
// acknowledgements; see scripts/schema-compat.ts for the rule. Exits 1 on a breaking change
// the changelog does not name.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSchemaCompatibility, formatSchemaCheck } from './schema-compat.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const releases = readdirSync(root('schema/releases'))
  .map((file) => /^(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(file))
  .filter((match) => match !== null)
  .sort(
    (a, b) =>
      Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]),
  );
const last = releases.at(-1);
if (!last) {
  console.error('schema:check: no release snapshot in schema/releases/ (<version>.graphql)');
  process.exit(1);
}
const release = `${last[1]}.${last[2]}.${last[3]}`;
const changelog = readFileSync(root('CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## \\[${release.replaceAll('.', '\\.')}\\]`, 'm').test(changelog)) {
  console.error(`schema:check: CHANGELOG.md has no "## [${release}]" section for the snapshot`);
  process.exit(1);
}

const result = checkSchemaCompatibility(
  readFileSync(root(`schema/releases/${last[0]}`), 'utf8'),
  readFileSync(root('schema.graphql'), 'utf8'),
  changelog,
);
console.log(`schema:check: schema.graphql against release ${release} (schema/releases/${last[0]})`);
for (const line of formatSchemaCheck(result, release)) console.log(`  ${line}`);
if (!result.ok) {
  console.error(
    `schema:check: ${result.unacknowledged.length} breaking change(s) not in CHANGELOG.md`,
  );
  process.exit(1);
}
console.log(
  result.acknowledged.length > 0
    ? `schema:check: ${result.acknowledged.length} breaking change(s), each named in CHANGELOG.md`
    : 'schema:check: no breaking change',
);
