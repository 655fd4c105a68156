import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { newAgentPage, screenshotsDir, signIn } from '@/tests/e2e/helpers/browser';

// The README's pictures: the list, a conversation and its "Más detalles" sidebar, at 1280×800 and
// 375×812, of the demo data. `npm run screenshots` writes them to docs/screenshots/ (SCREENSHOTS_DIR);
// in the e2e run they go to test-results/e2e/screenshots/ for review.
const outDir = process.env.SCREENSHOTS_DIR ? path.resolve(process.env.SCREENSHOTS_DIR) : path.join(screenshotsDir, 'screenshots');

const cards = (page: Page) => page.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)');

const SIZES = [
  { name: '1280', viewport: { width: 1280, height: 800 } },
  { name: '375', viewport: { width: 375, height: 812 } },
];

describe('screenshots of the workspace', () => {
  for (const { name, viewport } of SIZES) {
    test(`list, chat and sidebar at ${viewport.width}×${viewport.height}`, async () => {
      await mkdir(outDir, { recursive: true });
      const page = await newAgentPage({ viewport });
      await signIn(page, 'admin@bandeja.test', 'bandeja-demo');
      await page.goto('/all?tab=all');
      await cards(page).first().waitFor();
      await page.screenshot({ path: path.join(outDir, `list-${name}.png`) });
      const href = (await cards(page).first().getByRole('link').getAttribute('href'))!;
      await page.goto(href);
      await page.getByRole('list', { name: 'Mensajes' }).waitFor();
      await page.screenshot({ path: path.join(outDir, `chat-${name}.png`) });
      await page.goto(`${href}${href.includes('?') ? '&' : '?'}details=1`);
      await page.getByRole('complementary', { name: 'Más detalles' }).waitFor();
      await page.screenshot({ path: path.join(outDir, `sidebar-${name}.png`) });
    });
  }
});
