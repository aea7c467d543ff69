// CLI: reports every platform designation's family, parent and who placed it (an editor or a
// rule), and the designations no rule places. Reads only: imports and migrations place.
import { parseArgs } from 'node:util';
import { openReadyDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { placePlatformFamilies, type FamilyReportRow } from '../import/platform-families.js';
import { createLogger } from '../logger.js';
import { runCli } from './run-cli.js';

const USAGE = 'usage: npm run families -- --report';

/** One tab-separated line a designation, so the report greps and sorts. */
function placedLine(r: FamilyReportRow): string {
  const where = r.parent ? `parent ${r.parent}\t${r.source ?? 'unknown'}` : 'root';
  return `${r.designation}\t${r.category ?? '-'}\tfamily ${r.family}\t${where}`;
}

function unplacedLine(r: FamilyReportRow): string {
  const why =
    r.source === 'editor' ? 'an editor left it out of any family' : (r.reason ?? 'no rule applies');
  return `${r.designation}\t${r.category ?? '-'}\t${why}`;
}

await runCli(async (log) => {
  const { values } = parseArgs({ options: { report: { type: 'boolean' } } });
  if (!values.report) throw new Error(USAGE);
  const database = await openReadyDatabase(loadConfig(), createLogger('warn'));
  try {
    const { report, changed } = await placePlatformFamilies(database.db, { write: false });
    const placed = report.filter((r) => r.family !== null);
    const unplaced = report.filter((r) => r.family === null);
    log(
      `Platform families: ${report.length} designations, ${placed.length} in a family, ${unplaced.length} unplaced`,
    );
    for (const r of placed) log(placedLine(r));
    log(`Unplaced (${unplaced.length}):`);
    for (const r of unplaced) log(unplacedLine(r));
    if (changed.length > 0) {
      log(`${changed.length} platforms would be placed differently by the next import.`);
    }
  } finally {
    await database.close();
  }
});
