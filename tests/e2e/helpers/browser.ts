import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { watchHydration } from './hydration-diff';

// Debian's Chromium; playwright-core never downloads a browser.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A fake microphone and camera, granted without a prompt: voice notes are recorded for real (W3).
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

export const screenshotsDir = path.resolve(import.meta.dirname, '../../../test-results/e2e');

// The app under test, started by tests/e2e/setup/app-server.ts (or E2E_BASE_URL).
export const baseUrl = () => inject('e2eBaseUrl');

// One browser per test file; every agent gets a context of their own (own cookies, own session).
// A context opened inside a test belongs to that test; one opened in beforeAll lives until the file ends.
let browser: Promise<Browser> | undefined;
const contexts = new Map<BrowserContext, string | undefined>();
let currentTest: string | undefined;

const launch = () => {
  browser ??= chromium.launch({ executablePath, args, headless: true });
  return browser;
};

export type AgentPageOptions = {
  locale?: string;
  viewport?: { width: number; height: number };
  // false: the page as a browser without JavaScript sees it (progressive enhancement).
  javaScriptEnabled?: boolean;
  // Another app than the one the e2e setup started (tests/e2e/workers.e2e.test.ts).
  appUrl?: string;
};

// A page in a fresh browser context, as a new agent on their own device; relative URLs go to the app.
export const newAgentPage = async ({ locale = 'es-ES', viewport = { width: 1280, height: 800 }, javaScriptEnabled = true, appUrl = baseUrl() }: AgentPageOptions = {}) => {
  const context = await (await launch()).newContext({ baseURL: appUrl, locale, viewport, javaScriptEnabled });
  context.setDefaultTimeout(10_000);
  contexts.set(context, currentTest);
  context.once('close', () => contexts.delete(context));
  context.on('page', watchConsole);
  return context.newPage();
};

// Every console error and uncaught page error of any page fails the test it happened in (a page
// opened in beforeAll: the running test, or the file). An expected one is allowed with a reason.
type PageError = { testId: string | undefined; text: string };
const pageErrors: PageError[] = [];
let allowed: Array<{ pattern: RegExp; testId: string | undefined }> = [];

const watchConsole = (page: Page) => {
  const explainHydration = watchHydration(page);
  const record = (text: string) => {
    explainHydration(text);
    if (allowed.some((entry) => (entry.testId === undefined || entry.testId === currentTest) && entry.pattern.test(text))) return;
    pageErrors.push({ testId: currentTest, text: `${text} (at ${page.url()})` });
  };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    record(`console.error: ${message.text()}${source && source !== page.url() ? ` [${source}]` : ''}`);
  });
  page.on('pageerror', (error) => record(`page error: ${error.message}`));
};

// Lets console errors matching `pattern` pass in the current test (or, called in beforeAll, the file);
// `reason` says why they are expected and is there to be read.
export const allowConsoleErrors = (pattern: RegExp, reason: string) => {
  if (!reason) throw new Error('allowConsoleErrors needs a reason');
  allowed.push({ pattern, testId: currentTest });
};

// The errors recorded for a test (or, with undefined, outside any test), removed from the record.
export const takePageErrors = (testId: string | undefined): string[] => {
  const taken = pageErrors.filter((error) => error.testId === testId);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => error.testId !== testId));
  return taken.map((error) => error.text);
};

// Allowances of a finished test end with it.
const forgetAllowances = (testId: string) => {
  allowed = allowed.filter((entry) => entry.testId !== testId);
};

// Signs in through the login form, as an agent would, and waits to be let in.
export const signIn = async (page: Page, email: string, password: string) => {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname.replace(/\/$/, '') !== '/login', { timeout: 15_000 }),
    page.locator('button[type="submit"]').click(),
  ]);
};

// Called by tests/e2e/setup/browser-hooks.ts around every test.
export const startTest = (testId: string) => {
  currentTest = testId;
};

// The pages a test could see: its own and the file's shared ones.
const visibleContexts = (testId: string) =>
  [...contexts].filter(([, owner]) => owner === undefined || owner === testId).map(([context]) => context);

// Saves those pages, named after the failed test: test-results/e2e/<file>--<test>--<n>.png.
export const screenshotTestPages = async (testId: string, testName: string, file: string) => {
  const pages = visibleContexts(testId).flatMap((context) => context.pages());
  if (pages.length === 0) return;
  await mkdir(screenshotsDir, { recursive: true });
  const slug = `${path.basename(file).replace(/\.e2e\.test\.ts$/, '')}--${testName}`.replace(/[^\w.-]+/g, '-').slice(0, 150);
  await Promise.all(
    pages.map((page, index) =>
      page.screenshot({ path: path.join(screenshotsDir, `${slug}--${index + 1}.png`), fullPage: true }).catch(() => undefined),
    ),
  );
};

// Closes the contexts the test opened.
export const endTest = async (testId: string) => {
  currentTest = undefined;
  forgetAllowances(testId);
  const owned = [...contexts].filter(([, owner]) => owner === testId).map(([context]) => context);
  await Promise.all(owned.map((context) => context.close().catch(() => undefined)));
};

export const closeBrowser = async () => {
  const open = browser;
  browser = undefined;
  contexts.clear();
  if (open) await (await open).close();
};
