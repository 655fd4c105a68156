'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DisplayMessage } from './message-bubble';

// Offline-tolerant sending: a send that cannot reach the server (the browser is offline, or the
// request fails on the network) is kept in this browser (localStorage, per agent, so it survives a
// reload) and posted again, with the SAME echoId, when the connection returns. The server returns
// the first message for a repeated echoId (sendMessage locks the conversation), so a send whose
// answer was lost is never stored twice.

export type QueuedSend = {
  echoId: string;
  // The id of its pending bubble in the chat (negative, as for every local message).
  localId: number;
  conversationId: number;
  content: string;
  private: boolean;
  attachmentIds: number[];
  queuedAt: string;
};

export class SendFailure extends Error {
  constructor(
    readonly code: string,
    // No answer from the server: worth trying again when the connection is back.
    readonly network: boolean,
  ) {
    super(code);
  }
}

// One POST of a send (the composer's, and every retry of a queued one); `headers`: the composer's
// names its tab's realtime connection (it re-reads the page itself).
export const postSend = async (send: Pick<QueuedSend, 'echoId' | 'conversationId' | 'content' | 'private' | 'attachmentIds'>, headers: Record<string, string> = {}): Promise<DisplayMessage> => {
  let response: Response;
  try {
    response = await fetch(`/api/conversations/${send.conversationId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ content: send.content, private: send.private, echoId: send.echoId, attachmentIds: send.attachmentIds }),
    });
  } catch {
    throw new SendFailure('NETWORK', true);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new SendFailure(typeof body.error === 'string' ? body.error : 'UNKNOWN', false);
  return body as DisplayMessage;
};

const storageKey = (userId: number) => `bandeja:outbox:${userId}`;
const isQueuedSend = (value: unknown): value is QueuedSend => {
  const item = value as QueuedSend;
  return Boolean(item) && typeof item.echoId === 'string' && typeof item.conversationId === 'number' && typeof item.content === 'string' && Array.isArray(item.attachmentIds);
};
const readQueue = (userId: number): QueuedSend[] => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isQueuedSend) : [];
  } catch {
    return [];
  }
};
const writeQueue = (userId: number, items: QueuedSend[]) => {
  if (items.length) localStorage.setItem(storageKey(userId), JSON.stringify(items));
  else localStorage.removeItem(storageKey(userId));
};

// While online, a queue left by a failed network call is tried again this often.
const RETRY_MS = 15_000;

type Options = {
  userId: number;
  conversationId: number;
  // Stored by the server: every conversation's sends (`item.conversationId` says which), as a send
  // whose answer was lost was published to every tab but this one (acting-socket.ts).
  onSent: (item: QueuedSend, message: DisplayMessage) => void;
  // Refused by the server (not a network problem): it leaves the queue.
  onRefused: (item: QueuedSend, code: string) => void;
};

// The agent's queue: what is pending in this conversation, `enqueue`, and sending in order (oldest
// first; every conversation's, so nothing waits for its conversation to be opened again) at mount,
// when the browser says it is online again, and every RETRY_MS while something is queued.
export const useOfflineQueue = ({ userId, conversationId, onSent, onRefused }: Options) => {
  const [pending, setPending] = useState<QueuedSend[]>([]);
  const flushing = useRef(false);
  const callbacks = useRef({ onSent, onRefused });
  callbacks.current = { onSent, onRefused };
  const reread = useCallback(() => setPending(readQueue(userId).filter((item) => item.conversationId === conversationId)), [userId, conversationId]);

  const flush = useCallback(async () => {
    if (flushing.current || !navigator.onLine) return;
    flushing.current = true;
    try {
      for (const item of readQueue(userId)) {
        try {
          const message = await postSend(item);
          writeQueue(userId, readQueue(userId).filter((queued) => queued.echoId !== item.echoId));
          callbacks.current.onSent(item, message);
        } catch (error) {
          if (error instanceof SendFailure && error.network) break;
          writeQueue(userId, readQueue(userId).filter((queued) => queued.echoId !== item.echoId));
          if (item.conversationId === conversationId) callbacks.current.onRefused(item, error instanceof SendFailure ? error.code : 'UNKNOWN');
        }
      }
    } finally {
      flushing.current = false;
      reread();
    }
  }, [userId, conversationId, reread]);

  useEffect(() => {
    reread();
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = setInterval(() => readQueue(userId).length > 0 && void flush(), RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      clearInterval(timer);
    };
  }, [userId, flush, reread]);

  const enqueue = useCallback(
    (item: QueuedSend) => {
      writeQueue(userId, [...readQueue(userId).filter((queued) => queued.echoId !== item.echoId), item]);
      reread();
    },
    [userId, reread],
  );

  return { pending, enqueue, flush };
};
