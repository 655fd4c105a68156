'use client';

import Pusher from 'pusher-js';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WidgetView } from '@/lib/domain/channels/widget/widget-session';
import { browserConnectOptions } from '@/lib/realtime/browser-connect-options';
import type { BrowserRealtimeConfig } from '@/lib/realtime/client-config';

export type WidgetStrings = Record<
  | 'close'
  | 'messages'
  | 'empty'
  | 'you'
  | 'placeholder'
  | 'send'
  | 'attach'
  | 'sending'
  | 'failed'
  | 'retry'
  | 'offline'
  | 'resolved'
  | 'loadFailed'
  | 'refused'
  | 'rateLimited'
  | 'tooLarge'
  | 'verifiedVisitor'
  | 'deleted'
  // Raw templates with {name}, filled here.
  | 'typing'
  | 'removeFile'
  | 'saved',
  string
> & { ask: Record<'title' | 'hint' | 'name' | 'email' | 'save' | 'skip' | 'invalidEmail', string> };

type Props = {
  inbox: { identifier: string; title: string; tagline: string; color: string };
  strings: WidgetStrings;
  realtime: BrowserRealtimeConfig;
};

// A message the visitor wrote that the server has not accepted yet. Text-only ones are kept in
// localStorage too, so a reload or a lost connection never loses them: they are sent again (the
// echo id makes a repeat a no-op on the server).
type Pending = { echoId: string; content: string; file: File | null; failed: boolean };

const POLL_MS = 4000;
// The server's cap (lib/domain/attachments/store-upload.ts), checked here before a long upload.
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const TYPING_EXPIRY_MS = 6000;
const fill = (template: string, name: string) => template.replace('{name}', name);
// crypto.randomUUID needs a secure context, which a site on plain http is not.
const newEchoId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
const toParent = (data: Record<string, unknown>) => {
  if (window.parent !== window) window.parent.postMessage(data, '*');
};
// Whether the iframe may keep anything: browsers that block third-party storage refuse it.
const storageWorks = () => {
  try {
    window.localStorage.setItem('bandeja-widget:probe', '1');
    window.localStorage.removeItem('bandeja-widget:probe');
    return true;
  } catch {
    return false;
  }
};
const storage = {
  get: (key: string) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string) => {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Storage blocked (private mode, third-party storage off): the session lasts this page only.
    }
  },
};

const PaperClip = () => (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
    <path d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9" />
  </svg>
);

// The website widget's chat (issue #7), in the iframe on the app's origin: the visitor's session
// (token in localStorage), their conversation, sending with retries, agents' replies and typing
// live on the visitor's channel, and polling every few seconds while realtime is unavailable.
export const WidgetChat = ({ inbox, strings, realtime }: Props) => {
  const api = `/api/widget/${encodeURIComponent(inbox.identifier)}`;
  const tokenKey = `bandeja-widget:${inbox.identifier}`;
  const pendingKey = `${tokenKey}:pending`;
  const [token, setToken] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [view, setView] = useState<WidgetView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [live, setLive] = useState(false);
  const [typing, setTyping] = useState<{ name: string; until: number } | null>(null);
  const [draft, setDraft] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [ask, setAsk] = useState<'hidden' | 'open' | 'saved'>('hidden');
  const [askError, setAskError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const bottom = useRef<HTMLLIElement>(null);

  const call = useCallback(
    (path: string, init: RequestInit = {}) => fetch(`${api}${path}`, { ...init, headers: { ...init.headers, 'X-Bandeja-Visitor': token ?? '' }, cache: 'no-store' }),
    [api, token],
  );

  const refresh = useCallback(async () => {
    if (!token) return;
    const response = await call('/messages').catch(() => null);
    if (response?.ok) setView((await response.json()) as WidgetView);
  }, [call, token]);

  // The session: the stored token renewed (or a new visitor), with the host page's identity.
  useEffect(() => {
    toParent({ type: 'bandeja:ready', color: inbox.color });
    let identity: Record<string, string> = {};
    try {
      identity = JSON.parse(decodeURIComponent(window.location.hash.slice(1)) || '{}') as Record<string, string>;
    } catch {
      identity = {};
    }
    const start = async () => {
      // The token from the iframe's storage; where that is blocked, the one the host page keeps for
      // us (passed in the fragment). Only then is the new token handed to the host page: a token
      // from this iframe's own storage never goes to whichever page embeds it.
      const ownStorage = storageWorks();
      const previous = ownStorage ? storage.get(tokenKey) : (identity.token ?? null);
      const response = await fetch(`${api}/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...(identity.identifier ? { identifier: identity.identifier, identifierHash: identity.identifierHash ?? '' } : {}), ...(previous ? { token: previous } : {}) }),
      }).catch(() => null);
      if (!response?.ok) {
        setLoadError(response?.status === 403 ? strings.refused : strings.loadFailed);
        return;
      }
      const session = (await response.json()) as WidgetView & { token: string; channel: string };
      if (ownStorage) storage.set(tokenKey, session.token);
      else toParent({ type: 'bandeja:token', token: session.token });
      setToken(session.token);
      setChannel(session.channel);
      setView(session);
      const saved = JSON.parse(storage.get(pendingKey) ?? '[]') as Array<{ echoId: string; content: string }>;
      if (saved.length) setPending(saved.map((item) => ({ ...item, file: null, failed: true })));
    };
    void start();
  }, [api, tokenKey, pendingKey, inbox.color, strings.refused, strings.loadFailed]);

  // Unsent text survives a reload.
  useEffect(() => {
    if (token) storage.set(pendingKey, JSON.stringify(pending.filter((item) => !item.file).map(({ echoId, content }) => ({ echoId, content }))));
  }, [pending, pendingKey, token]);

  const deliver = useCallback(
    async (item: Pending) => {
      setPending((list) => list.map((entry) => (entry.echoId === item.echoId ? { ...entry, failed: false } : entry)));
      let body: BodyInit;
      const headers: Record<string, string> = {};
      if (item.file) {
        const form = new FormData();
        form.set('content', item.content);
        form.set('echoId', item.echoId);
        form.set('file', item.file);
        body = form;
      } else {
        body = JSON.stringify({ content: item.content, echoId: item.echoId });
        headers['Content-Type'] = 'application/json';
      }
      const response = await call('/messages', { method: 'POST', body, headers }).catch(() => null);
      if (response?.ok) {
        const result = (await response.json()) as WidgetView;
        setView(result);
        setPending((list) => list.filter((entry) => entry.echoId !== item.echoId));
        setNotice(null);
        if (!result.visitor.email && !storage.get(`${tokenKey}:asked`)) setAsk((state) => (state === 'hidden' ? 'open' : state));
        return;
      }
      const status = response?.status ?? 0;
      if (status === 413 || status === 422 || status === 400) {
        // Refused for good: the text goes back into the composer.
        setPending((list) => list.filter((entry) => entry.echoId !== item.echoId));
        setDraft((text) => text || item.content);
        setNotice(status === 413 ? strings.tooLarge : strings.loadFailed);
        return;
      }
      if (status === 429) setNotice(strings.rateLimited);
      setPending((list) => list.map((entry) => (entry.echoId === item.echoId ? { ...entry, failed: true } : entry)));
    },
    [call, tokenKey, strings.tooLarge, strings.loadFailed, strings.rateLimited],
  );

  // Live: the visitor's own channel. While it is not connected, poll and resend what failed.
  useEffect(() => {
    if (!token || !channel) return;
    const client = new Pusher(realtime.key, browserConnectOptions(realtime, { endpoint: '/api/widget/realtime-auth', headers: { 'X-Bandeja-Visitor': token } }));
    let subscribed = false;
    let connected = false;
    const update = () => setLive(connected && subscribed);
    client.connection.bind('state_change', ({ current }: { current: string }) => {
      const wasConnected = connected;
      connected = current === 'connected';
      update();
      if (connected && !wasConnected) void refresh();
    });
    const visitorChannel = client.subscribe(channel);
    visitorChannel.bind('pusher:subscription_succeeded', () => {
      subscribed = true;
      update();
    });
    visitorChannel.bind('pusher:subscription_error', () => {
      subscribed = false;
      update();
    });
    visitorChannel.bind('message.created', () => {
      setTyping(null);
      void refresh();
    });
    // A message deleted by an agent: re-read, its bubble shows "This message was deleted".
    visitorChannel.bind('message.updated', () => void refresh());
    visitorChannel.bind('typing.started', (data: { name?: string }) => setTyping({ name: data.name ?? '', until: Date.now() + TYPING_EXPIRY_MS }));
    visitorChannel.bind('typing.stopped', () => setTyping(null));
    return () => client.disconnect();
  }, [token, channel, realtime, refresh]);

  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  useEffect(() => {
    if (!token) return;
    const timer = setInterval(() => {
      if (!live) void refresh();
      pendingRef.current.filter((item) => item.failed && !item.file).forEach((item) => void deliver(item));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [token, live, refresh, deliver]);

  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setTyping(null), Math.max(0, typing.until - Date.now()));
    return () => clearTimeout(timer);
  }, [typing]);

  // Escape closes the window (the loader on the host page does it); the launcher's open focuses the composer.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') toParent({ type: 'bandeja:close' });
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source === window.parent && (event.data as { type?: string } | null)?.type === 'bandeja:open') input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('message', onMessage);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('message', onMessage);
    };
  }, []);

  const count = (view?.messages.length ?? 0) + pending.length;
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [count, typing]);

  const send = (event?: React.FormEvent) => {
    event?.preventDefault();
    const content = draft.trim();
    if (!token || (!content && !file)) return;
    if (file && file.size > MAX_FILE_BYTES) {
      setNotice(strings.tooLarge);
      return;
    }
    const item: Pending = { echoId: newEchoId(), content, file, failed: false };
    setPending((list) => [...list, item]);
    setDraft('');
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    void deliver(item);
  };

  const saveContact = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const response = await call('/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...(name ? { name } : {}), ...(email ? { email } : {}) }),
    }).catch(() => null);
    if (!response?.ok) {
      setAskError(response?.status === 422 ? strings.ask.invalidEmail : strings.loadFailed);
      return;
    }
    storage.set(`${tokenKey}:asked`, '1');
    setAsk('saved');
    setAskError(null);
    setView((current) => (current ? { ...current, visitor: { ...current.visitor, name: name || current.visitor.name, email: email || current.visitor.email } } : current));
  };

  const skipAsk = () => {
    storage.set(`${tokenKey}:asked`, '1');
    setAsk('hidden');
  };

  return (
    <div className="flex h-full flex-col bg-white text-slate-900">
      <header className="flex items-start gap-2 px-4 py-3 text-white" style={{ backgroundColor: inbox.color }}>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-semibold">{inbox.title}</h1>
          <p className="text-sm opacity-90">{inbox.tagline}</p>
          {view?.visitor.verified && <p className="text-xs opacity-90">✓ {strings.verifiedVisitor}</p>}
        </div>
        <button type="button" onClick={() => toParent({ type: 'bandeja:close' })} aria-label={strings.close} className="rounded p-1 text-xl leading-none hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-white">
          ×
        </button>
      </header>
      {loadError ? (
        <p role="alert" className="p-4 text-sm text-red-700">
          {loadError}
        </p>
      ) : (
        <>
          {!live && token && (
            <p role="status" className="bg-amber-50 px-4 py-1 text-xs text-amber-900">
              {strings.offline}
            </p>
          )}
          <ol aria-label={strings.messages} aria-live="polite" className="flex-1 space-y-2 overflow-y-auto p-3" data-testid="widget-messages">
            {view && count === 0 && <li className="text-sm text-slate-500">{strings.empty}</li>}
            {view?.messages.map((message) => (
              <li key={message.id} className={`flex ${message.incoming ? 'justify-end' : 'justify-start'}`}>
                <div className={`max-w-[85%] rounded-lg px-3 py-2 text-sm break-words whitespace-pre-wrap ${message.incoming ? 'text-white' : 'bg-slate-100'}`} style={message.incoming ? { backgroundColor: inbox.color } : undefined}>
                  {!message.incoming && message.senderName && <p className="text-xs font-semibold text-slate-600">{message.senderName}</p>}
                  {message.deleted ? <span className="italic opacity-80">{strings.deleted}</span> : message.content}
                  {message.attachments.map((attachment) => (
                    <a key={attachment.id} href={attachment.url} target="_blank" rel="noopener noreferrer" className="mt-1 block underline">
                      {attachment.kind === 'image' ? (
                        // eslint-disable-next-line @next/next/no-img-element -- signed links to our own route
                        <img src={attachment.url} alt={attachment.fileName} className="max-h-48 rounded" />
                      ) : (
                        attachment.fileName
                      )}
                    </a>
                  ))}
                </div>
              </li>
            ))}
            {pending.map((item) => (
              <li key={item.echoId} className="flex justify-end">
                <div className="max-w-[85%] rounded-lg px-3 py-2 text-sm break-words whitespace-pre-wrap text-white opacity-70" style={{ backgroundColor: inbox.color }}>
                  {item.content}
                  {item.file && (
                    <p className="flex items-center gap-1 text-xs">
                      <PaperClip /> {item.file.name}
                    </p>
                  )}
                  <p className="text-xs">
                    {item.failed ? (
                      <>
                        {strings.failed}{' '}
                        <button type="button" className="underline" onClick={() => void deliver(item)}>
                          {strings.retry}
                        </button>
                      </>
                    ) : (
                      strings.sending
                    )}
                  </p>
                </div>
              </li>
            ))}
            {view?.conversation?.status === 'resolved' && pending.length === 0 && <li className="text-center text-xs text-slate-500">{strings.resolved}</li>}
            <li ref={bottom} aria-hidden="true" />
          </ol>
          <p role="status" className="min-h-5 px-4 text-xs text-slate-500" data-testid="widget-typing">
            {typing ? fill(strings.typing, typing.name) : ''}
          </p>
          {ask === 'open' && (
            <form onSubmit={saveContact} className="space-y-2 border-t border-slate-200 p-3" aria-labelledby="widget-ask-title">
              <h2 id="widget-ask-title" className="text-sm font-semibold">
                {strings.ask.title}
              </h2>
              <p className="text-xs text-slate-600">{strings.ask.hint}</p>
              <label className="block text-xs">
                {strings.ask.name}
                <input name="name" maxLength={255} autoComplete="name" defaultValue={view?.visitor.name ?? ''} className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm" />
              </label>
              <label className="block text-xs">
                {strings.ask.email}
                <input name="email" type="email" maxLength={320} autoComplete="email" className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1 text-sm" />
              </label>
              {askError && (
                <p role="alert" className="text-xs text-red-700">
                  {askError}
                </p>
              )}
              <div className="flex gap-2">
                <button type="submit" className="rounded px-3 py-1 text-sm text-white" style={{ backgroundColor: inbox.color }}>
                  {strings.ask.save}
                </button>
                <button type="button" onClick={skipAsk} className="rounded px-3 py-1 text-sm underline">
                  {strings.ask.skip}
                </button>
              </div>
            </form>
          )}
          {ask === 'saved' && (
            <p role="status" className="px-4 pb-1 text-xs text-slate-600">
              {fill(strings.saved, view?.visitor.name ?? '')}
            </p>
          )}
          {notice && (
            <p role="alert" className="px-4 pb-1 text-xs text-red-700">
              {notice}
            </p>
          )}
          <form onSubmit={send} className="flex items-end gap-2 border-t border-slate-200 p-2">
            <label className="cursor-pointer rounded p-2 text-lg leading-none hover:bg-slate-100 focus-within:outline-2" title={strings.attach}>
              <PaperClip />
              <input ref={fileInput} type="file" aria-label={strings.attach} className="sr-only" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            </label>
            <div className="min-w-0 flex-1">
              {file && (
                <p className="truncate text-xs">
                  {file.name}{' '}
                  <button type="button" className="underline" aria-label={fill(strings.removeFile, file.name)} onClick={() => setFile(null)}>
                    ×
                  </button>
                </p>
              )}
              <textarea
                ref={input}
                value={draft}
                rows={2}
                maxLength={10_000}
                aria-label={strings.placeholder}
                placeholder={strings.placeholder}
                disabled={!token}
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) send(event);
                }}
                className="block w-full resize-none rounded border border-slate-300 px-2 py-1 text-sm"
              />
            </div>
            <button type="submit" disabled={!token} className="rounded px-3 py-2 text-sm font-medium text-white disabled:opacity-50" style={{ backgroundColor: inbox.color }}>
              {strings.send}
            </button>
          </form>
        </>
      )}
    </div>
  );
};
