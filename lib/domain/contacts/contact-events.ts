import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversations } from '@/db/schema';
import { inboxChannel } from '../events/inbox-channel';
import type { RealtimeEvent } from '../events/publish';

export type ContactEventName = 'contact.updated' | 'contact.merged' | 'contact.deleted';

// A contact event on the channel of every inbox the contact has conversations in: the agents who
// may be showing the contact (in a chat's sidebar, a conversation card) are exactly those inboxes'
// members and the administrators. Read inside the transaction for a contact about to be deleted.
// A contact without conversations has no inbox channel; its card is re-read when next opened.
export const contactEvents = async (
  db: DbOrTx,
  { accountId, contactIds, event, data }: { accountId: number; contactIds: number[]; event: ContactEventName; data: Record<string, unknown> },
): Promise<RealtimeEvent[]> => {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ inboxId: conversations.inboxId })
    .from(conversations)
    .where(inArray(conversations.contactId, contactIds));
  return rows
    .map((row) => row.inboxId)
    .sort((a, b) => a - b)
    .map((inboxId) => ({ channel: inboxChannel({ accountId, inboxId }), event, data }));
};
