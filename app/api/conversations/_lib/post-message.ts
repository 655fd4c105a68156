import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { actingPublisher } from '@/lib/realtime/acting-publisher';
import { ACTING_SOCKET_HEADER } from '@/lib/realtime/acting-socket';
import { json } from './json-response';

// POST /api/conversations/:id/messages, W5 for the composer: JSON `{ content, private, echoId,
// attachmentIds }` → 201 with the stored ChatMessage (the optimistic one is replaced by it). A
// retry with the same echoId answers the first message again. (Without JavaScript the composer's
// form posts to a server action instead.) The composer names its tab's realtime connection
// (ACTING_SOCKET_HEADER): that tab shows the stored message and re-reads its page itself, so the
// message's events go to every other connection.
export const postMessage = async (ctx: Ctx, request: Request, { conversationId }: { conversationId: string }): Promise<Response> => {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'body' });
  }
  if (!body || typeof body !== 'object') throw new DomainError('INVALID_INPUT', { field: 'body' });
  const { content, private: isPrivate, echoId, attachmentIds } = body as Record<string, unknown>;
  const acting = actingPublisher(request.headers.get(ACTING_SOCKET_HEADER));
  const message = await sendMessage(acting ? { ...ctx, realtime: acting.realtime } : ctx, {
    conversationId,
    content: content as string | undefined,
    private: isPrivate as boolean | undefined,
    echoId: echoId as string | undefined,
    attachmentIds: attachmentIds as number[] | undefined,
  });
  return json(message, 201);
};
