import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accounts, messages, users, type Conversation, type Message } from '@/db/schema';
import type { Actor } from '../context';
import { DomainError } from '../errors';
import { activityText, type Activity, type ActivityAttributes, type ActivityLocale } from './activity-text';

export type ActivityEntry = { conversation: Pick<Conversation, 'id' | 'accountId' | 'inboxId'>; activity: Activity };

export type WriteActivityOptions = {
  // Who did it; null for the system (sweeps, automations).
  actor: { id: number; name: string } | null;
  // The sentence is stored in the account's language, dates in the account's time zone.
  account: { locale: ActivityLocale; timeZone: string };
  at: Date;
  // One entry per conversation; a bulk change writes all of them with one INSERT.
  entries: ActivityEntry[];
};

// B4: writes the activity messages of a change, inside the caller's transaction so that the change
// and its record commit or roll back together.
// conversations.last_activity_at is deliberately left alone (as in Chatwoot): the list's "most
// recent activity" order (L3) follows what customers and agents wrote, not status or label clicks,
// so resolving or labelling a batch never reshuffles the list.
export const writeActivity = async (tx: DbOrTx, { actor, account, at, entries }: WriteActivityOptions): Promise<Message[]> => {
  if (entries.length === 0) return [];
  return tx
    .insert(messages)
    .values(
      entries.map(({ conversation, activity }) => {
        const attributes = { ...activity, actorId: actor?.id ?? null, actorName: actor?.name ?? null } as ActivityAttributes;
        return {
          accountId: conversation.accountId,
          inboxId: conversation.inboxId,
          conversationId: conversation.id,
          messageType: 'activity' as const,
          senderType: 'system' as const,
          senderId: null,
          private: false,
          content: activityText(attributes, account),
          contentAttributes: { activity: attributes },
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .returning();
};

// writeActivity for a change an agent made: the account's language and time zone and the agent's
// name are read in the same transaction.
export const writeActorActivity = async (
  tx: DbOrTx,
  actor: Pick<Actor, 'userId' | 'accountId'>,
  { at, entries }: Pick<WriteActivityOptions, 'at' | 'entries'>,
): Promise<Message[]> => {
  const [context] = await tx
    .select({ locale: accounts.locale, timeZone: accounts.timeZone, actorName: users.name })
    .from(accounts)
    .innerJoin(users, eq(users.id, actor.userId))
    .where(eq(accounts.id, actor.accountId));
  if (!context) throw new DomainError('UNAUTHENTICATED');
  return writeActivity(tx, { actor: { id: actor.userId, name: context.actorName }, account: context, at, entries });
};
