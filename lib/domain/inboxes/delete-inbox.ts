import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, conversations, inboxes, messages } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { loadAccountInbox } from './load-account-inbox';

export const ZDeleteInboxInput = z.object({ inboxId: ZId, confirmName: z.string() });
export type TDeleteInboxInput = z.input<typeof ZDeleteInboxInput>;

// Settings: an administrator deletes an inbox for good, typing its name to confirm (INVALID_INPUT
// `confirmName` otherwise). Its conversations, messages, channel links and memberships go with it
// (ON DELETE CASCADE), and the files of its attachments are removed from storage after commit.
export const deleteInbox = async (ctx: Ctx, input: TDeleteInboxInput): Promise<{ id: number }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZDeleteInboxInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  const { inboxId, confirmName } = parsed.data;

  const storageKeys = await ctx.db.transaction(async (tx) => {
    const inbox = await loadAccountInbox(tx, ctx.actor, inboxId);
    if (confirmName.trim() !== inbox.name) throw new DomainError('INVALID_INPUT', { field: 'confirmName' });
    const files = await tx
      .select({ storageKey: attachments.storageKey })
      .from(attachments)
      .where(
        or(
          inArray(attachments.messageId, sql`(select ${messages.id} from ${messages} where ${messages.inboxId} = ${inbox.id})`),
          inArray(attachments.conversationId, sql`(select ${conversations.id} from ${conversations} where ${conversations.inboxId} = ${inbox.id})`),
        ),
      );
    await tx.delete(inboxes).where(and(eq(inboxes.id, inbox.id), eq(inboxes.accountId, ctx.actor.accountId)));
    return files.map((file) => file.storageKey);
  });
  // After commit: a rolled-back delete must keep its files. A file that cannot be removed is logged.
  await Promise.all(storageKeys.map((key) => ctx.storage.delete(key).catch((error) => console.error(`inboxes: deleting file ${key} failed`, error))));
  return { id: inboxId };
};
