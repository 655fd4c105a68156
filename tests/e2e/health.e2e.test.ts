import { expect, test } from 'vitest';
import { baseUrl, newAgentPage } from '@/tests/e2e/helpers/browser';

test('the app is healthy and serves the sign-in form', async () => {
  const health = await fetch(`${baseUrl()}/api/health`);
  expect(health.status).toBe(200);

  const page = await newAgentPage();
  await page.goto('/login');
  await page.locator('input[name="email"]').waitFor({ state: 'visible' });
  expect(await page.locator('input[name="email"]').count()).toBe(1);
});
