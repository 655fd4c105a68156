import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { newAgentPage, signIn } from '@/tests/e2e/helpers/browser';
import { composerForm as composer, conversationCards as cards, mentionInNote, messageList as messages, openWebsiteConversation } from '@/tests/e2e/helpers/conversations';

const PASSWORD = 'bandeja-demo';
const PIXEL = path.resolve(import.meta.dirname, 'fixtures/pixel.png');


// Opens the newest conversation of the website chat, as an administrator, at the given size.
const openConversation = async (viewport?: { width: number; height: number }) => {
  const page = await newAgentPage(viewport ? { viewport } : {});
  await signIn(page, 'admin@bandeja.test', PASSWORD);
  await openWebsiteConversation(page);
  return page;
};

describe('the chat panel', () => {
  test('an agent replies, adds a note with a mention, attaches an image and records a voice note', async () => {
    const page = await openConversation();
    const reply = `Gracias por escribir, lo reviso ahora ${Date.now()}`;
    await composer(page).getByRole('textbox').fill(reply);
    await page.keyboard.press('Enter');
    await messages(page).locator('[data-message-type="outgoing"]', { hasText: reply }).waitFor();
    // Confirmed when stored: it survives a reload.
    await page.reload();
    await messages(page).locator('[data-message-type="outgoing"]', { hasText: reply }).waitFor();

    const note = await mentionInNote(page, 'Sofía Herrera');
    await expect(note.textContent()).resolves.toContain('Revisa esto por favor @Sofía Herrera');
    await expect(note.textContent()).resolves.toContain('Nota privada');

    await composer(page).getByText('Responder', { exact: true }).click();
    await composer(page).locator('input[type="file"]').setInputFiles(PIXEL);
    await composer(page).getByText('pixel.png').waitFor();
    await expect.poll(() => composer(page).locator('progress').count()).toBe(0);
    await composer(page).getByRole('button', { name: 'Enviar', exact: true }).click();
    await messages(page).locator('img[alt="pixel.png"]').last().waitFor();

    await composer(page).getByRole('button', { name: 'Grabar nota de voz' }).click();
    await page.getByText(/Grabando 0:0[1-9]/).waitFor({ timeout: 8000 });
    await composer(page).getByRole('button', { name: 'Enviar nota de voz' }).click();
    await messages(page).locator('audio[aria-label="Nota de voz"]').last().waitFor();
  });

  test('a draft is kept per conversation across reloads', async () => {
    const page = await openConversation();
    await composer(page).getByRole('textbox').fill('Borrador que no quiero perder');
    await page.reload();
    // Restored once the page is interactive.
    await expect.poll(() => composer(page).getByRole('textbox').inputValue()).toBe('Borrador que no quiero perder');
    await composer(page).getByRole('textbox').fill('');
  });

  test('snooze until tomorrow, reopen, resolve, mute, and send a transcript that lands in the outbox', async () => {
    const page = await openConversation();
    const header = page.locator('header:has([data-testid="conversation-status"])');
    await header.getByRole('group').first().waitFor().catch(() => undefined);
    await header.locator('summary[aria-label="Más opciones de estado"]').click();
    await page.getByRole('button', { name: 'Hasta mañana (09:00)' }).click();
    await page.getByText(/^Pospuesta hasta /).first().waitFor();
    await expect(page.getByTestId('conversation-status').textContent()).resolves.toBe('Pospuesta');
    await messages(page).locator('[data-message-type="activity"]', { hasText: 'pospuso' }).last().waitFor();

    await header.getByRole('button', { name: 'Reabrir' }).click();
    await expect.poll(() => page.getByTestId('conversation-status').textContent()).toBe('Abierta');
    await header.getByRole('button', { name: 'Resolver' }).click();
    await expect.poll(() => page.getByTestId('conversation-status').textContent()).toBe('Resuelta');

    await header.getByRole('button', { name: 'Silenciar' }).click();
    await page.getByText(/^Silenciada para ti hasta /).waitFor();
    await header.getByRole('button', { name: 'Quitar silencio' }).click();
    await header.getByRole('button', { name: 'Silenciar' }).waitFor();

    await header.locator('summary[aria-label="Enviar transcripción"]').click();
    await page.getByRole('radio', { name: 'Otra dirección' }).check();
    await page.getByRole('textbox', { name: 'Otra dirección de correo' }).fill('jefa@ejemplo.com');
    await page.getByRole('button', { name: 'Enviar', exact: true }).first().click();
    await page.getByRole('status').filter({ hasText: 'Guardada en la bandeja de salida' }).waitFor();

    await page.goto('/settings/outbox');
    await page.getByText('jefa@ejemplo.com').first().waitFor();
  });

  test('at phone size the chat fills the screen and the composer still sends', async () => {
    const page = await openConversation({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const reply = `Respuesta desde el teléfono ${Date.now()}`;
    await composer(page).getByRole('textbox').fill(reply);
    await composer(page).getByRole('button', { name: 'Enviar', exact: true }).click();
    const sent = messages(page).locator('[data-message-type="outgoing"]', { hasText: reply });
    await sent.waitFor();

    // Its "⋯" menu opens on the screen (a bottom sheet), asks to confirm, and the reply is deleted.
    // (Once stored and sent: until then the bubble is the browser's own copy, without the menu.)
    await sent.getByTestId('delivery-status').waitFor();
    await sent.locator('summary[aria-label="Acciones del mensaje"]').click();
    const panel = sent.locator('details[data-menu] > form');
    await panel.getByRole('button', { name: 'Eliminar' }).click();
    await panel.getByText('¿Eliminar este mensaje?').waitFor();
    for (const element of [panel, ...(await panel.getByRole('button').all())]) {
      const box = (await element.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.y + box.height).toBeLessThanOrEqual(740);
    }
    await panel.getByRole('button', { name: 'Eliminar' }).click();
    const deleted = messages(page).locator('[data-message-type="outgoing"]', { hasText: 'Este mensaje fue eliminado' }).last();
    await deleted.waitFor();
    await expect(messages(page).getByText(reply).count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Volver a la lista' }).first().click();
    await cards(page).first().waitFor();
  });
});
