import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SHORTCUTS } from '@/lib/keyboard/shortcuts';
import { newAgentPage, screenshotsDir, signIn } from '@/tests/e2e/helpers/browser';
import { KEYBOARD_DIALOGS } from '@/tests/e2e/helpers/keyboard-dialogs';

const PASSWORD = 'bandeja-demo';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
// Issue 13: open the next conversation, reply and resolve in at most this many keystrokes.
const TRIAGE_TARGET = 6;

const cardLinks = (page: Page) => page.locator('a[data-conversation-link]');
const conversationPath = /^\/all\/\d+$/;
const activeTag = (page: Page) => page.evaluate(() => {
  const element = document.activeElement;
  return element ? `${element.tagName.toLowerCase()}${element.getAttribute('data-conversation-link') ? '[card]' : ''}${element.hasAttribute('data-chat-panel') ? '[chat]' : ''}` : '';
});

// Keystrokes as an agent counts them: a chord (Alt+J) is one; typed text is counted apart.
const keyboardOf = (page: Page) => {
  let keystrokes = 0;
  return {
    press: async (key: string) => {
      keystrokes += 1;
      await page.keyboard.press(key);
    },
    type: (text: string) => page.keyboard.type(text),
    count: () => keystrokes,
  };
};

const shoot = async (page: Page, name: string) => {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `keyboard--${name}.png`) });
};

const signedIn = async (viewport = DESKTOP, email = 'admin@bandeja.test') => {
  const page = await newAgentPage({ viewport });
  await signIn(page, email, PASSWORD);
  return page;
};

// The page is interactive: the shortcut listener is mounted (KeyboardShortcuts marks <html>).
const ready = (page: Page) => page.locator('html[data-keyboard="ready"]').waitFor({ state: 'attached' });

const status = (page: Page) => page.getByTestId('conversation-status').textContent();

describe('keyboard-first triage', () => {
  test(`open next, reply and resolve take at most ${TRIAGE_TARGET} keystrokes; the focus then goes to the next conversation`, async () => {
    const page = await signedIn();
    await page.goto('/all?tab=all');
    await cardLinks(page).first().waitFor();
    await ready(page);
    const keys = keyboardOf(page);

    await keys.press('Alt+J');
    await page.waitForURL((url) => conversationPath.test(url.pathname));
    const opened = new URL(page.url()).pathname;
    await page.getByTestId('conversation-status').waitFor();
    await keys.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('content');
    const reply = `Resuelto por teclado ${Date.now()}`;
    await keys.type(reply);
    await keys.press('Enter');
    await page.getByRole('list', { name: 'Mensajes' }).locator('[data-message-type="outgoing"]', { hasText: reply }).waitFor();
    // Escape leaves the composer (shortcuts do not act while typing), Alt+E resolves.
    await keys.press('Escape');
    await expect.poll(() => activeTag(page)).toBe('section[chat]');
    await keys.press('Alt+E');
    await expect.poll(() => status(page)).toBe('Resuelta');

    expect(keys.count()).toBeLessThanOrEqual(TRIAGE_TARGET);
    // Preference off (the default): the focus is on the next card, not on the page body.
    await expect.poll(() => activeTag(page)).toBe('a[card]');
    expect(new URL(page.url()).pathname).toBe(opened);
    await shoot(page, 'triage-1280');
  });

  for (const viewport of [DESKTOP, PHONE]) {
  test(`with "after resolving, open the next" the next conversation opens by itself, at ${viewport.width} px`, async () => {
    {
      const page = await signedIn(viewport, 'carlos@bandeja.test');
      await page.goto('/settings/profile');
      const preference = page.getByLabel('Al resolver, abrir la siguiente conversación');
      if (!(await preference.isChecked())) {
        await preference.check();
        await page.getByRole('button', { name: 'Guardar' }).first().click();
        await page.getByText('Guardado').first().waitFor().catch(() => undefined);
      }
      await page.goto('/all?tab=all');
      await cardLinks(page).first().waitFor();
    await ready(page);
      await page.keyboard.press('Alt+J');
      await page.waitForURL((url) => conversationPath.test(url.pathname));
      const first = new URL(page.url()).pathname;
      await page.getByTestId('conversation-status').waitFor();
      await page.keyboard.press('Alt+E');
      await page.waitForURL((url) => conversationPath.test(url.pathname) && url.pathname !== first);
      // Desktop: the card of the conversation now open; phone: the chat panel (the list is hidden).
      await expect.poll(() => activeTag(page)).toBe(viewport === PHONE ? 'section[chat]' : 'a[card]');
      await shoot(page, `open-next-${viewport.width}`);
    }
  });
  }
});

describe('each shortcut', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`? help, Ctrl+K palette, / search and none while typing, at ${viewport.width} px`, { timeout: 60_000 }, async () => {
      const page = await signedIn(viewport);
      await page.goto('/all?tab=all');
      await cardLinks(page).first().waitFor();
    await ready(page);

      await page.keyboard.press('Shift+?');
      const help = page.getByTestId('shortcuts-help');
      await help.waitFor();
      await expect(help.locator('tbody tr').count()).resolves.toBe(SHORTCUTS.length);
      await shoot(page, `help-${viewport.width}`);
      const box = await help.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });

      await page.keyboard.press('Control+k');
      const palette = page.getByTestId('command-palette');
      await palette.getByRole('combobox').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
      await page.keyboard.type('Menciones');
      await palette.getByRole('option', { name: /Menciones/ }).first().waitFor();
      await shoot(page, `palette-${viewport.width}`);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/mentions');

      // A conversation by its number.
      await page.goto('/all?tab=all');
      await ready(page);
      const number = ((await page.locator('article p span', { hasText: /^#\d+$/ }).first().textContent()) ?? '').trim();
      await page.keyboard.press('Control+k');
      await page.keyboard.type(number);
      await palette.getByRole('option', { name: new RegExp(`^${number} ·`) }).waitFor();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
      await page.getByTestId('conversation-status').waitFor();
      await expect(page.locator('header').getByText(number, { exact: true }).count()).resolves.toBeGreaterThan(0);

      // "/" focuses the search box (a phone goes back to the list's search page first).
      await page.goto('/all?tab=all');
      await ready(page);
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      // Typing in a field types: "r", "?" and "/" are letters there.
      await page.keyboard.type('r?/');
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('r?/');
      await expect(page.getByTestId('shortcuts-help').isVisible()).resolves.toBe(false);
      // Ctrl+K works from inside a field.
      await page.keyboard.press('Control+k');
      await palette.getByRole('combobox').waitFor();
      await page.keyboard.press('Escape');
    });

    test(`Alt+J / Alt+K, R, N, Alt+S, Alt+A, Alt+L and Escape on a conversation, at ${viewport.width} px`, { timeout: 60_000 }, async () => {
      const page = await signedIn(viewport);
      await page.goto('/all?tab=all&status=pending');
      await cardLinks(page).nth(1).waitFor();
      await ready(page);

      await page.keyboard.press('Alt+J');
      await page.waitForURL((url) => conversationPath.test(url.pathname));
      const first = new URL(page.url()).pathname;
      const firstUrl = page.url();
      await page.keyboard.press('Alt+J');
      await page.waitForURL((url) => conversationPath.test(url.pathname) && url.pathname !== first);
      const second = new URL(page.url()).pathname;
      await page.getByTestId('conversation-status').waitFor();
      await page.keyboard.press('Alt+K');
      await page.waitForURL((url) => url.pathname === first);
      await page.getByTestId('conversation-status').waitFor();

      await page.keyboard.press('n');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('content');
      await expect(page.locator('input[name="mode"][value="note"]').isChecked()).resolves.toBe(true);
      // Escape from the composer goes back to the list; R from the list's conversation comes back to reply.
      await page.locator('textarea[name="content"]').evaluate((element: HTMLTextAreaElement) => element.blur());
      await page.keyboard.press('r');
      await expect(page.locator('input[name="mode"][value="reply"]').isChecked()).resolves.toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('content');
      await page.locator('textarea[name="content"]').evaluate((element: HTMLTextAreaElement) => element.blur());

      await page.keyboard.press('Alt+S');
      const menu = page.locator('[data-status-actions] details');
      await expect.poll(() => menu.evaluate((element: HTMLDetailsElement) => element.open)).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.querySelector('input[name="preset"]') !== null)).toBe(true);
      await shoot(page, `snooze-menu-${viewport.width}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.evaluate((element: HTMLDetailsElement) => element.open)).toBe(false);

      await page.keyboard.press('Alt+A');
      const assign = page.getByTestId('assign-picker');
      await assign.getByRole('combobox').waitFor();
      // The first agent other than me and "Asignarme": found by typing part of the name.
      const agent = ((await assign.getByRole('option').nth(1).textContent()) ?? '').replace(/actual$/, '').trim();
      await page.keyboard.type(agent.slice(0, 4).toLowerCase());
      await assign.getByRole('option', { name: agent }).waitFor();
      await shoot(page, `assign-${viewport.width}`);
      await page.keyboard.press('Enter');
      await assign.waitFor({ state: 'hidden' });
      await page.goto(`${firstUrl}&details=1`);
      await ready(page);
      const assignee = page.getByRole('combobox', { name: 'Agente asignado' });
      await expect.poll(async () => (await assignee.locator('option:checked').textContent())?.trim()).toBe(agent);

      await page.keyboard.press('Alt+L');
      const labels = page.getByTestId('labels-picker');
      await labels.getByRole('combobox').waitFor();
      await page.keyboard.type('vip');
      const vip = labels.getByRole('option', { name: /vip/ });
      await vip.waitFor();
      const before = await vip.getAttribute('aria-selected');
      await page.keyboard.press('Enter');
      await expect.poll(() => vip.getAttribute('aria-selected')).toBe(before === 'true' ? 'false' : 'true');
      await shoot(page, `labels-${viewport.width}`);
      await page.keyboard.press('Escape');
      await labels.waitFor({ state: 'hidden' });

      await page.goto(firstUrl);
      await page.getByTestId('conversation-status').waitFor();
      await ready(page);
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.pathname === '/all' && url.searchParams.get('status') === 'pending');
      await expect.poll(() => activeTag(page)).toBe('a[card]');
      expect(second).not.toBe(first);
    });
  }
});

describe('the palette on an open conversation, and the focus after each dialog', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`pending, reopen and snooze from Ctrl+K; after pending and snooze the focus is on the next conversation or the status button, at ${viewport.width} px`, { timeout: 60_000 }, async () => {
      const page = await signedIn(viewport);
      await page.goto('/all?tab=all&status=open');
      await cardLinks(page).nth(2).waitFor();
      await ready(page);
      const palette = page.getByTestId('command-palette');
      const command = async (label: string) => {
        await page.keyboard.press('Control+k');
        await palette.getByRole('combobox').waitFor();
        await page.keyboard.type(label);
        await palette.getByRole('option', { name: new RegExp(`^${label}`) }).first().waitFor();
        await page.keyboard.press('Enter');
        await palette.waitFor({ state: 'hidden' });
      };
      // Where the focus is after a triage: the next card on a desktop; on a phone (no list shown) the
      // status button. Never the page body.
      const focusAfterTriage = () =>
        page.evaluate((opened) => {
          const element = document.activeElement;
          if (!element || element === document.body) return 'body';
          const card = element.getAttribute('data-conversation-link');
          if (card) return card === opened ? 'same card' : 'next card';
          return element.closest('[data-status-actions]') ? 'status' : element.tagName.toLowerCase();
        }, new URL(page.url()).pathname.split('/').pop());
      const expected = viewport === PHONE ? 'status' : 'next card';

      await page.keyboard.press('Alt+J');
      await page.waitForURL((url) => conversationPath.test(url.pathname));
      await page.getByTestId('conversation-status').waitFor();

      await command('Marcar como pendiente');
      await expect.poll(() => status(page)).toBe('Pendiente');
      await expect.poll(focusAfterTriage).toBe(expected);

      await command('Reabrir la conversación');
      await expect.poll(() => status(page)).toBe('Abierta');

      // Snooze from the palette opens the status menu at its options; Enter picks the first one.
      await command('Posponer');
      const menu = page.locator('[data-status-actions] details');
      await expect.poll(() => menu.evaluate((element: HTMLDetailsElement) => element.open)).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.querySelector('input[name="preset"]') !== null)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => status(page)).toBe('Pospuesta');
      await expect.poll(focusAfterTriage).toBe(expected);
      await shoot(page, `palette-snoozed-${viewport.width}`);

      // Reopened for the next runs of the suite, from the palette again.
      await command('Reabrir la conversación');
      await expect.poll(() => status(page)).toBe('Abierta');
    });

    test(`help, palette and each picker closed with Escape leave the focus on the page, so the next shortcut acts, at ${viewport.width} px`, { timeout: 90_000 }, async () => {
      const page = await signedIn(viewport);
      await page.goto('/all?tab=all');
      const href = await cardLinks(page).first().getAttribute('href');
      await page.goto(href!);
      await page.getByTestId('conversation-status').waitFor();
      await ready(page);
      // The focus on a closed dialog's hidden field would make the next Alt shortcut read as typing.
      const focusInClosedDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('dialog:not([open])')));
      // Several rounds, straight from one dialog to the next: the defect was intermittent.
      for (let round = 0; round < 4; round++) {
        for (const [keys, testId] of KEYBOARD_DIALOGS) {
          await page.keyboard.press(keys);
          await page.getByTestId(testId).waitFor({ timeout: 5000 });
          await page.keyboard.press('Escape');
          // Opened again at once: the first closing's late close event must not shut it.
          await page.keyboard.press(keys);
          await page.getByTestId(testId).waitFor({ timeout: 5000 });
          await page.evaluate(() => new Promise((done) => setTimeout(() => setTimeout(done, 0), 0)));
          await expect(page.getByTestId(testId).isVisible(), `${keys} again in round ${round}`).resolves.toBe(true);
          await page.keyboard.press('Escape');
          await page.getByTestId(testId).waitFor({ state: 'hidden' });
          await expect(focusInClosedDialog(), `${keys} in round ${round}`).resolves.toBe(false);
        }
      }
    });
  }
});

describe('views that pick their conversations by rule', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`Mentions and Unattended open on "Todos", with their conversations, at ${viewport.width} px`, async () => {
      const page = await signedIn(viewport, 'sofia@bandeja.test');
      for (const view of ['mentions', 'unattended']) {
        await page.goto(`/${view}`);
        const tabs = page.getByRole('navigation', { name: 'Asignación' });
        await expect(tabs.locator('[aria-current="page"]').textContent()).resolves.toMatch(/^Todos/);
        await cardLinks(page).first().waitFor();
    await ready(page);
        await shoot(page, `${view}-${viewport.width}`);
        // "Mías" is still one click away, and stays chosen.
        await tabs.getByRole('link', { name: /^Mías/ }).click();
        await page.waitForURL((url) => url.searchParams.get('tab') === 'mine');
        await expect(tabs.locator('[aria-current="page"]').textContent()).resolves.toMatch(/^Mías/);
      }
    });
  }
});
