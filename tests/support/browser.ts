// Test support: Debian's chromium, driven by playwright-core (never a browser Playwright
// downloads), behind a "newsroom firewall" that lets the page reach only the Armstrail server,
// with every request, blocked request and page error recorded. The browser tests skip when
// /usr/bin/chromium is missing (.ci/run installs it).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ownDatabaseEnv, startRealServer, type RealServer } from './real-server.js';

export const CHROMIUM = '/usr/bin/chromium';

export function haveChromium(testName: string): boolean {
  const present = existsSync(CHROMIUM);
  if (!present)
    console.warn(`Skipping ${testName}: ${CHROMIUM} is missing (apt-get install chromium).`);
  return present;
}

/**
 * What a server under a browser test runs with, beside its database: no rate limit. The page is
 * under test, not the budget; a test clicks faster than a person, and six example runs with
 * their introspections (~58,000 points in five seconds) spend the anonymous budget (50,000,
 * refilled at 1,000 a second) on a fast machine but not on a slow one.
 */
const BROWSER_SERVER_ENV = { RATE_LIMIT_ENABLED: 'false' } as const;

export interface TestBrowser {
  context: BrowserContext;
  /** The context's first page. */
  page: Page;
  /** Every request a page made, and those that left loopback (blocked). */
  requested: string[];
  blocked: string[];
  /** Console errors and uncaught exceptions of every page of the context. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A fresh profile (no stored tabs), the given viewport, downloads and the clipboard allowed. */
export async function launchTestBrowser(
  origin: string,
  viewport = { width: 1440, height: 900 },
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'armstrail-chromium-'));
  // A persistent context is how Playwright takes a user-data-dir: a fresh, empty one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
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
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const requested: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  // The newsroom firewall: only the Armstrail server is reachable.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requested.push(url);
    const { hostname } = new URL(url);
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    requested,
    blocked,
    consoleErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A real server on a database of its own (BROWSER_SERVER_ENV), and a browser pointed at it. */
export interface BrowserSession {
  server: RealServer;
  browser: TestBrowser;
  /** Closes the browser, stops the server and drops its database. */
  close(): Promise<void>;
}

export async function startBrowserSession(
  viewport?: Parameters<typeof launchTestBrowser>[1],
): Promise<BrowserSession> {
  const database = await ownDatabaseEnv();
  let server: RealServer | undefined;
  let browser: TestBrowser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    await database.cleanup();
  };
  try {
    server = await startRealServer({ ...database.env, ...BROWSER_SERVER_ENV });
    browser = await launchTestBrowser(server.base, viewport);
    return { server, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
