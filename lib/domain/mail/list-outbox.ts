import { and, desc, eq, lt } from 'drizzle-orm';
import { mailOutbox, users, type MailOutboxEntry } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZListOutboxInput, type TListOutboxInput } from './schemas';
import { isDbId } from '../request-values';

export type OutboxSummary = Pick<
  MailOutboxEntry,
  'id' | 'kind' | 'toAddresses' | 'subject' | 'status' | 'error' | 'attempts' | 'createdAt' | 'sentAt' | 'sentByUserId'
> & { sentByName: string | null };

// Newest first is id order: ids are handed out as mails are recorded. Keyset on the id alone is
// exact, where a cursor on created_at would lose microseconds to JavaScript's milliseconds and skip
// mails recorded within the same millisecond. The cursor stays opaque to callers.
const encodeCursor = (id: number) => Buffer.from(String(id)).toString('base64url');

const decodeCursor = (cursor: string): number => {
  const id = Number(Buffer.from(cursor, 'base64url').toString());
  if (!isDbId(id)) throw new DomainError('INVALID_INPUT', { field: 'cursor' });
  return id;
};

// The account's mail outbox for administrators (FORBIDDEN for agents): newest first, keyset
// pagination, optionally only one status. Bodies are left out; getOutboxEntry reads one mail.
export const listOutbox = async (ctx: Ctx, input: TListOutboxInput = {}): Promise<{ items: OutboxSummary[]; nextCursor: string | null }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZListOutboxInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const { status, cursor, limit } = parsed.data;
  const afterId = cursor ? decodeCursor(cursor) : null;

  const rows = await ctx.db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddresses: mailOutbox.toAddresses,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      error: mailOutbox.error,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      sentByUserId: mailOutbox.sentByUserId,
      sentByName: users.name,
    })
    .from(mailOutbox)
    .leftJoin(users, eq(users.id, mailOutbox.sentByUserId))
    .where(
      and(
        accountScope(ctx.actor, mailOutbox.accountId),
        status ? eq(mailOutbox.status, status) : undefined,
        afterId ? lt(mailOutbox.id, afterId) : undefined,
      ),
    )
    .orderBy(desc(mailOutbox.id))
    .limit(limit + 1);

  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
};
