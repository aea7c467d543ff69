// GraphiQL in a real browser: Debian's chromium, driven by playwright-core, loads GraphiQL from
// the running server with every outside request blocked; opens and runs the Kazan and
// release-diff examples; follows share links (howToCite, "Copy link", ?example=, /) and reloads
// without stray tabs; shows the schema's descriptions in the autocomplete list.
// Leaves screenshots in test-output/. Skipped when /usr/bin/chromium is not installed.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { typeDefs } from '../src/graphql/type-defs.js';
import { recordLink } from '../src/modules/citations/how-to-cite.js';
import { ids } from '../src/seed/kazan-mali.js';
import {
  CHROMIUM,
  haveChromium,
  startBrowserSession,
  type BrowserSession,
  type TestBrowser,
} from './support/browser.js';
import type { RealServer } from './support/real-server.js';
import { testDatabaseUrl } from './support/test-database.js';

const SCREENSHOT = join('test-output', 'graphiql-kazan-example.png');
const CITATION_URL = 'https://eurasiafocus.com/9976-2/';

const kazan = graphiqlExamples.find((e) => e.id === 'kazan-mali-reported-interest')!;
const familyTree = graphiqlExamples.find((e) => e.id === 'mi8-family-tree')!;
const releaseDiff = graphiqlExamples.find((e) => e.id === 'sipri-release-diff')!;

interface ReleaseDiffAnswer {
  sipriReleases: { scope: string }[];
  releaseChanges: { totalCount: number };
}

// Once per run, in the PGlite pass: the page does not depend on the database behind it.
describe.skipIf(!haveChromium('the GraphiQL browser test') || !!testDatabaseUrl)(
  `GraphiQL in ${CHROMIUM}`,
  () => {
    let session: BrowserSession | undefined;
    let server: RealServer;
    let browser: TestBrowser;

    beforeAll(async () => {
      session = await startBrowserSession();
      ({ server, browser } = session);
    }, 120_000);

    afterAll(() => session?.close());

    const tabTitles = () => browser.page.locator('.graphiql-tab').allInnerTexts();
    const queryEditorText = (page = browser.page) =>
      page.locator('.graphiql-query-editor .CodeMirror').evaluate(
        // CodeMirror keeps its instance on its element; its value is the whole text, not only
        // the lines drawn.
        (element) =>
          (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
      );
    /** Opens a new tab and waits until GraphiQL has filled its editor: text set before that
     * is overwritten by the tab's default query (a race CI lost once). */
    const openNewTab = async (page = browser.page) => {
      const tabs = await page.locator('.graphiql-tab').count();
      await page.locator('.graphiql-tab-add').click();
      await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(tabs + 1);
      await expect.poll(() => queryEditorText(page)).toContain('Welcome to GraphiQL');
    };
    const variablesText = (page = browser.page) =>
      page
        .locator('.graphiql-editor-tool .CodeMirror')
        .first()
        .evaluate((element) =>
          (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
        );

    it('loads GraphiQL from the server, opens and runs the Kazan example, shows the citation', async () => {
      const { page } = browser;
      await page.goto(server.url);
      await page.locator('.armstrail-example-title', { hasText: kazan.title }).waitFor();

      // The schema loaded, with its descriptions: the Docs explorer walks from Query to deals.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      const docs = page.locator('.graphiql-doc-explorer');
      await docs.getByText('Query', { exact: true }).click();
      await docs.getByText('deals', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Show Examples' }).click();

      // Another example opens in a new tab …
      await page.locator(`[data-example-id="${familyTree.id}"]`).click();
      await page.locator('.graphiql-tab', { hasText: 'Mi8FamilyTree' }).waitFor();
      // … and the Kazan example comes back to its own tab (the one a first visit opens on).
      await page.locator(`[data-example-id="${kazan.id}"]`).click();
      await page
        .locator('.graphiql-query-editor', { hasText: 'KazanMaliReportedInterest' })
        .waitFor();

      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await response.getByText('"REPORTED_INTEREST"').waitFor({ timeout: 20_000 });
      // CodeMirror draws only the lines near the view, and its scroller reaches below the pane:
      // scroll the result until the citation's line lies inside the visible part of the pane.
      const citation = response.locator('.CodeMirror-code').getByText(CITATION_URL).first();
      const paneBox = (await response.boundingBox())!;
      const visibleBottom = Math.min(paneBox.y + paneBox.height, page.viewportSize()!.height);
      const inView = async () => {
        const box = (await citation.count()) > 0 ? await citation.boundingBox() : null;
        return box !== null && box.y >= paneBox.y && box.y + box.height <= visibleBottom;
      };
      await response.hover();
      for (let step = 0; step < 60 && !(await inView()); step += 1) {
        await page.mouse.wheel(0, 100);
        await page.waitForTimeout(50);
      }
      expect(await inView()).toBe(true);
      // A little further, so the screenshot shows the excerpt under the URL too, if it fits.
      await page.mouse.wheel(0, 150);
      await page.waitForTimeout(100);
      if (!(await inView())) await page.mouse.wheel(0, -150);

      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      expect(existsSync(SCREENSHOT)).toBe(true);
    }, 90_000);

    it('reopens the same tabs after three reloads, with no stray "<untitled>" tab', async () => {
      const { page } = browser;
      const before = await tabTitles();
      expect(before).toEqual(['KazanMaliReportedInterest', 'Mi8FamilyTree']);
      for (let reload = 0; reload < 3; reload += 1) {
        await page.reload();
        await page.locator('.graphiql-tab').first().waitFor();
        // GraphiQL stores its tabs a moment after a change: give a stray tab time to appear.
        await page.waitForTimeout(500);
        expect(await tabTitles()).toEqual(before);
      }
      expect(await queryEditorText()).toContain('query KazanMaliReportedInterest');
    }, 60_000);

    it('keeps the query and variables in the URL; "Copy link" opens them in a new page', async () => {
      const { page } = browser;
      const query =
        'query Recipient($code: String!) { deals(filter: { recipientCountry: [$code] }) { totalCount } }';
      await openNewTab();
      await page
        .locator('.graphiql-query-editor .CodeMirror')
        .evaluate(
          (element, text) =>
            (
              element as unknown as { CodeMirror: { setValue(v: string): void } }
            ).CodeMirror.setValue(text),
          query,
        );
      await page.getByRole('button', { name: 'Variables', exact: true }).click();
      await page
        .locator('.graphiql-editor-tool .CodeMirror')
        .first()
        .evaluate((element) =>
          (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(
            '{"code": "ML"}',
          ),
        );
      await expect
        .poll(() => new URL(page.url()).searchParams.get('variables'))
        .toBe('{"code": "ML"}');
      await expect.poll(() => new URL(page.url()).searchParams.get('query')).toBe(query);

      await page.getByRole('button', { name: 'Copy link to this query' }).click();
      const shown = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
      const copied = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(copied).toBe(shown);
      expect(new URL(copied).origin).toBe(server.base);

      const other = await browser.context.newPage();
      await other.goto(copied);
      await other.locator('.graphiql-query-editor', { hasText: 'Recipient' }).waitFor();
      expect(await queryEditorText(other)).toBe(query);
      await other.getByRole('button', { name: 'Variables', exact: true }).click();
      expect(await variablesText(other)).toBe('{"code": "ML"}');
      await other.locator('.graphiql-execute-button').click();
      await other
        .locator('.graphiql-response')
        .getByText('"totalCount"')
        .waitFor({ timeout: 20_000 });
      await other.close();
    }, 60_000);

    it('opens an example by its stable link, and / leads to GraphiQL', async () => {
      const { page } = browser;
      await page.goto(`${server.base}/graphql?example=kazan`);
      await page
        .locator('.graphiql-tab-active', { hasText: 'KazanMaliReportedInterest' })
        .waitFor();
      expect(await queryEditorText()).toBe(kazan.query);

      await page.goto(`${server.base}/`);
      expect(new URL(page.url()).pathname).toBe('/graphql');
      await page.locator('.graphiql-query-editor').waitFor();
    }, 60_000);

    it('runs the release-diff example on the default database, with its variables', async () => {
      const { page } = browser;
      await page.goto(`${server.base}/graphql?example=${releaseDiff.link}`);
      await page.locator('.graphiql-tab-active', { hasText: 'SipriReleaseDiff' }).waitFor();
      await page.getByRole('button', { name: 'Variables', exact: true }).click();
      expect(JSON.parse(await variablesText())).toEqual(JSON.parse(releaseDiff.variables!));
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      // The seeded excerpt, compared with itself: listed, with an empty diff.
      await response.getByText('"releaseChanges"').waitFor({ timeout: 20_000 });
      const answer = await response
        .locator('.CodeMirror')
        .evaluate((element) =>
          (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
        );
      const data = (JSON.parse(answer) as { data: ReleaseDiffAnswer }).data;
      expect(data.sipriReleases.map((r) => r.scope)).toEqual(['EXCERPT']);
      expect(data.releaseChanges.totalCount).toBe(0);
    }, 60_000);

    it("opens a howToCite link in GraphiQL with the deal's query, ready to run", async () => {
      const { page } = browser;
      const link = recordLink(new URL(server.url).origin, toGlobalId('Deal', ids.kazanDeal));
      await page.goto(link);
      await page.locator('.graphiql-query-editor', { hasText: 'deal: node(id:' }).waitFor();
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.graphiql-response').getByText('"REPORTED_INTEREST"').waitFor({
        timeout: 20_000,
      });
    }, 60_000);

    it("shows each field's SDL description in the autocomplete list as it opens", async () => {
      const { page } = browser;
      const queryFields = buildSchema(typeDefs).getQueryType()!.getFields();
      await page.goto(server.url);
      await page.locator('.graphiql-tab').first().waitFor();
      await openNewTab();
      // An operation with an empty line inside its selection, the cursor on it.
      await page.locator('.graphiql-query-editor .CodeMirror').evaluate((element) => {
        const cm = (
          element as unknown as {
            CodeMirror: {
              setValue(v: string): void;
              setCursor(line: number, ch: number): void;
              focus(): void;
            };
          }
        ).CodeMirror;
        cm.setValue('query Typing {\n  \n}\n');
        cm.setCursor(1, 2);
        cm.focus();
      });
      // Typed as a journalist would: GraphiQL opens the list after each letter.
      await page.keyboard.type('sup', { delay: 50 });
      const hints = page.locator('.CodeMirror-hints');
      const entry = hints.locator('.CodeMirror-hint', { hasText: 'suppliers' });
      await entry.waitFor();
      const description = queryFields.suppliers!.description!;
      const shown = entry.locator('.armstrail-hint-description');
      expect(await shown.textContent({ timeout: 5_000 })).toBe(description);
      expect(await shown.isVisible()).toBe(true);
      // On screen inside the list, not clipped away: its box lies within the list's box.
      const [listBox, textBox] = [await hints.boundingBox(), await shown.boundingBox()];
      expect(textBox!.width).toBeGreaterThan(100);
      expect(textBox!.x + textBox!.width).toBeLessThanOrEqual(listBox!.x + listBox!.width + 1);
      expect(textBox!.y + textBox!.height).toBeLessThanOrEqual(listBox!.y + listBox!.height + 1);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: join('test-output', 'graphiql-autocomplete.png') });
      await page.keyboard.press('Escape');
    }, 60_000);

    it('asked nothing of any other host, and the page logged no errors', () => {
      expect(browser.requested.length).toBeGreaterThan(0);
      expect(browser.blocked).toEqual([]);
      expect(browser.requested.every((url) => url.startsWith(server.base))).toBe(true);
      expect(browser.consoleErrors).toEqual([]);
    });
  },
);
