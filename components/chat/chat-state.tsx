'use client';

import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { DisplayMessage } from './message-bubble';

type ChatState = {
  // Messages this browser sent (pending, failed or confirmed) that the server render may not have yet.
  local: DisplayMessage[];
  upsertLocal: (message: DisplayMessage, replacesId?: number) => void;
  removeLocal: (id: number) => void;
};

const ChatContext = createContext<ChatState | null>(null);

// Shared by the composer (which adds optimistic messages, W5) and the message list (which shows them).
export const ChatStateProvider = ({ children }: { children: React.ReactNode }) => {
  const [local, setLocal] = useState<DisplayMessage[]>([]);
  const upsertLocal = useCallback((message: DisplayMessage, replacesId?: number) => {
    setLocal((previous) => [...previous.filter((item) => item.id !== message.id && item.id !== replacesId), message]);
  }, []);
  const removeLocal = useCallback((id: number) => setLocal((previous) => previous.filter((item) => item.id !== id)), []);
  const value = useMemo(() => ({ local, upsertLocal, removeLocal }), [local, upsertLocal, removeLocal]);
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
};

export const useChatState = (): ChatState => {
  const state = useContext(ChatContext);
  if (!state) throw new Error('useChatState must be used inside ChatStateProvider');
  return state;
};

// JSON from the API carries dates as strings.
export const reviveMessage = (message: DisplayMessage): DisplayMessage => ({ ...message, createdAt: new Date(message.createdAt) });
