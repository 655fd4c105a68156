import type { Db } from '@/db/client';
import { attachments, conversationLabels, conversationReads, labels, mentions, savedViews, type Label } from '@/db/schema';
import type { Ctx } from '@/lib/domain/context';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import type { TListQueryInput, TListViewInput } from '@/lib/domain/conversations/list/list-query';
import type { PreviewCard } from '@/lib/domain/conversations/list/load-preview-cards';
import { actorFor, createAccount, createInbox, createUser, ctxFor, type TestCtx } from './factories';

// Factories for the conversation list tests (labels, mentions, reads, attachments, saved views), and
// a helper that walks every page of a list.

export const createLabel = async (db: Db, options: { accountId: number; title?: string; color?: string }): Promise<Label> => {
  const [label] = await db
    .insert(labels)
    .values({ accountId: options.accountId, title: options.title ?? `label-${crypto.randomUUID().slice(0, 8)}`, color: options.color ?? '#1f93ff' })
    .returning();
  return label;
};

export const labelConversation = async (db: Db, conversationId: number, ...labelIds: number[]): Promise<void> => {
  await db.insert(conversationLabels).values(labelIds.map((labelId) => ({ conversationId, labelId })));
};

export const mentionUser = async (
  db: Db,
  options: { accountId: number; userId: number; conversationId: number; mentionedAt?: Date },
): Promise<void> => {
  await db.insert(mentions).values({ ...options, mentionedAt: options.mentionedAt ?? new Date() });
};

export const markRead = async (db: Db, options: { conversationId: number; userId: number; lastReadAt: Date }): Promise<void> => {
  await db.insert(conversationReads).values(options);
};

export const attachFile = async (
  db: Db,
  options: { accountId: number; messageId: number; kind: 'image' | 'audio' | 'video' | 'file' },
): Promise<void> => {
  await db.insert(attachments).values({
    ...options,
    fileName: `file.${options.kind}`,
    mimeType: 'application/octet-stream',
    size: 10,
    storageKey: `test/${crypto.randomUUID()}`,
  });
};

// A saved view row as createSavedView stores it (the filter is trusted here: tests may store one
// that no longer holds on purpose).
export const storeSavedView = async (
  db: Db,
  options: { accountId: number; userId: number; name?: string; filter: Record<string, unknown> },
): Promise<number> => {
  const [row] = await db
    .insert(savedViews)
    .values({ accountId: options.accountId, userId: options.userId, name: options.name ?? 'Vista', filter: options.filter })
    .returning({ id: savedViews.id });
  return row.id;
};

// A new account with one inbox and an administrator in it, ready to list.
export const setupAccount = async (db: Db): Promise<{ accountId: number; inboxId: number; adminId: number; ctx: TestCtx }> => {
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator', inboxIds: [inbox.id] });
  return { accountId: account.id, inboxId: inbox.id, adminId: admin.id, ctx: ctxFor(db, await actorFor(db, admin.id, account.id)) };
};

// Every card of a list, following nextCursor to the end (and failing on a runaway loop).
export const walkList = async (ctx: Ctx, view: TListViewInput, query: TListQueryInput = {}): Promise<PreviewCard[]> => {
  const cards: PreviewCard[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await listConversations(ctx, view, { ...query, cursor });
    cards.push(...result.items);
    if (!result.nextCursor) return cards;
    cursor = result.nextCursor;
  }
  throw new Error('walkList: more than 100 pages');
};

export const idsOf = (cards: Array<{ id: number }>): number[] => cards.map((card) => card.id);
