import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newAgentPage, signIn } from '@/tests/e2e/helpers/browser';
import { mentionInNote, openWebsiteConversation } from '@/tests/e2e/helpers/conversations';

const PASSWORD = 'bandeja-demo';

const cards = (page: Page) => page.getByRole('list', { name: /^(Conversaciones|Conversations)$/ }).locator(':scope > li:has(article)');
const messages = (page: Page) => page.getByRole('list', { name: /^(Mensajes|Messages)$/ });
const composer = (page: Page) => page.locator('form:has(textarea[name="content"])');
const withinViewport = async (page: Page, selector: string, width: number) => {
  const box = await page.locator(selector).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
};

describe('the bell on a phone', () => {
  test('at 375 px the list header shows the bell with the unread count; the keyboard opens it, Escape closes it', async () => {
    // A mention of Sofía by the administrator, so she has an unread notification whatever earlier tests read.
    const admin = await newAgentPage();
    await signIn(admin, 'admin@bandeja.test', PASSWORD);
    await openWebsiteConversation(admin);
    await mentionInNote(admin, 'Sofía Herrera', 'Para el teléfono');

    const phone = await newAgentPage({ viewport: { width: 375, height: 740 } });
    await signIn(phone, 'sofia@bandeja.test', PASSWORD);
    await phone.goto('/all');
    await cards(phone).first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The drawer (and its bell) is closed; the header's bell is visible, with the demo's unread count.
    const bell = phone.getByTestId('notification-bell-phone');
    await expect(bell.isVisible()).resolves.toBe(true);
    await expect(phone.getByTestId('notification-bell').isVisible()).resolves.toBe(false);
    const count = Number(await phone.getByTestId('notification-count-phone').textContent());
    expect(count).toBeGreaterThan(0);
    expect(await bell.getAttribute('aria-label')).toContain(String(count));
    await withinViewport(phone, '[data-testid="notification-bell-phone"]', 375);

    // By keyboard: Tab from the menu link reaches the bell; Enter opens its panel inside the screen.
    await phone.getByRole('link', { name: 'Abrir menú' }).first().focus();
    await phone.keyboard.press('Tab');
    await expect(phone.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('notification-bell-phone');
    await phone.keyboard.press('Enter');
    const panel = phone.locator('details:has([data-testid="notification-bell-phone"]) > div');
    await panel.getByRole('heading', { name: 'Notificaciones' }).waitFor();
    await expect(panel.getByTestId('notification-item').count()).resolves.toBeGreaterThan(0);
    await withinViewport(phone, 'details:has([data-testid="notification-bell-phone"]) > div', 375);
    await phone.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await expect(phone.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('notification-bell-phone');

    // On a desktop the header's bell is hidden: the views panel has the one bell.
    await phone.setViewportSize({ width: 1280, height: 800 });
    await expect(bell.isVisible()).resolves.toBe(false);
    await expect(phone.getByTestId('notification-bell').isVisible()).resolves.toBe(true);
  });
});

describe('"Enter sends": one preference, in the profile and the composer', () => {
  test('the composer starts from the saved preference, and flipping it there saves it to the profile', async () => {
    // Valeria's demo profile has "send with Enter" off (and English).
    const page = await newAgentPage({ locale: 'en-US' });
    await signIn(page, 'valeria@bandeja.test', PASSWORD);
    await page.goto('/all?tab=all');
    await cards(page).first().getByRole('link').click();
    await messages(page).locator('li').first().waitFor();
    const conversationUrl = page.url();
    const toggle = composer(page).getByRole('checkbox', { name: 'Enter sends' });
    await expect(toggle.isChecked()).resolves.toBe(false);

    // Enter breaks the line; nothing is sent.
    const textbox = composer(page).getByRole('textbox');
    await textbox.fill('Line one');
    await textbox.press('Enter');
    await expect(textbox.inputValue()).resolves.toBe('Line one\n');

    // Flipped in the composer: saved by a server action, then Enter sends.
    const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined);
    await toggle.check();
    expect((await saved).ok()).toBe(true);
    const text = `Sent with Enter ${Date.now()}`;
    await textbox.fill(text);
    await textbox.press('Enter');
    await messages(page).locator('[data-message-type="outgoing"]', { hasText: text }).waitFor();

    // The profile shows it, and a reloaded composer starts from it.
    await page.goto('/settings/profile');
    await expect(page.locator('input[name="enterToSend"]').isChecked()).resolves.toBe(true);
    await page.goto(conversationUrl);
    await expect(composer(page).getByRole('checkbox', { name: 'Enter sends' }).isChecked()).resolves.toBe(true);

    // And back off from the composer: the profile follows again.
    const savedOff = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined);
    await composer(page).getByRole('checkbox', { name: 'Enter sends' }).uncheck();
    expect((await savedOff).ok()).toBe(true);
    await page.goto('/settings/profile');
    await expect(page.locator('input[name="enterToSend"]').isChecked()).resolves.toBe(false);
  });
});
