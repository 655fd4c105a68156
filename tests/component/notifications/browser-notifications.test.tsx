import { act, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserPermissionButton } from '@/components/notifications/browser-notifications';
import { BrowserNotifier } from '@/components/notifications/browser-notifier';
import { RealtimeContext, type Realtime, type RealtimeMessage } from '@/components/realtime/realtime-provider';
import es from '@/lib/i18n/messages/es';

// The browser's Notification API, stubbed at its edge (jsdom has none): what the app asks for and shows.
type Shown = { title: string; options?: NotificationOptions };
const shown: Shown[] = [];
let answer: NotificationPermission = 'granted';
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = answer;
    return answer;
  });
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, options });
  }
  close() {}
}

let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  shown.length = 0;
  answer = 'granted';
  FakeNotification.permission = 'default';
  FakeNotification.requestPermission.mockClear();
  Object.assign(window, { Notification: FakeNotification });
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
});

afterEach(() => {
  delete (window as Partial<Window & { Notification: unknown }>).Notification;
});

const withIntl = (children: React.ReactNode) => (
  <NextIntlClientProvider locale="es" messages={es}>
    {children}
  </NextIntlClientProvider>
);

describe('BrowserPermissionButton', () => {
  it('asks for the permission only when pressed, then says it is on', async () => {
    render(withIntl(<BrowserPermissionButton />));
    const button = await screen.findByRole('button', { name: 'Activar notificaciones del navegador' });
    // Never asked on render.
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(button));
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Notificaciones del navegador activadas')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says the browser blocks them when the agent refuses', async () => {
    answer = 'denied';
    render(withIntl(<BrowserPermissionButton />));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Activar notificaciones del navegador' })));
    expect(await screen.findByText('El navegador bloquea las notificaciones de bandeja')).toBeTruthy();
  });

  it('shows no button when already granted, or when the browser has no notifications', async () => {
    FakeNotification.permission = 'granted';
    const { unmount } = render(withIntl(<BrowserPermissionButton />));
    expect(await screen.findByText('Notificaciones del navegador activadas')).toBeTruthy();
    unmount();
    delete (window as Partial<Window & { Notification: unknown }>).Notification;
    const { container } = render(withIntl(<BrowserPermissionButton />));
    expect(container.textContent).toBe('');
  });
});

describe('BrowserNotifier', () => {
  // A realtime connection of the test's own: `emit` plays a server event to the listeners.
  const listeners = new Set<(message: RealtimeMessage) => void>();
  const realtime: Realtime = {
    pusher: null,
    state: 'connected',
    offline: false,
    userId: 7,
    listen: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    refresh: () => {},
    notice: null,
    setNotice: () => {},
  };
  const emit = (event: string, data: Record<string, unknown>) => act(() => listeners.forEach((listener) => listener({ channel: 'private-user-7', event, data })));
  const created = { notificationId: 41, type: 'participating_message', conversationId: 12 };
  const renderNotifier = (enabled = true) =>
    render(withIntl(<RealtimeContext.Provider value={realtime}>{<BrowserNotifier enabled={enabled} />}</RealtimeContext.Provider>));

  // The notifier first asks the service worker whether this device has a Web Push subscription.
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  const setPushSubscription = (subscription: object | null) =>
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { getRegistration: async () => ({ pushManager: { getSubscription: async () => subscription } }) },
    });
  afterEach(() => {
    delete (navigator as Partial<Navigator & { serviceWorker: unknown }>).serviceWorker;
  });

  it('shows a notification only while the tab is hidden', async () => {
    FakeNotification.permission = 'granted';
    renderNotifier();
    emit('notification.created', created);
    await settle();
    expect(shown).toHaveLength(0);

    visibility = 'hidden';
    emit('notification.created', created);
    await settle();
    expect(shown).toEqual([{ title: 'bandeja', options: { body: 'Nuevo mensaje en una conversación en la que participas', tag: 'bandeja-notification-41' } }]);

    // Other events never show one.
    emit('message.created', { conversationId: 12 });
    await settle();
    expect(shown).toHaveLength(1);
  });

  it('leaves it to Web Push when this device is subscribed, and shows it when it is not', async () => {
    FakeNotification.permission = 'granted';
    visibility = 'hidden';
    setPushSubscription({ endpoint: 'https://push.example/1' });
    renderNotifier();
    emit('notification.created', created);
    await settle();
    expect(shown).toHaveLength(0);

    setPushSubscription(null);
    emit('notification.created', created);
    await settle();
    expect(shown).toHaveLength(1);
  });

  it('shows nothing without the permission, or when the agent switched them off', async () => {
    visibility = 'hidden';
    const { unmount } = renderNotifier();
    emit('notification.created', created);
    FakeNotification.permission = 'denied';
    emit('notification.created', created);
    unmount();
    FakeNotification.permission = 'granted';
    renderNotifier(false);
    emit('notification.created', created);
    await settle();
    expect(shown).toHaveLength(0);
  });
});
