'use client';

import type { PresenceChannel } from 'pusher-js';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useRealtime, useRealtimeEvents } from './realtime-provider';
import { typistFrom, type TypingPayload } from './typist';

export type Viewer = { id: number; name: string; avatarUrl?: string | null };
export type Typist = { userId: number; name: string; isPrivate: boolean };

// A typist who sent nothing for this long stopped (a closed tab never says so).
export const TYPING_EXPIRY_MS = 6000;
// While typing, "still typing" goes out at most this often; and this long idle sends "stopped".
export const TYPING_THROTTLE_MS = 2000;
export const TYPING_IDLE_MS = 4000;
// A customer's "typing" (client API toggle_typing, on the inbox channel) lasts this long unless repeated.
export const CUSTOMER_TYPING_EXPIRY_MS = 10_000;

type Presence = {
  // Other agents viewing this conversation (not me), in the order they arrived.
  viewers: Viewer[];
  // Other agents typing in it.
  typists: Typist[];
  // The customer is typing (conversation.typing_on until typing_off, their message, or expiry).
  customerTyping: boolean;
  // The composer calls it on each keystroke (typing) and on send or clear (stopped).
  reportTyping: (typing: boolean, isPrivate: boolean) => void;
};

const PresenceContext = createContext<Presence | null>(null);

type Props = {
  conversationId: number;
  me: { id: number; name: string };
  // Names of the inbox's agents, for members whose presence info has none.
  agents: Viewer[];
  children: React.ReactNode;
};

// user_info as the channel auth endpoint signs it: { name, avatarUrl }.
type Member = { id: string; info?: { name?: unknown; avatarUrl?: unknown } | null };

// presence-conversation-{c} while a conversation is open: who else is viewing it (Pusher presence
// members) and who is typing (client-typing events, throttled by the sender, expired by the reader).
export const ConversationPresence = ({ conversationId, me, agents, children }: Props) => {
  const realtime = useRealtime();
  const pusher = realtime?.pusher ?? null;
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [typing, setTyping] = useState<Array<Typist & { until: number }>>([]);
  const channel = useRef<PresenceChannel | null>(null);
  const sent = useRef<{ at: number; isPrivate: boolean; typing: boolean }>({ at: 0, isPrivate: false, typing: false });
  const relayed = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const names = useRef(new Map<number, string>());
  const [customerTypingUntil, setCustomerTypingUntil] = useState(0);
  names.current = new Map(agents.map((agent) => [agent.id, agent.name]));

  useEffect(() => {
    if (!pusher) return;
    const name = `presence-conversation-${conversationId}`;
    const subscribed = pusher.subscribe(name) as PresenceChannel;
    channel.current = subscribed;
    const viewerOf = (member: Member): Viewer => {
      const id = Number(member.id);
      const infoName = typeof member.info?.name === 'string' ? member.info.name : '';
      const avatarUrl = typeof member.info?.avatarUrl === 'string' ? member.info.avatarUrl : null;
      return { id, name: infoName || names.current.get(id) || '', avatarUrl };
    };
    const readMembers = () => {
      const list: Viewer[] = [];
      subscribed.members.each((member: Member) => {
        const viewer = viewerOf(member);
        if (viewer.id !== me.id) list.push(viewer);
      });
      setViewers(list);
    };
    subscribed.bind('pusher:subscription_succeeded', readMembers);
    subscribed.bind('pusher:member_added', (member: Member) => {
      const viewer = viewerOf(member);
      if (viewer.id !== me.id) setViewers((previous) => [...previous.filter((item) => item.id !== viewer.id), viewer]);
    });
    subscribed.bind('pusher:member_removed', (member: Member) => {
      const id = Number(member.id);
      setViewers((previous) => previous.filter((item) => item.id !== id));
      setTyping((previous) => previous.filter((item) => item.userId !== id));
    });
    // The typist is the member the server says sent the event (metadata.user_id), named by their
    // signed presence info: never the id or name written in the event.
    subscribed.bind('client-typing', (data: TypingPayload, metadata?: { user_id?: string }) => {
      const userId = metadata?.user_id;
      const typist = typistFrom(data, { userId, info: userId ? (subscribed.members.get(userId) as Member | null)?.info : null }, me.id, (id) => names.current.get(id) || '');
      if (!typist) return;
      setTyping((previous) => {
        const others = previous.filter((item) => item.userId !== typist.userId);
        if (!typist.typing) return others;
        return [...others, { userId: typist.userId, name: typist.name, isPrivate: typist.isPrivate, until: Date.now() + TYPING_EXPIRY_MS }];
      });
    });
    return () => {
      subscribed.unbind_all();
      pusher.unsubscribe(name);
      channel.current = null;
      setViewers([]);
      setTyping([]);
    };
  }, [pusher, conversationId, me.id]);

  // The customer's typing, from the inbox channel; their message ends it.
  useRealtimeEvents(({ event, data }) => {
    if (data.conversationId !== conversationId) return;
    if (event === 'conversation.typing_on') setCustomerTypingUntil(Date.now() + CUSTOMER_TYPING_EXPIRY_MS);
    else if (event === 'conversation.typing_off' || (event === 'message.created' && data.messageType === 'incoming')) setCustomerTypingUntil(0);
  });
  useEffect(() => {
    if (customerTypingUntil === 0) return;
    const timer = setTimeout(() => setCustomerTypingUntil(0), Math.max(0, customerTypingUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [customerTypingUntil]);
  const customerTyping = customerTypingUntil > 0;

  // Typists who went quiet are dropped.
  useEffect(() => {
    if (typing.length === 0) return;
    const next = Math.min(...typing.map((item) => item.until));
    const timer = setTimeout(() => setTyping((previous) => previous.filter((item) => item.until > Date.now())), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [typing]);

  const send = useCallback(
    (typingNow: boolean, isPrivate: boolean) => {
      const target = channel.current;
      if (!target?.subscribed) return;
      sent.current = { at: Date.now(), isPrivate, typing: typingNow };
      // Only the flags: receivers take who is typing from the server (metadata.user_id).
      target.trigger('client-typing', { isPrivate, typing: typingNow } satisfies TypingPayload);
      // A website widget's visitor is not on this channel: the server relays public typing to them.
      const relay = typingNow && !isPrivate;
      if (relay || relayed.current) {
        relayed.current = relay;
        void fetch(`/api/conversations/${conversationId}/typing`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ typing: relay }) }).catch(() => {});
      }
    },
    [conversationId],
  );

  const reportTyping = useCallback(
    (typingNow: boolean, isPrivate: boolean) => {
      if (idle.current) clearTimeout(idle.current);
      idle.current = null;
      const last = sent.current;
      if (!typingNow) {
        if (last.typing) send(false, isPrivate);
        return;
      }
      const changedMode = last.isPrivate !== isPrivate;
      if (!last.typing || changedMode || Date.now() - last.at >= TYPING_THROTTLE_MS) send(true, isPrivate);
      idle.current = setTimeout(() => send(false, isPrivate), TYPING_IDLE_MS);
    },
    [send],
  );
  useEffect(() => () => void (idle.current && clearTimeout(idle.current)), []);

  const typists = useMemo(() => typing.map(({ userId, name, isPrivate }) => ({ userId, name, isPrivate })), [typing]);
  const value = useMemo(() => ({ viewers, typists, customerTyping, reportTyping }), [viewers, typists, customerTyping, reportTyping]);
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
};

// The open conversation's presence; null outside <ConversationPresence> (no realtime).
export const usePresence = (): Presence | null => useContext(PresenceContext);
