import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Shared steps on the seeded demo, in Spanish, for tests that must not depend on what earlier test
// files created (they share one server: the newest conversation may be another test's, in an inbox
// some agents are not members of).

export const conversationCards = (page: Page) => page.getByRole('list', { name: /^(Conversaciones|Conversations)$/ }).locator(':scope > li:has(article)');
export const messageList = (page: Page) => page.getByRole('list', { name: /^(Mensajes|Messages)$/ });
export const composerForm = (page: Page) => page.locator('form:has(textarea[name="content"])');

// Opens the newest conversation of the website chat inbox (every demo agent is a member of it).
export const openWebsiteConversation = async (page: Page) => {
  await page.goto('/all?tab=all');
  await conversationCards(page).filter({ hasText: 'Chat del sitio web' }).first().getByRole('link').click();
  await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
  await messageList(page).locator('li').first().waitFor();
};

// Adds a private note mentioning `agent` (picked from the mention list), on the open conversation:
// `agent` gets an unread mention notification.
export const mentionInNote = async (page: Page, agent: string, text = 'Revisa esto por favor') => {
  await composerForm(page).getByText('Nota privada', { exact: true }).click();
  const textbox = composerForm(page).getByRole('textbox');
  await textbox.fill(`${text} @${agent.slice(0, 3)}`);
  await page.getByRole('listbox', { name: 'Agentes para mencionar' }).getByRole('option', { name: agent }).waitFor();
  // Enter picks the suggestion, the next Enter sends.
  await page.keyboard.press('Enter');
  await expect.poll(() => textbox.inputValue()).toBe(`${text} @${agent} `);
  await page.keyboard.press('Enter');
  const note = messageList(page).locator('[data-message-type="private"]', { hasText: `@${agent}` }).last();
  await note.waitFor();
  return note;
};
