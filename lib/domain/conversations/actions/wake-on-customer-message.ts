import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { conversations, type Conversation } from '@/db/schema';
import type { RealtimeEvent } from '../../events/publish';
import { wakeConversations } from './wake-conversations';

// C2: the customer wrote to a snoozed conversation, so it reopens, whichever kind of snooze it was
// (until a time or until their next reply), with the system's activity message. The channels'
// inbound path calls this inside the transaction that stores the customer's message and publishes
// the returned events after commit. Null when the conversation was not snoozed (nothing written);
// safe against the wake-up sweep running at the same moment: only one of them reopens it.
export const wakeOnCustomerMessage = async (
  tx: Tx,
  conversation: Pick<Conversation, 'id'>,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ conversation: Conversation; events: RealtimeEvent[] } | null> => {
  const woken = await wakeConversations(tx, { where: eq(conversations.id, conversation.id), reason: 'customer_reply', at: now });
  const [reopened] = woken.conversations;
  return reopened ? { conversation: reopened, events: woken.events } : null;
};
