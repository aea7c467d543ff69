// Command-line entry: `npm run import:sipri -- <file> [--skip-invalid] [--encoding utf8]
// [--report FILE]` imports a SIPRI trade-register export (a release) into the configured
// database (the one `npm start` uses).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openReadyDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import {
  importSipriRegister,
  type SipriImportProgress,
  type SipriImportSummary,
} from '../import/import-sipri-register.js';
import { SipriFileError, SipriInputError } from '../import/sipri-input-error.js';
import { SIPRI_ENCODINGS, type SipriEncoding } from '../import/sipri-text-encoding.js';
import { reviewReportCsv } from '../import/sipri-review-report.js';
import { OperatorError } from '../operator-error.js';

const USAGE =
  'usage: npm run import:sipri -- <file.csv> [--skip-invalid] [--encoding latin1|utf8] [--report FILE]\n' +
  "  --encoding utf8   the file is a UTF-8 re-save (SIPRI's own exports are Latin-1, the default)\n" +
  '  --report FILE     write every match other than by key, every ambiguity and every retirement\n' +
  '                    to FILE (CSV), for a researcher to review';
// Enough to see what went wrong without flooding the terminal; the count says the rest.
const MAX_LISTED_RETIRED = 20;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'skip-invalid': { type: 'boolean', default: false },
      encoding: { type: 'string', default: 'latin1' },
      report: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  const encoding = values.encoding as SipriEncoding;
  if (values.help || !file || positionals.length > 1 || !SIPRI_ENCODINGS.includes(encoding)) {
    const bad = SIPRI_ENCODINGS.includes(encoding)
      ? ''
      : `--encoding ${encoding}: expected ${SIPRI_ENCODINGS.join(' or ')}\n`;
    process.stderr.write(`${bad}${USAGE}\n`);
    return values.help ? 0 : 1;
  }

  if (!existsSync(file)) {
    process.stderr.write(`${file}: no such file\n${USAGE}\n`);
    return 1;
  }
  const config = loadConfig();
  // The same start-up as `npm start`, so the import lands in the database the server uses.
  const database = await openReadyDatabase(config, createLogger('warn'));
  try {
    const progress = createProgressReporter(basename(file));
    const summary = await importSipriRegister(database.db, file, {
      skipInvalid: values['skip-invalid'],
      encoding,
      onProgress: progress.update,
    });
    progress.done();
    printSummary(file, summary);
    if (values.report) {
      await writeFile(values.report, reviewReportCsv(summary.review), 'utf8');
      process.stdout.write(
        `  review report:      ${values.report} (${summary.review.length} lines)\n`,
      );
    }
    // After a bulk load: fresh planner statistics, and the GIN (search) indexes' pending
    // entries merged — without it the planner prefers sequential scans until autovacuum runs.
    await database.db.execute(sql`vacuum analyze`);
    return 0;
  } catch (error) {
    if (error instanceof SipriInputError) {
      // A file-wide problem names its own remedy; --skip-invalid cannot help there.
      const next =
        error instanceof SipriFileError
          ? 'Nothing was imported.'
          : 'Nothing was imported. Fix the line, or re-run with --skip-invalid to import the other rows.';
      process.stderr.write(
        `\n${file}:${error.line}: ${error.field} = ${JSON.stringify(error.value)}: ${error.reason}\n${next}\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** A redrawn bar on a terminal; one plain line per ~10 % otherwise (logs, CI). */
function createProgressReporter(label: string) {
  const tty = process.stderr.isTTY === true;
  let lastDecile = -1;
  let drawn = false;
  return {
    update: (p: SipriImportProgress) => {
      const fraction = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
      const percent = Math.round(fraction * 100);
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${p.rowsRead.toLocaleString('en')} rows`,
        );
        drawn = true;
      } else if (Math.floor(percent / 10) > lastDecile) {
        lastDecile = Math.floor(percent / 10);
        process.stderr.write(`${label}: ${percent}% (${p.rowsRead} rows)\n`);
      }
    },
    done: () => {
      if (drawn) process.stderr.write('\n');
    },
  };
}

function printSummary(file: string, s: SipriImportSummary): void {
  const out: string[] = [
    `Imported ${file}`,
    `  SIPRI data generated ${s.generatedAt.text}; source ${s.sourceId}${s.sourceCreated ? ' (new)' : ''}`,
    `  release ${s.releaseId} (${s.scope === 'EXCERPT' ? 'an excerpt: speaks for its recipients only' : 'the full register'})` +
      (s.alreadyImported ? ': imported before, nothing to do' : ''),
    `  rows read:          ${s.rowsRead}`,
    `  rows matched:       ${s.matches.SAME_KEY} by key, ${s.matches.RESPELLED} respelled, ${s.matches.RENAMED} renamed, ${s.matches.CORRECTED} corrected; ${s.ambiguousRows} ambiguous (not guessed)`,
    `  deals added:        ${s.dealsAdded}` +
      (s.dealsAddedRetired
        ? ` (and ${s.dealsAddedRetired} retired at once: a newer release dropped them)`
        : ''),
    `  deals updated:      ${s.dealsUpdated}` +
      (s.dealsRestored ? ` (and ${s.dealsRestored} listed again, no longer retired)` : ''),
    `  deals unchanged:    ${s.dealsUnchanged}`,
    ...(s.historyRows
      ? [`  history only:       ${s.historyRows} rows (a newer release shows these deals)`]
      : []),
    `  actors created:     ${s.actorsCreated}`,
    `  platforms created:  ${s.platformsCreated}`,
    `  citations added:    ${s.citationsAdded} (updated ${s.citationsUpdated})`,
    `  rows skipped:       ${s.skipped.length}`,
    ...s.skipped.map(
      (p) => `    line ${p.line}: ${p.field} = ${JSON.stringify(p.value)}: ${p.reason}`,
    ),
    `  deals retired (not in this release; kept, not deleted): ${s.retired.length}`,
    ...s.retired.slice(0, MAX_LISTED_RETIRED).map((m) => `    ${m.importKey}  (deal ${m.dealId})`),
    ...(s.retired.length > MAX_LISTED_RETIRED
      ? [`    … and ${s.retired.length - MAX_LISTED_RETIRED} more (--report FILE lists them all)`]
      : []),
    `  took ${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail =
      error instanceof OperatorError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`\nimport failed: ${detail}\n`);
    process.exitCode = 1;
  },
);
