import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import type { Actor, Ctx } from '@/lib/domain/context';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { parseListQuery } from '@/lib/domain/conversations/list/list-query';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { searchContacts } from '@/lib/domain/search/search-contacts';
import { searchMessages } from '@/lib/domain/search/search-messages';
import type { RequestKind } from './session';

// The domain call at the heart of each request kind, called in the benchmark's process on the same
// database, so a request's server time can be read against it (README "Performance").

const quiet = async () => {};

export const domainCtx = (db: Db, actor: Actor): Ctx => ({
  db,
  actor,
  now: () => new Date(),
  // Realtime and mail are the app's to send; here only the database work is timed.
  realtime: { publish: quiet, endUserConnections: quiet },
  mailer: { send: async () => ({ id: null }) } as unknown as Ctx['mailer'],
  storage: { put: quiet, get: quiet, delete: quiet } as unknown as Ctx['storage'],
});

export const domainCall = async (kind: RequestKind, ctx: Ctx, { conversationId, loop, term }: { conversationId: number; loop: number; term: string }) => {
  switch (kind) {
    case 'list':
      return listConversations(ctx, { kind: 'all' }, parseListQuery({}).query);
    case 'conversation':
    case 'switch':
    case 'sidebar':
      return Promise.all([getConversation(ctx, { conversationId }), listMessages(ctx, { conversationId })]);
    case 'reply':
      return sendMessage(ctx, { conversationId, content: `Domain reply ${loop}`, private: false, echoId: randomUUID() });
    case 'status':
      return changeStatus(ctx, { conversationId, status: loop % 2 === 0 ? 'pending' : 'open' });
    case 'search':
      return Promise.all([searchMessages(ctx, { q: term }), searchContacts(ctx, { q: term })]);
  }
};
