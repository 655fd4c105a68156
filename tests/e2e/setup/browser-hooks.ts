import { afterAll, afterEach } from 'vitest';
import { closeBrowser, screenshotOpenPages } from '@/tests/e2e/helpers/browser';

// A failed test leaves screenshots of every page still open in its file (test-results/e2e/).
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshotOpenPages(task.name, task.file.filepath);
});

// Pages live until the file ends, so a file may sign agents in once in beforeAll and share them.
afterAll(async () => {
  await closeBrowser();
});
