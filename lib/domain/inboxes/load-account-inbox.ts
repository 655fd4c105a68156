import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inboxes, type Inbox } from '@/db/schema';
import type { Actor } from '../context';
import { DomainError } from '../errors';

// An inbox of the actor's account for settings (administrators), NOT_FOUND otherwise.
export const loadAccountInbox = async (db: DbOrTx, actor: Actor, inboxId: number): Promise<Inbox> => {
  const [inbox] = await db
    .select()
    .from(inboxes)
    .where(and(eq(inboxes.id, inboxId), eq(inboxes.accountId, actor.accountId)));
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inbox;
};
