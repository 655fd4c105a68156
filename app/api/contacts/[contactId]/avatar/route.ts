import { withActor } from '@/app/api/conversations/_lib/with-actor';
import { getContactAvatar } from '@/lib/domain/contacts/get-contact-avatar';

export const dynamic = 'force-dynamic';

// K2/D1: a contact's uploaded avatar, for agents who may see the contact (404 otherwise, like one
// without an avatar). The type is the one read from the picture's bytes, never guessed again by the
// browser. The URL carries the upload's version (?v=uuid), so the agent's browser may keep it.
export const GET = withActor(async (ctx, _request, { contactId }: { contactId: string }) => {
  const avatar = await getContactAvatar(ctx, { contactId });
  return new Response(avatar.body, {
    status: 200,
    headers: {
      'Content-Type': avatar.mimeType,
      'Content-Length': String(avatar.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      'Cache-Control': 'private, max-age=86400',
    },
  });
});
