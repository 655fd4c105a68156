import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionState } from '@/lib/actions/action';
import es from '@/lib/i18n/messages/es';

// The composer as the chat panel renders it. Its edges are stood in for: the router, the server
// actions (the no-JavaScript post and the "Enter envía" preference) and fetch, which is how a send
// reaches POST /api/conversations/:id/messages (tests/integration covers that side).
const posted = vi.hoisted(() => ({ withoutScript: [] as FormData[] }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));
vi.mock('@/lib/actions/chat', () => ({
  sendMessageFormAction: async (_state: ActionState, formData: FormData) => {
    posted.withoutScript.push(formData);
    return {};
  },
}));
vi.mock('@/lib/actions/settings-profile', () => ({ updateEnterToSendAction: async () => ({ ok: true }) }));

const { ChatStateProvider } = await import('@/components/chat/chat-state');
const { Composer } = await import('@/components/chat/composer');

const CONVERSATION = 31;
const me = { id: 5, name: 'Laura' };
const agents = [{ id: 6, name: 'Carlos Ruiz' }];
let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  localStorage.clear();
  posted.withoutScript = [];
  fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { content: string; private: boolean };
    return Response.json({ id: 900, messageType: 'outgoing', private: body.private, senderType: 'agent', senderId: me.id, senderName: me.name, sentOutsidePlatform: false, content: body.content, contentAttributes: {}, status: 'sent', createdAt: new Date().toISOString(), attachments: [] }, { status: 201 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const renderComposer = () =>
  render(
    <NextIntlClientProvider locale="es" messages={es}>
      <ChatStateProvider>
        <Composer conversationId={CONVERSATION} agents={agents} me={me} enterToSend />
      </ChatStateProvider>
    </NextIntlClientProvider>,
  );

const noteArea = () => screen.getByRole('textbox', { name: 'Escribe una nota privada…' }) as HTMLTextAreaElement;

describe('Composer: a note whose "@Sof" names no agent (issue 13)', () => {
  it('says which names it did not recognise and sends nothing, by Enter or by the button; the text stays', async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.click(screen.getByRole('radio', { name: 'Nota privada' }));
    await user.type(noteArea(), '@Sof revisa el reembolso');
    // While typing "@Sof" the picker already said nobody matches.
    await user.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('@Sof no es ningún agente de esta bandeja: elige uno de la lista o quita la @.');

    await user.click(screen.getByRole('button', { name: /Añadir nota/ }));
    expect(screen.getByRole('alert').textContent).toContain('@Sof');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(posted.withoutScript).toEqual([]);
    expect(noteArea().value).toBe('@Sof revisa el reembolso');
    // Nothing shows as being sent either (the draft is kept for a reload).
    expect(localStorage.getItem(`bandeja:draft:${CONVERSATION}`)).toBe('@Sof revisa el reembolso');

    // Editing the text takes the message away.
    await user.type(noteArea(), '!');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names every unknown mention; once they name agents, the note is sent (the same path, so the refusal above is real)', async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.click(screen.getByRole('radio', { name: 'Nota privada' }));
    await user.type(noteArea(), '@Sof y @Pepe miren esto');
    await user.click(screen.getByRole('button', { name: /Añadir nota/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('@Sof, @Pepe no son agentes de esta bandeja: elige uno de la lista o quita la @.');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.clear(noteArea());
    await user.type(noteArea(), '@Carlos Ruiz y @Laura miren esto');
    await user.click(screen.getByRole('button', { name: /Añadir nota/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/conversations/${CONVERSATION}/messages`);
    expect(JSON.parse(String(init.body))).toMatchObject({ private: true, content: '@Carlos Ruiz y @Laura miren esto' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a reply is not checked: "@" in a reply to the customer is plain text', async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.type(screen.getByRole('textbox', { name: 'Escribe tu respuesta…' }), 'Escríbenos a @soporte{Enter}');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body))).toMatchObject({ private: false, content: 'Escríbenos a @soporte' });
  });
});
