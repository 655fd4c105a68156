import type { Ctx } from '@/lib/domain/context';
import { searchCannedResponses } from '@/lib/domain/canned-responses/search-canned-responses';
import { json } from '../../conversations/_lib/json-response';

// W2: the composer's "/" suggestions, GET ?q=<what follows the slash>.
export const getCannedResponses = async (ctx: Ctx, request: Request): Promise<Response> => {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return json({ cannedResponses: await searchCannedResponses(ctx, { q }) });
};
