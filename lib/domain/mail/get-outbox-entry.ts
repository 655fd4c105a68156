import { and, eq } from 'drizzle-orm';
import { mailOutbox, users, type MailOutboxEntry } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { mayManageMail } from './may-manage-mail';
import { ZOutboxEntryInput, type TOutboxEntryInput } from './schemas';

export type OutboxEntry = MailOutboxEntry & { sentByName: string | null };

// One mail of the outbox with its HTML and text, for administrators and for the agent who sent it.
// Anyone else, another account's mail or a malformed id: NOT_FOUND (nothing about it leaks).
export const getOutboxEntry = async (ctx: Ctx, input: TOutboxEntryInput): Promise<OutboxEntry> => {
  const parsed = ZOutboxEntryInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'mail' });
  const [row] = await ctx.db
    .select({ entry: mailOutbox, sentByName: users.name })
    .from(mailOutbox)
    .leftJoin(users, eq(users.id, mailOutbox.sentByUserId))
    .where(and(eq(mailOutbox.id, parsed.data.outboxId), accountScope(ctx.actor, mailOutbox.accountId)));
  if (!row || !mayManageMail(ctx.actor, row.entry)) throw new DomainError('NOT_FOUND', { entity: 'mail' });
  return { ...row.entry, sentByName: row.sentByName };
};
