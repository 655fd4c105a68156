import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import type { DisplayMessage } from '@/components/chat/message-bubble';
import type { ActionState } from '@/lib/actions/action';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

// The chat's "⋯" menu on a message. The server action answers what the domain would (the action
// and deleteMessage run on the server: tests/integration/security/authorization-matrix.test.ts and
// tests/integration/api/messages-delete-api.test.ts cover that side).
const answer = vi.hoisted(() => ({ state: { ok: true } as ActionState, received: [] as FormData[] }));
vi.mock('@/lib/actions/chat', () => ({
  deleteMessageAction: async (_state: ActionState, formData: FormData) => {
    answer.received.push(formData);
    return answer.state;
  },
}));

const { ChatStateProvider } = await import('@/components/chat/chat-state');
const { MessageList } = await import('@/components/chat/message-list');

const ME = 5;
const at = (minute: number) => new Date(`2026-11-20T15:${String(minute).padStart(2, '0')}:00Z`);
const message = (id: number, values: Partial<DisplayMessage>): DisplayMessage => ({
  id,
  messageType: 'outgoing',
  private: false,
  senderType: 'agent',
  senderId: ME,
  senderName: 'Laura',
  sentOutsidePlatform: false,
  content: `mensaje ${id}`,
  contentAttributes: {},
  status: 'sent',
  createdAt: at(id),
  attachments: [],
  ...values,
});

const messages: DisplayMessage[] = [
  message(1, { messageType: 'incoming', senderType: 'contact', senderId: 70, senderName: 'Pedro' }),
  message(2, {}),
  message(3, { private: true, content: 'nota mía' }),
  message(4, { senderId: 6, senderName: 'Carlos' }),
  message(5, { messageType: 'activity', senderType: 'system', senderId: null, senderName: null, content: 'Laura resolvió la conversación' }),
  message(6, { content: 'This message was deleted', contentAttributes: { deleted: true } }),
  message(7, { senderType: 'automation', senderId: null, senderName: null, content: 'respuesta automática' }),
];

const renderList = ({ locale = 'es', isAdmin = false }: { locale?: 'es' | 'en'; isAdmin?: boolean } = {}) =>
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'es' ? es : en} timeZone="America/Mexico_City">
      <ChatStateProvider>
        <MessageList conversationId={42} initial={messages} hasOlder={false} locale={locale} timeZone="America/Mexico_City" isAdmin={isAdmin} userId={ME} />
      </ChatStateProvider>
    </NextIntlClientProvider>,
  );

// The ids of the messages whose bubble has a "⋯" menu.
const withMenu = (label: string) =>
  screen.getAllByLabelText(label).map((button) => {
    const bubble = button.closest('[data-message-type]')!;
    // A deleted bubble no longer shows its content: it would come out as undefined.
    return messages.find((item) => !item.contentAttributes.deleted && bubble.textContent!.includes(item.content!))?.id;
  });

describe('the message menu (⋯ › Eliminar)', () => {
  it('shows on the agent’s own reply and note only: not on incoming, others’, automated, activity or deleted messages', () => {
    renderList();
    expect(withMenu('Acciones del mensaje')).toEqual([2, 3]);
  });

  it('an administrator has it on every reply and note (others’ and automated too), still not on incoming, activity or deleted ones', () => {
    renderList({ isAdmin: true });
    expect(withMenu('Acciones del mensaje')).toEqual([2, 3, 4, 7]);
  });

  it('the ⋯ button is a keyboard-reachable summary with an accessible name, in English too', () => {
    renderList({ locale: 'en' });
    const [button] = screen.getAllByLabelText('Message actions');
    expect(button.tagName).toBe('SUMMARY');
    expect(button.closest('details')).not.toBeNull();
    button.focus();
    expect(document.activeElement).toBe(button);
    expect(within(button.closest('details')!).getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('asks for confirmation: Cancelar goes back without deleting, Eliminar posts the conversation and the message', async () => {
    answer.received = [];
    renderList();
    const menu = screen.getAllByLabelText('Acciones del mensaje')[0].closest('details')!;
    const panel = within(menu);
    fireEvent.click(menu.querySelector('summary')!);

    fireEvent.click(panel.getByRole('button', { name: 'Eliminar' }));
    expect(panel.getByText('¿Eliminar este mensaje?')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(panel.getByRole('button', { name: 'Eliminar' })));
    fireEvent.click(panel.getByRole('button', { name: 'Cancelar' }));
    expect(panel.queryByText('¿Eliminar este mensaje?')).toBeNull();
    expect(answer.received).toEqual([]);

    fireEvent.click(panel.getByRole('button', { name: 'Eliminar' }));
    fireEvent.click(panel.getByRole('button', { name: 'Eliminar' }));
    await waitFor(() => expect(answer.received).toHaveLength(1));
    expect(Object.fromEntries(answer.received[0])).toEqual({ conversationId: '42', messageId: '2' });
  });

  it('a refused delete shows the translated error', async () => {
    answer.state = { error: 'NOT_FOUND', details: { entity: 'message' } };
    renderList();
    const panel = within(screen.getAllByLabelText('Acciones del mensaje')[0].closest('details')!);
    fireEvent.click(panel.getByRole('button', { name: 'Eliminar' }));
    fireEvent.click(panel.getByRole('button', { name: 'Eliminar' }));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    answer.state = { ok: true };
  });
});
