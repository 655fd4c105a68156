import { z } from 'zod';
import { relayAgentTyping } from '@/lib/domain/channels/widget/visitor-channel';
import { DomainError } from '@/lib/domain/errors';
import { json } from '../../_lib/json-response';
import { withActor } from '../../_lib/with-actor';
import { isDbId } from '@/lib/domain/request-values';

export const dynamic = 'force-dynamic';

const ZBody = z.strictObject({ typing: z.boolean() });

// POST { typing }: the agent is typing a public reply (or stopped); relayed to the conversation's
// website widget visitor (their channel), a no-op for other channels. The composer calls it beside
// its client-typing event, at the same throttled pace.
export const POST = withActor(async (ctx, request, params: { conversationId: string }) => {
  const conversationId = Number(params.conversationId);
  if (!isDbId(conversationId)) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  const body = ZBody.parse(await request.json().catch(() => ({})));
  await relayAgentTyping(ctx, { conversationId, typing: body.typing });
  return json({ ok: true });
});
