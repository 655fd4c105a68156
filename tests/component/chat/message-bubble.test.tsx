import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { MessageBubble, type DisplayMessage } from '@/components/chat/message-bubble';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

const base: DisplayMessage = {
  id: 1,
  messageType: 'incoming',
  private: false,
  senderType: 'contact',
  senderId: 7,
  senderName: 'Pedro Gómez',
  sentOutsidePlatform: false,
  content: 'Hola',
  contentAttributes: {},
  status: 'sent',
  createdAt: new Date('2026-11-20T15:04:00Z'),
  attachments: [],
};

const renderBubble = (message: Partial<DisplayMessage>, locale: 'es' | 'en' = 'es', isAdmin = false) =>
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'es' ? es : en} timeZone="America/Mexico_City">
      <MessageBubble message={{ ...base, ...message }} locale={locale} timeZone="America/Mexico_City" isAdmin={isAdmin} />
    </NextIntlClientProvider>,
  );

const bubble = (container: HTMLElement) => container.querySelector('[data-message-type]') as HTMLElement;

describe('MessageBubble', () => {
  it('a deleted message (API DELETE, Chatwoot content) shows the translated note, not the stored English', () => {
    const deleted = { content: 'This message was deleted', contentAttributes: { deleted: true } };
    expect(renderBubble(deleted).container.textContent).toContain('Este mensaje fue eliminado');
    expect(renderBubble(deleted).container.textContent).not.toContain('This message was deleted');
    expect(renderBubble(deleted, 'en').container.textContent).toContain('This message was deleted');
  });

  it('B1: an incoming message sits on the left, white', () => {
    const { container } = renderBubble({});
    expect(bubble(container).dataset.messageType).toBe('incoming');
    expect(bubble(container).className).toContain('self-start');
    expect(bubble(container).className).toContain('bg-white');
  });

  it('B2: an agent reply sits on the right, blue, and says who sent it', () => {
    const { container } = renderBubble({ messageType: 'outgoing', senderType: 'agent', senderName: 'Carlos Ruiz' });
    expect(bubble(container).dataset.messageType).toBe('outgoing');
    expect(bubble(container).className).toContain('self-end');
    expect(bubble(container).className).toContain('bg-brand-600');
    expect(bubble(container).textContent).toContain('Carlos Ruiz');
    expect(bubble(container).title).toContain('Carlos Ruiz');
  });

  it('B3: automated or sent outside the platform is purple', () => {
    const { container } = renderBubble({ messageType: 'outgoing', senderType: 'automation', senderName: null, sentOutsidePlatform: true });
    expect(bubble(container).dataset.messageType).toBe('automated');
    expect(bubble(container).className).toContain('bg-violet-600');
    expect(bubble(container).textContent).toContain('enviado fuera de la plataforma');
  });

  it('B4: an activity message is centred and re-rendered in the reader’s language', () => {
    const activity = { action: 'priority_changed', priority: 'urgent', previousPriority: 'none', actorId: 2, actorName: 'Laura Méndez' };
    const { container } = renderBubble({ messageType: 'activity', senderType: 'system', content: 'texto guardado', contentAttributes: { activity } }, 'en');
    expect(bubble(container).dataset.messageType).toBe('activity');
    expect(bubble(container).className).toContain('mx-auto');
    expect(bubble(container).textContent).toMatch(/Laura Méndez .*urgent/i);
  });

  it('B5: a private note is marked as such', () => {
    const { container } = renderBubble({ messageType: 'outgoing', senderType: 'agent', private: true, content: 'Solo para el equipo' });
    expect(bubble(container).dataset.messageType).toBe('private');
    expect(screen.getByText('Nota privada')).toBeTruthy();
  });

  it('renders text safely: HTML stays text, links are clickable, mentions show as names', () => {
    const { container } = renderBubble({ content: '<img src=x onerror=alert(1)> ver https://ejemplo.com/pedido?id=3 @[Sofía Herrera](user:4)' });
    expect(container.querySelector('img')).toBeNull();
    expect(bubble(container).textContent).toContain('<img src=x onerror=alert(1)>');
    const link = screen.getByRole('link', { name: 'https://ejemplo.com/pedido?id=3' });
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(bubble(container).textContent).toContain('@Sofía Herrera');
    expect(bubble(container).textContent).not.toContain('user:4');
  });

  it('shows attachments inline by kind', () => {
    const { container } = renderBubble({
      attachments: [
        { id: 10, kind: 'image', fileName: 'foto.png', mimeType: 'image/png', size: 1000, duration: null, isVoiceNote: false },
        { id: 11, kind: 'audio', fileName: 'nota.webm', mimeType: 'audio/webm', size: 2000, duration: 14.6, isVoiceNote: true },
        { id: 12, kind: 'file', fileName: 'factura.pdf', mimeType: 'application/pdf', size: 2_500_000, duration: null, isVoiceNote: false },
      ],
    });
    expect(container.querySelector('img')?.getAttribute('src')).toBe('/api/attachments/10');
    expect(container.querySelector('audio')?.getAttribute('src')).toBe('/api/attachments/11');
    expect(bubble(container).textContent).toContain('0:15');
    expect(screen.getByRole('link', { name: /factura\.pdf/ }).getAttribute('href')).toBe('/api/attachments/12');
  });

  it('an email reply only stored in the outbox tells administrators why it is not sent; agents see no hint', () => {
    const outboxed = { messageType: 'outgoing' as const, senderType: 'agent' as const, status: 'sending' as const, contentAttributes: { emailOutbox: true } };
    renderBubble(outboxed, 'es', true);
    expect(screen.getByText(/guardado en la bandeja de salida \(no hay proveedor de correo configurado\)/)).toBeTruthy();
    renderBubble(outboxed, 'en', true);
    expect(screen.getByText(/stored in the outbox \(no mail provider configured\)/)).toBeTruthy();
    const { container } = renderBubble(outboxed, 'en', false);
    expect(bubble(container).textContent).not.toContain('outbox');
  });

  it('an email shows its subject; a customer auto-reply is marked; a reply says how far it was delivered', () => {
    const { container, unmount } = renderBubble({ contentAttributes: { email: { subject: 'Pedido 123', autoReply: true } } });
    expect(bubble(container).textContent).toContain('Asunto: Pedido 123');
    expect(bubble(container).textContent).toContain('Respuesta automática');
    unmount();
    for (const [status, text] of [['sent', '✓ enviado'], ['delivered', '✓✓ entregado'], ['read', '✓✓ leído']] as const) {
      const reply = renderBubble({ messageType: 'outgoing', senderType: 'agent', senderName: 'Carlos Ruiz', status });
      expect(screen.getByTestId('delivery-status').textContent).toContain(text);
      reply.unmount();
    }
    const note = renderBubble({ messageType: 'outgoing', senderType: 'agent', private: true, status: 'sent' });
    expect(note.container.querySelector('[data-testid="delivery-status"]')).toBeNull();
  });

  it('mentions in a note are highlighted', () => {
    const { container } = renderBubble({ messageType: 'outgoing', senderType: 'agent', private: true, content: '@[Sofía Herrera](user:4) mira esto' });
    const mention = container.querySelector('[data-mention="4"]') as HTMLElement;
    expect(mention.textContent).toBe('@Sofía Herrera');
    expect(mention.className).toContain('bg-brand-100');
  });
});
