import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeBrowser, endTest, screenshotTestPages, startTest } from '@/tests/e2e/helpers/browser';

beforeEach(({ task }) => {
  startTest(task.id);
});

// A failed test leaves screenshots of its pages in test-results/e2e/; then its own pages close.
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshotTestPages(task.id, task.name, task.file.filepath);
  await endTest(task.id);
});

// Pages opened in beforeAll are shared by the file's tests and close with the browser.
afterAll(async () => {
  await closeBrowser();
});
