import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeBrowser, endTest, screenshotTestPages, startTest, takePageErrors } from '@/tests/e2e/helpers/browser';

beforeEach(({ task }) => {
  startTest(task.id);
});

// A failed test leaves screenshots of its pages in test-results/e2e/; then its own pages close.
// Any console error or page error during the test fails it (helpers/browser.ts: allowConsoleErrors).
afterEach(async ({ task }) => {
  const errors = takePageErrors(task.id);
  if (task.result?.state === 'fail' || errors.length) await screenshotTestPages(task.id, task.name, task.file.filepath);
  await endTest(task.id);
  if (errors.length) throw new Error(`The browser reported ${errors.length} error(s):\n${errors.join('\n')}`);
});

// Pages opened in beforeAll are shared by the file's tests and close with the browser.
afterAll(async () => {
  const errors = takePageErrors(undefined);
  await closeBrowser();
  if (errors.length) throw new Error(`The browser reported ${errors.length} error(s) outside a test:\n${errors.join('\n')}`);
});
