// The API's compatibility rule (scripts/schema-compat.ts, `npm run schema:check`): a breaking
// change fails unless CHANGELOG's [Unreleased] section names it under "### Breaking"; a
// deprecation is not breaking. Small schemas as strings: no files, no server.
import { describe, expect, it } from 'vitest';
import { checkSchemaCompatibility, formatSchemaCheck } from '../scripts/schema-compat.js';

const RELEASED = /* GraphQL */ `
  type Query {
    deal(id: ID!, withDrafts: Boolean): Deal
  }
  type Deal {
    id: ID!
    stage: Stage!
    comments: String
  }
  enum Stage {
    ORDERED
    DELIVERED
  }
`;

const NO_CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-01\n';

describe('npm run schema:check', () => {
  it('passes an unchanged schema, and a field marked @deprecated', () => {
    expect(checkSchemaCompatibility(RELEASED, RELEASED, NO_CHANGELOG).ok).toBe(true);
    const deprecated = RELEASED.replace(
      'comments: String',
      'comments: String @deprecated(reason: "Use notes.")\n    notes: String',
    );
    const result = checkSchemaCompatibility(RELEASED, deprecated, NO_CHANGELOG);
    expect(result).toMatchObject({ ok: true, unacknowledged: [], acknowledged: [] });
  });

  it('fails on a removed field the changelog does not name, and says what to do', () => {
    const removed = RELEASED.replace('comments: String', '');
    const result = checkSchemaCompatibility(RELEASED, removed, NO_CHANGELOG);
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toEqual([
      {
        type: 'FIELD_REMOVED',
        description: 'Deal.comments was removed.',
        coordinate: 'Deal.comments',
      },
    ]);
    const report = formatSchemaCheck(result, '0.1.0').join('\n');
    expect(report).toContain('✗ breaking (FIELD_REMOVED): Deal.comments was removed.');
    expect(report).toContain('name `Deal.comments` under "### Breaking" in the [Unreleased]');
    expect(report).toContain('Deal.comments is removed without having been deprecated in 0.1.0');
  });

  it('passes a breaking change named under "### Breaking" in [Unreleased], only there', () => {
    const changed = RELEASED.replace('comments: String', '')
      .replace('    DELIVERED\n', '')
      .replace('withDrafts: Boolean', '');
    const changelog = (breaking: string) =>
      `# Changelog\n\n## [Unreleased]\n\n### Added\n\n- \`Deal.stage\` docs.\n\n` +
      `### Breaking\n\n${breaking}\n\n## [0.1.0] - 2026-12-01\n\n### Breaking\n\n- \`Stage.DELIVERED\`\n`;
    const all = changelog(
      '- `Deal.comments` is gone: read `Deal.notes`.\n- `Stage.DELIVERED` and `Query.deal(withDrafts:)` removed.',
    );
    const result = checkSchemaCompatibility(RELEASED, changed, all);
    expect(result.ok).toBe(true);
    expect(result.acknowledged.map((c) => c.coordinate).sort()).toEqual([
      'Deal.comments',
      'Query.deal(withDrafts:)',
      'Stage.DELIVERED',
    ]);
    // A name under another heading, or under an older release, does not count.
    const partial = checkSchemaCompatibility(
      RELEASED,
      changed,
      changelog('- `Deal.comments` is gone.'),
    );
    expect(partial.unacknowledged.map((c) => c.coordinate).sort()).toEqual([
      'Query.deal(withDrafts:)',
      'Stage.DELIVERED',
    ]);
  });

  it('prints dangerous changes as warnings without failing', () => {
    const added = RELEASED.replace('    DELIVERED\n', '    DELIVERED\n    CANCELLED\n');
    const result = checkSchemaCompatibility(RELEASED, added, NO_CHANGELOG);
    expect(result.ok).toBe(true);
    expect(formatSchemaCheck(result, '0.1.0')).toEqual([
      '⚠ dangerous (VALUE_ADDED_TO_ENUM): CANCELLED was added to enum type Stage.',
    ]);
  });
});
