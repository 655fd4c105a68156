import { searchCannedResponses } from '@/lib/domain/canned-responses/search-canned-responses';
import { json } from '../conversations/_lib/json-response';
import { withActor } from '../conversations/_lib/with-actor';

export const dynamic = 'force-dynamic';

// W2: the composer's "/" suggestions, GET ?q=<what follows the slash>.
export const GET = withActor(async (ctx, request) => {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return json({ cannedResponses: await searchCannedResponses(ctx, { q }) });
});
