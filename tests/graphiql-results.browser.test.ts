// GraphiQL's result views in a real browser (Debian's chromium via playwright-core, outside
// network blocked): the Table view and its CSV for the Mali/Russia example, the Chart view of the
// Sahel example, screenshots at three screen sizes with no pane under 280 px, and axe-core's
// level-A rules on the panels Armstrail adds. Skipped when /usr/bin/chromium is not installed.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import {
  CHROMIUM,
  haveChromium,
  startBrowserSession,
  type BrowserSession,
  type TestBrowser,
} from './support/browser.js';
import { postGraphQL, type RealServer } from './support/real-server.js';
import { testDatabaseUrl } from './support/test-database.js';

const example = (id: string) => graphiqlExamples.find((e) => e.id === id)!;
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const MIN_PANE_WIDTH = 280;

interface Deal {
  orderDate: { iso: string } | null;
  stage: string;
  items: { platform: { designation: string } | null }[];
}

// Once per run, in the PGlite pass: the page does not depend on the database behind it.
describe.skipIf(!haveChromium('the GraphiQL results browser test') || !!testDatabaseUrl)(
  `GraphiQL result views in ${CHROMIUM}`,
  () => {
    let session: BrowserSession | undefined;
    let server: RealServer;
    let browser: TestBrowser;

    beforeAll(async () => {
      session = await startBrowserSession({ width: 1366, height: 768 });
      ({ server, browser } = session);
    }, 120_000);

    afterAll(() => session?.close());

    const run = async (link: string) => {
      const { page } = browser;
      await page.goto(`${server.base}/graphql?example=${link}`);
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.graphiql-response').getByText('"data"').waitFor({ timeout: 20_000 });
    };

    it('tables the Mali/Russia deals and downloads them as CSV, one row per deal', async () => {
      const { page } = browser;
      const mali = example('mali-received-from-russia');
      const answer = await postGraphQL(server.url, { query: mali.query });
      const deals = (answer.body as { data: { deals: { totalCount: number; nodes: Deal[] } } }).data
        .deals;
      expect(deals.totalCount).toBeGreaterThan(3);

      await run(mali.link);
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      const table = page.getByRole('table');
      await table.waitFor();
      expect(await table.getAttribute('aria-rowcount')).toBe(String(deals.totalCount + 1));
      await expect
        .poll(() => page.locator('.armstrail-table tbody tr[aria-rowindex]').count())
        .toBe(deals.totalCount);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
      const [header, ...rows] = csv;
      expect(rows).toHaveLength(deals.totalCount);
      const cell = (row: string[], name: string) => row[header!.indexOf(name)];
      deals.nodes.forEach((deal, index) => {
        expect(cell(rows[index]!, 'stage')).toBe(deal.stage);
        expect(cell(rows[index]!, 'orderDate.iso')).toBe(deal.orderDate?.iso ?? '');
        expect(cell(rows[index]!, 'items.platform.designation')).toBe(
          deal.items
            .map((item) => item.platform?.designation)
            .filter(Boolean)
            .join('; '),
        );
      });

      // Sorting by a column reorders the rows the table shows.
      await page.getByRole('columnheader', { name: 'orderDate.iso' }).getByRole('button').click();
      await page.getByRole('columnheader', { name: 'orderDate.iso' }).getByRole('button').click();
      const firstShown = await page
        .locator('.armstrail-table tbody tr[aria-rowindex="2"] td')
        .nth(header!.indexOf('orderDate.iso'))
        .innerText();
      const latest = deals.nodes
        .map((d) => d.orderDate?.iso ?? '')
        .sort()
        .at(-1);
      expect(firstShown).toBe(latest);
    }, 90_000);

    it('charts the Sahel deliveries by year with one line per recipient', async () => {
      const { page } = browser;
      const sahel = example('sahel-top-suppliers');
      const answer = await postGraphQL(server.url, {
        query: sahel.query,
        variables: JSON.parse(sahel.variables!) as Record<string, unknown>,
      });
      const byYear = (
        answer.body as { data: { byYear: { nodes: { recipient: { name: string } }[] } } }
      ).data.byYear.nodes;
      const recipients = new Set(byYear.map((row) => row.recipient.name));
      expect(recipients.size).toBeGreaterThan(1);

      await run(sahel.link);
      // The cost block is left out of the shown answer until asked for.
      const shownAnswer = () =>
        page
          .locator('.graphiql-response .CodeMirror')
          .evaluate((element) =>
            (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
          );
      expect(await shownAnswer()).not.toContain('"cost"');
      await page.getByLabel('Show cost').check();
      expect(await shownAnswer()).toContain('"cost"');
      await page.getByLabel('Show cost').uncheck();
      expect(await shownAnswer()).not.toContain('"cost"');
      await page.getByLabel('List').selectOption({ label: `byYear (${byYear.length})` });
      await page.getByRole('button', { name: 'Chart', exact: true }).click();
      const figure = page.locator('.armstrail-chart-figure');
      await figure.locator('svg').first().waitFor();
      expect(await figure.locator('g[aria-label="line"] path').count()).toBe(recipients.size);
      expect(await figure.textContent()).toContain('SIPRI trend-indicator value, millions');
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download SVG' }).click(),
      ]);
      expect(readFileSync(await svg.path(), 'utf8')).toMatch(
        /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download PNG' }).click(),
      ]);
      expect(
        readFileSync(await png.path())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }, 90_000);

    it('fits 1366×768 with Examples open, 800×900 and 390×844, no pane under 280 px', async () => {
      const { page } = browser;
      mkdirSync('test-output', { recursive: true });
      for (const [width, height] of [
        [1366, 768],
        [800, 900],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        await run('mali-russia');
        if (width === 1366) {
          // The editors are narrowest here, beside the Examples panel: the query's comment lines
          // and the answer's comments are longer than the editors are wide, and wrap rather
          // than being cut at the edge.
          for (const editor of await sidewaysOverflow()) {
            expect(editor.longestLine, editor.name).toBeGreaterThan(editor.visibleWidth);
            expect(editor.contentWidth, editor.name).toBeLessThanOrEqual(editor.visibleWidth);
          }
        }
        await page.getByRole('button', { name: 'Table', exact: true }).click();
        await page.waitForTimeout(300);
        const widths = await paneWidths();
        expect(Object.keys(widths)).toEqual(
          expect.arrayContaining(['graphiql-editors', 'graphiql-response']),
        );
        // The Examples panel opens beside the session on a wide screen.
        if (width >= 800) expect(Object.keys(widths)).toContain('graphiql-plugin');
        for (const [pane, paneWidth] of Object.entries(widths)) {
          expect(paneWidth, `${pane} at ${width}×${height}`).toBeGreaterThanOrEqual(MIN_PANE_WIDTH);
        }
        await page.screenshot({ path: join('test-output', `graphiql-${width}x${height}.png`) });
      }
      // On a phone the Examples panel is a drawer over the session, as wide as the screen allows.
      await page.getByRole('button', { name: 'Show Examples' }).click();
      await page.locator('.armstrail-examples').waitFor();
      expect((await paneWidths())['graphiql-plugin']).toBeGreaterThanOrEqual(MIN_PANE_WIDTH);
      await page.screenshot({ path: join('test-output', 'graphiql-390x844-examples.png') });
      await page.setViewportSize({ width: 1366, height: 768 });
    }, 120_000);

    it('has no level-A accessibility violations in the Examples panel and the results bar', async () => {
      const { page } = browser;
      await run('mali-russia');
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.locator('.armstrail-examples details').first().locator('summary').click();
      // Through DevTools, which the page's Content-Security-Policy does not govern.
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: AxeLike }).axe;
        const result = await axe.run(
          { include: [['.armstrail-examples'], ['.armstrail-results'], ['.graphiql-toolbar']] },
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag21a'] } },
        );
        return result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
    }, 60_000);

    it('asked nothing of any other host, and the page logged no errors', () => {
      expect(browser.blocked).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    });

    /**
     * The query editor's and the result pane's CodeMirror: how wide their longest line would be
     * unwrapped, their content's width (what scrolls sideways) and their visible width, in px.
     */
    function sidewaysOverflow() {
      return browser.page.evaluate(() => {
        interface CodeMirrorLike {
          getValue(): string;
          defaultCharWidth(): number;
          getScrollInfo(): { width: number; clientWidth: number };
        }
        const editors = {
          query: '.graphiql-query-editor .CodeMirror',
          result: '.graphiql-response .CodeMirror',
        };
        const page = globalThis as unknown as {
          document: { querySelector(s: string): { CodeMirror: CodeMirrorLike } | null };
        };
        return Object.entries(editors).map(([name, selector]) => {
          const cm = page.document.querySelector(selector)!.CodeMirror;
          const longest = Math.max(
            ...cm
              .getValue()
              .split('\n')
              .map((line) => line.length),
          );
          const scroll = cm.getScrollInfo();
          return {
            name,
            longestLine: longest * cm.defaultCharWidth(),
            contentWidth: scroll.width,
            visibleWidth: scroll.clientWidth,
          };
        });
      });
    }

    /** Widths of the visible panes, by class. */
    function paneWidths(): Promise<Record<string, number>> {
      return browser.page.evaluate(() => {
        const widths: Record<string, number> = {};
        for (const name of ['graphiql-plugin', 'graphiql-editors', 'graphiql-response']) {
          const element = (
            globalThis as unknown as {
              document: {
                querySelector(s: string): {
                  getBoundingClientRect(): { width: number; right: number; left: number };
                } | null;
              };
            }
          ).document.querySelector(`.${name}`);
          const box = element?.getBoundingClientRect();
          // GraphiQL hides a closed plugin pane off-screen.
          if (box && box.right > 0 && box.width > 0) widths[name] = Math.round(box.width);
        }
        return widths;
      });
    }
  },
);

interface AxeLike {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

/** RFC 4180 CSV into rows of cells (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}
