'use client';

import { TriageContext } from './triage';

type Props = { conversationId: number; openNext: boolean; children: React.ReactNode };

// The open conversation for the keyboard and the status forms: the agent's "after resolving, open
// the next one" preference (useAfterTriage), and a marker that a conversation is open (its shortcuts
// are part of the page's readiness, use-shortcuts.ts).
export const TriageProvider = ({ conversationId, openNext, children }: Props) => (
  <TriageContext.Provider value={{ openNext }}>
    <span hidden data-open-conversation={conversationId} />
    {children}
  </TriageContext.Provider>
);
