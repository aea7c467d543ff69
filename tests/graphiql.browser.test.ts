// GraphiQL in a real browser: Debian's chromium, driven by playwright-core, loads GraphiQL from
// the running server with every outside request blocked, opens and runs the Kazan example, and
// leaves a screenshot in test-output/. Skipped when /usr/bin/chromium is not installed.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { recordLink } from '../src/modules/citations/how-to-cite.js';
import { ids } from '../src/seed/kazan-mali.js';
import { ownDatabaseEnv, startRealServer, type RealServer } from './support/real-server.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join('test-output', 'graphiql-kazan-example.png');
const CITATION_URL = 'https://eurasiafocus.com/9976-2/';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `Skipping the GraphiQL browser test: ${CHROMIUM} is missing (apt-get install chromium).`,
  );
}

const kazan = graphiqlExamples.find((e) => e.id === 'kazan-mali-reported-interest')!;
const familyTree = graphiqlExamples.find((e) => e.id === 'mi8-family-tree')!;

describe.skipIf(!haveChromium)(`GraphiQL in ${CHROMIUM}`, () => {
  let server: RealServer;
  let dropDatabase: () => Promise<unknown> = () => Promise.resolve();
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page made, and those that left the server's origin (blocked). */
  const requested: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const database = await ownDatabaseEnv();
    dropDatabase = database.cleanup;
    server = await startRealServer(database.env);
    profile = mkdtempSync(join(tmpdir(), 'armstrail-chromium-'));
    // A persistent context is how Playwright takes a user-data-dir: a fresh, empty one.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // The newsroom firewall: only the Armstrail server is reachable.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      const { hostname } = new URL(url);
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.stop();
    await dropDatabase();
  });

  it('loads GraphiQL from the server, opens and runs the Kazan example, shows the citation', async () => {
    await page.goto(server.url);
    await page.locator('.armstrail-examples').getByText(kazan.title).waitFor();

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

  it("opens a howToCite link in GraphiQL with the deal's query, ready to run", async () => {
    const link = recordLink(new URL(server.url).origin, toGlobalId('Deal', ids.kazanDeal));
    await page.goto(link);
    await page.locator('.graphiql-query-editor', { hasText: 'deal: node(id:' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"REPORTED_INTEREST"').waitFor({
      timeout: 20_000,
    });
  }, 60_000);

  it('asked nothing of any other host, and the page logged no errors', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(requested.every((url) => url.startsWith(new URL(server.url).origin))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
