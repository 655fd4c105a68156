import { act, render, renderHook, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DisplayMessage } from '@/components/chat/message-bubble';
import { mergeMessages } from '@/components/chat/merge-messages';
import { TypingIndicator, TypingText } from '@/components/chat/typing-indicator';
import { ConversationPresence, CUSTOMER_TYPING_EXPIRY_MS } from '@/components/realtime/conversation-presence';
import { RealtimeContext, type RealtimeMessage } from '@/components/realtime/realtime-provider';
import { replaceFirstPage } from '@/components/conversation-list/replace-first-page';
import { concernsWhatIsOpen } from '@/components/realtime/refresh-urgency';
import { lazyComponent } from '@/components/ui/lazy-component';
import {
  BACKGROUND_REFRESH_MS,
  LOCAL_ACTION_QUIET_MS,
  noteLocalAction,
  REFRESH_DELAY_MS,
  REFRESH_MIN_INTERVAL_MS,
  useCoalescedRefresh,
} from '@/components/realtime/use-coalesced-refresh';
import type { PreviewCard } from '@/lib/domain/conversations/list/load-preview-cards';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

const renderTyping = (typists: Parameters<typeof TypingText>[0]['typists'], locale: 'es' | 'en' = 'es') =>
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'es' ? es : en}>
      <TypingText typists={typists} />
    </NextIntlClientProvider>,
  );

describe('TypingText', () => {
  it('says who is typing a reply, and labels a private note as one', () => {
    renderTyping([
      { userId: 2, name: 'Carlos Ruiz', isPrivate: false },
      { userId: 3, name: 'Sofía Herrera', isPrivate: true },
    ]);
    expect(screen.getByTestId('typing-indicator').textContent).toBe('Carlos Ruiz está escribiendo… · Sofía Herrera está escribiendo una nota privada…');
  });

  it('in English, and empty (but announced politely) when nobody types', () => {
    const { unmount } = renderTyping([{ userId: 2, name: 'Carlos', isPrivate: true }], 'en');
    expect(screen.getByTestId('typing-indicator').textContent).toBe('Carlos is typing a private note…');
    unmount();
    renderTyping([]);
    expect(screen.getByTestId('typing-indicator').textContent).toBe('');
    expect(screen.getByTestId('typing-indicator').getAttribute('aria-live')).toBe('polite');
  });
});

describe('the customer typing (client API toggle_typing on the inbox channel)', () => {
  afterEach(() => vi.useRealTimers());

  it('shows "El cliente está escribiendo…" for this conversation until typing_off, their message, or expiry', () => {
    vi.useFakeTimers();
    const listeners = new Set<(message: RealtimeMessage) => void>();
    const refresh = vi.fn();
    const realtime = {
      pusher: null,
      state: 'connected' as const,
      offline: false,
      userId: 1,
      listen: (listener: (message: RealtimeMessage) => void) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      refresh,
      notice: null,
      setNotice: () => {},
    };
    render(
      <NextIntlClientProvider locale="es" messages={es}>
        <RealtimeContext.Provider value={realtime}>
          <ConversationPresence conversationId={42} me={{ id: 1, name: 'Laura' }} agents={[]}>
            <TypingIndicator />
          </ConversationPresence>
        </RealtimeContext.Provider>
      </NextIntlClientProvider>,
    );
    const emit = (event: string, data: Record<string, unknown>) => act(() => listeners.forEach((listener) => listener({ channel: 'private-account-1-inbox-1', event, data })));
    const text = () => screen.getByTestId('typing-indicator').textContent;

    emit('conversation.typing_on', { conversationId: 7, contact: true });
    expect(text()).toBe('');
    emit('conversation.typing_on', { conversationId: 42, contact: true });
    expect(text()).toBe('El cliente está escribiendo…');
    emit('conversation.typing_off', { conversationId: 42, contact: true });
    expect(text()).toBe('');

    emit('conversation.typing_on', { conversationId: 42, contact: true });
    emit('message.created', { conversationId: 42, messageId: 9, messageType: 'incoming' });
    expect(text()).toBe('');

    emit('conversation.typing_on', { conversationId: 42, contact: true });
    act(() => vi.advanceTimersByTime(CUSTOMER_TYPING_EXPIRY_MS + 10));
    expect(text()).toBe('');
  });
});

const message = (id: number, at: string, content = `m${id}`): DisplayMessage => ({
  id,
  messageType: 'incoming',
  private: false,
  senderType: 'contact',
  senderId: 1,
  senderName: 'Pedro',
  sentOutsidePlatform: false,
  content,
  contentAttributes: {},
  status: 'sent',
  createdAt: new Date(at),
  attachments: [],
});

describe('mergeMessages (live chat)', () => {
  it('keeps each message once, the newer copy, in time order, and keeps what slid out of the latest page', () => {
    const seen = [message(1, '2026-01-01T10:00:00Z'), message(2, '2026-01-01T10:01:00Z'), message(3, '2026-01-01T10:02:00Z')];
    const latest = [message(2, '2026-01-01T10:01:00Z'), message(3, '2026-01-01T10:02:00Z', 'edited'), message(5, '2026-01-01T10:03:00Z'), message(4, '2026-01-01T10:03:00Z')];
    const merged = mergeMessages(seen, latest);
    expect(merged.map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(merged[2].content).toBe('edited');
  });
});

const card = (id: number) => ({ id }) as PreviewCard;

describe('replaceFirstPage (live list)', () => {
  it('replaces the first page; later pages stay without the cards that moved up', () => {
    const shown = [card(1), card(2), card(3), card(4), card(5)];
    expect(replaceFirstPage(shown, 3, [card(5), card(1), card(3)]).map((item) => item.id)).toEqual([5, 1, 3, 4]);
  });

  it('with only the first page loaded, shows the new one as is (cards that left the view disappear)', () => {
    expect(replaceFirstPage([card(1), card(2)], 2, [card(2)]).map((item) => item.id)).toEqual([2]);
  });
});

describe('useCoalescedRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once per burst, never closer together than the minimum interval', () => {
    const run = vi.fn();
    const { result } = renderHook(() => useCoalescedRefresh(run));
    act(() => {
      for (let index = 0; index < 20; index += 1) result.current();
    });
    act(() => void vi.advanceTimersByTime(REFRESH_DELAY_MS - 1));
    expect(run).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1));
    expect(run).toHaveBeenCalledTimes(1);

    act(() => result.current());
    act(() => void vi.advanceTimersByTime(REFRESH_DELAY_MS));
    expect(run).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(REFRESH_MIN_INTERVAL_MS));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a request that can wait runs once per BACKGROUND_REFRESH_MS; one that cannot brings it forward and answers both', () => {
    const run = vi.fn();
    const { result } = renderHook(() => useCoalescedRefresh(run));
    act(() => result.current(BACKGROUND_REFRESH_MS));
    act(() => void vi.advanceTimersByTime(BACKGROUND_REFRESH_MS / 2));
    // More changes elsewhere do not push it back.
    act(() => result.current(BACKGROUND_REFRESH_MS));
    act(() => void vi.advanceTimersByTime(BACKGROUND_REFRESH_MS / 2 - 1));
    expect(run).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1));
    expect(run).toHaveBeenCalledTimes(1);

    // A change to the open conversation: the page re-reads soon, and that run is the only one.
    act(() => result.current(BACKGROUND_REFRESH_MS));
    act(() => void vi.advanceTimersByTime(REFRESH_MIN_INTERVAL_MS));
    act(() => result.current());
    act(() => void vi.advanceTimersByTime(REFRESH_DELAY_MS));
    expect(run).toHaveBeenCalledTimes(2);
    act(() => void vi.advanceTimersByTime(BACKGROUND_REFRESH_MS * 2));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a hidden tab re-reads once when it is shown again', () => {
    const run = vi.fn();
    const { result } = renderHook(() => useCoalescedRefresh(run, 50));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => result.current());
    act(() => void vi.advanceTimersByTime(5000));
    expect(run).not.toHaveBeenCalled();
    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    act(() => void vi.advanceTimersByTime(REFRESH_MIN_INTERVAL_MS));
    expect(run).toHaveBeenCalledTimes(1);
    visibility.mockRestore();
  });

  it("holds back while the agent's own form posts run", () => {
    const run = vi.fn();
    const { result } = renderHook(() => useCoalescedRefresh(run, 50));
    act(() => {
      noteLocalAction();
      result.current();
    });
    act(() => void vi.advanceTimersByTime(LOCAL_ACTION_QUIET_MS - 100));
    expect(run).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(200));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("the page's re-render holds back while a lazy part of the page loads its code (it would drop its server HTML); the list's and the chat's re-reads do not", async () => {
    let finish: (component: ComponentType) => void = () => undefined;
    const Lazy = lazyComponent(() => new Promise<ComponentType>((resolve) => (finish = resolve)));
    void Lazy.preload();
    const page = vi.fn();
    const list = vi.fn();
    const { result } = renderHook(() => ({ page: useCoalescedRefresh(page, 50, { holdForLazyCode: true }), list: useCoalescedRefresh(list, 50) }));
    act(() => {
      result.current.page();
      result.current.list();
    });
    act(() => void vi.advanceTimersByTime(REFRESH_MIN_INTERVAL_MS * 3));
    expect(page).not.toHaveBeenCalled();
    expect(list).toHaveBeenCalledTimes(1);
    await act(async () => finish(() => null));
    act(() => void vi.advanceTimersByTime(100));
    expect(page).toHaveBeenCalledTimes(1);
  });
});

describe('concernsWhatIsOpen (how soon a realtime event re-reads the page)', () => {
  const inbox = 'private-account-1-inbox-3';
  it('soon: the open conversation, the agent\'s own channel, the account\'s, a contact', () => {
    expect(concernsWhatIsOpen(inbox, 'message.created', { conversationId: 42 }, 42)).toBe(true);
    expect(concernsWhatIsOpen('private-user-7', 'notification.created', {}, null)).toBe(true);
    expect(concernsWhatIsOpen('private-account-1', 'conversation.updated', { conversationId: 9 }, 42)).toBe(true);
    expect(concernsWhatIsOpen(inbox, 'contact.updated', { contactId: 5 }, 42)).toBe(true);
  });
  it('later: another conversation of an inbox, or any while none is open', () => {
    expect(concernsWhatIsOpen(inbox, 'message.created', { conversationId: 9 }, 42)).toBe(false);
    expect(concernsWhatIsOpen(inbox, 'conversation.status_changed', { conversationId: 42 }, null)).toBe(false);
    expect(concernsWhatIsOpen(inbox, 'conversation.created', { conversationId: '42' }, 42)).toBe(false);
  });
});
