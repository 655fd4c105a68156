'use client';

import { useParams, useRouter } from 'next/navigation';
import type Pusher from 'pusher-js';
import type { Channel } from 'pusher-js';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { browserConnectOptions } from '@/lib/realtime/browser-connect-options';
import { closeClient } from '@/lib/realtime/close-client';
import type { BrowserRealtimeConfig } from '@/lib/realtime/client-config';
import { reconnectWhenTerminated } from '@/lib/realtime/reconnect-when-terminated';
import { setActingSocket, stampFormData } from './acting-socket';
import { concernsWhatIsOpen, TRANSIENT_EVENTS } from './refresh-urgency';
import { clearSignOutMark, isSignOutForm, isSigningOut } from './sign-out-mark';
import { BACKGROUND_REFRESH_MS, noteLocalAction, useCoalescedRefresh } from './use-coalesced-refresh';
import { inboxChannel } from '@/lib/domain/events/inbox-channel';
import { userChannel } from '@/lib/domain/notifications/notification-events';

// After the app ended this user's sockets: long enough for a password change's response (the new
// session cookie) to arrive first.
const TERMINATED_RECONNECT_DELAY_MS = 2_000;

export type RealtimeMessage = { channel: string; event: string; data: Record<string, unknown> };
type Listener = (message: RealtimeMessage) => void;

// pusher-js's connection states; "offline" for the UI is any of the last three.
export type ConnectionState = 'initialized' | 'connecting' | 'connected' | 'unavailable' | 'failed' | 'disconnected';
export const isOffline = (state: ConnectionState): boolean => state === 'unavailable' || state === 'failed' || state === 'disconnected';

export type Realtime = {
  pusher: Pusher | null;
  state: ConnectionState;
  // What the banner says: the connection is down, or the browser knows it has no network (shown at
  // once; pusher-js itself only gives up, "unavailable", after 10 s of failed reconnections).
  offline: boolean;
  userId: number;
  // Every server event of the subscribed channels (client-* and pusher:* events excluded).
  listen: (listener: Listener) => () => void;
  // Re-read what the page shows, coalesced with the other events of the same burst.
  refresh: () => void;
  // A message for the agent that outlives the panel that raised it (e.g. the open conversation's
  // contact was deleted), shown by <RealtimeStatus />.
  notice: string | null;
  setNotice: (notice: string | null) => void;
};

// Exported for component tests, which provide a Realtime of their own.
export const RealtimeContext = createContext<Realtime | null>(null);

type Props = {
  config: BrowserRealtimeConfig;
  accountId: number;
  userId: number;
  inboxIds: number[];
  children: React.ReactNode;
};

// One pusher-js connection per tab, for the whole dashboard: the agent's inbox channels
// (conversations and messages) and their own user channel (mentions,
// notifications). Every event re-reads the page (coalesced: one refresh per burst), soon when it is
// about what the agent has open, within BACKGROUND_REFRESH_MS when only counts change
// (refresh-urgency.ts); components listen for what they do beyond that (typing, browser
// notifications, a deleted contact, the list's cards and the chat's messages at once). After a drop,
// the reconnection re-reads the page too, so nothing missed stays missing.
export const RealtimeProvider = ({ config, accountId, userId, inboxIds, children }: Props) => {
  const router = useRouter();
  const refresh = useCoalescedRefresh(useCallback(() => router.refresh(), [router]), undefined, { holdForLazyCode: true });
  // The conversation open in this tab, for the handlers bound once per connection.
  const openConversationId = Number(useParams<{ conversationId?: string }>().conversationId) || null;
  const openConversation = useRef(openConversationId);
  useEffect(() => {
    openConversation.current = openConversationId;
  }, [openConversationId]);
  const [pusher, setPusher] = useState<Pusher | null>(null);
  const [state, setState] = useState<ConnectionState>('initialized');
  const [notice, setNotice] = useState<string | null>(null);
  const [browserOnline, setBrowserOnline] = useState(true);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  // The layout re-renders on every refresh with an equal but new config object: connect once per value.
  // pusher-js (about 17 kB of gzip) is fetched after the page is interactive, not with its first
  // load: nothing on screen waits for the connection (bench/README.md "Whole-page speed").
  const configKey = JSON.stringify(config);
  useEffect(() => {
    const settings = JSON.parse(configKey) as BrowserRealtimeConfig;
    let client: Pusher | null = null;
    let stopReconnecting: (() => void) | undefined;
    let closed = false;
    const close = () => {
      closed = true;
      setActingSocket(null);
      stopReconnecting?.();
      if (client) closeClient(client);
    };
    // Signing out (the form marked data-sign-out): this tab's connection ends at once, and one still
    // loading never starts, so no channel is authorised again with the session being ended. A
    // sign-out submitted before this effect ran has marked the page (sign-out-mark.ts).
    const closeOnSignOut = (event: SubmitEvent) => {
      if (isSignOutForm(event.target)) close();
    };
    document.addEventListener('submit', closeOnSignOut, true);
    void import('pusher-js').then(({ default: PusherClient }) => {
      if (closed || isSigningOut()) return;
      const connection = new PusherClient(settings.key, browserConnectOptions(settings, { endpoint: settings.authEndpoint }, settings.userAuthEndpoint));
      client = connection;
      // Signed in, the app can end this socket when the agent's access shrinks; it then reconnects.
      client.signin();
      stopReconnecting = reconnectWhenTerminated(client, TERMINATED_RECONNECT_DELAY_MS);
      let connectedBefore = false;
      client.connection.bind('state_change', ({ current }: { current: ConnectionState }) => {
        setState(current);
        // A closed client's last states (its disconnect comes a task later) are no longer this tab's
        // connection, which may be a new client's by then.
        if (!closed) setActingSocket(current === 'connected' ? connection.connection.socket_id : null);
        if (current !== 'connected') return;
        // A reconnection: what happened while offline was not heard, so re-read.
        if (connectedBefore) refresh();
        connectedBefore = true;
      });
      setPusher(client);
    });
    return () => {
      document.removeEventListener('submit', closeOnSignOut, true);
      close();
      setPusher(null);
    };
  }, [configKey, refresh]);

  useEffect(() => clearSignOutMark, []);

  // Every form post of this tab (server actions, the composer) holds re-reads back for a moment, and
  // a post to an action names this tab's connection, which its events then leave out (acting-socket.ts).
  useEffect(() => {
    document.addEventListener('submit', noteLocalAction, true);
    document.addEventListener('formdata', stampFormData, true);
    return () => {
      document.removeEventListener('submit', noteLocalAction, true);
      document.removeEventListener('formdata', stampFormData, true);
    };
  }, []);

  const inboxKey = inboxIds.join(',');
  useEffect(() => {
    if (!pusher) return;
    const names = [userChannel(userId), ...inboxKey.split(',').filter(Boolean).map((id) => inboxChannel({ accountId, inboxId: Number(id) }))];
    const channels: Channel[] = names.map((name) => {
      const channel = pusher.subscribe(name);
      channel.bind_global((event: string, data: unknown) => {
        if (event.startsWith('pusher:') || event.startsWith('client-')) return;
        const message = { channel: name, event, data: (data ?? {}) as Record<string, unknown> };
        for (const listener of listeners.current) listener(message);
        if (TRANSIENT_EVENTS.has(event)) return;
        refresh(concernsWhatIsOpen(name, event, message.data, openConversation.current) ? undefined : BACKGROUND_REFRESH_MS);
      });
      return channel;
    });
    return () => {
      for (const channel of channels) {
        channel.unbind_global();
        pusher.unsubscribe(channel.name);
      }
    };
  }, [pusher, accountId, userId, inboxKey, refresh]);

  const listen = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const offline = isOffline(state) || !browserOnline;
  const value = useMemo(() => ({ pusher, state, offline, userId, listen, refresh, notice, setNotice }), [pusher, state, offline, userId, listen, refresh, notice]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
};

// The tab's realtime connection; null outside the dashboard (e.g. component tests of a panel).
export const useRealtime = (): Realtime | null => useContext(RealtimeContext);

// Calls `onEvent` for every realtime event while the component is mounted (the latest callback,
// without resubscribing on each render).
export const useRealtimeEvents = (onEvent: Listener): void => {
  const realtime = useRealtime();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  const listen = realtime?.listen;
  useEffect(() => listen?.((message) => latest.current(message)), [listen]);
};
