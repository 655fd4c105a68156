import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { json } from './json-response';

// GET /api/conversations/:id/messages?beforeId= → `{ messages, hasOlder }`: the latest page, or the
// page before a message (older pages as the agent scrolls up).
export const getMessages = async (ctx: Ctx, request: Request, { conversationId }: { conversationId: string }): Promise<Response> => {
  const beforeId = new URL(request.url).searchParams.get('beforeId') || undefined;
  if (!/^\d{1,10}$/.test(conversationId)) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  if (beforeId !== undefined && !/^\d{1,10}$/.test(beforeId)) throw new DomainError('INVALID_INPUT', { field: 'beforeId' });
  return json(await listMessages(ctx, { conversationId, beforeId }));
};
