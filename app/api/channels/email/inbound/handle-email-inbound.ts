import { ZodError } from 'zod';
import type { SystemCtx } from '@/lib/domain/context';
import { readCapped } from '@/lib/domain/attachments/read-capped';
import { asInvalidInput, isDomainError } from '@/lib/domain/errors';
import { authenticateEmailInbox, emailInboxForRecipients, fetchResendEmail, verifySvixSignature, type ResendReceivedEvent } from '@/lib/domain/email/email-inbound';
import { parseRawEmail } from '@/lib/domain/email/parse-email';
import type { ReceivedMessage } from '@/lib/domain/channels/inbound/receive-customer-message';
import { receiveEmail } from '@/lib/domain/email/receive-email';

// Raw MIME: 50 MB of attachments, base64-encoded (4/3), plus the text.
export const MAX_RAW_EMAIL_BYTES = 70 * 1024 * 1024;

const answer = (data: unknown, status = 200) => Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });

const tokenOf = (request: Request, url: URL) =>
  request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') || request.headers.get('x-bandeja-token') || url.searchParams.get('token') || '';

// POST /api/channels/email/inbound
// - `Content-Type: message/rfc822`: one raw email for the inbox `?inbox=<identifier>`, authenticated
//   by that inbox's token (`Authorization: Bearer <token>`, `X-Bandeja-Token` or `?token=`).
// - `Content-Type: application/json`: Resend's `email.received` webhook, verified with
//   RESEND_WEBHOOK_SECRET (Svix signature headers); the inbox is the one whose address is among the
//   recipients (or `?inbox=` with its token); the content is fetched from Resend with RESEND_API_KEY.
// 202 with the message (or the first one, for a duplicate; `dropped: "mail_loop"` for our own
// automatic mail coming back, not stored); 4xx JSON with a reason, nothing stored.
const answerReceived = (received: ReceivedMessage | null) =>
  received
    ? answer({ message_id: received.messageId, conversation_id: received.displayId, duplicate: received.duplicate }, 202)
    : answer({ message_id: null, conversation_id: null, duplicate: false, dropped: 'mail_loop' }, 202);

export const handleEmailInbound = async (ctx: SystemCtx, request: Request): Promise<Response> => {
  const url = new URL(request.url);
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  try {
    const body = request.body ? await readCapped(request.body, { maxBytes: MAX_RAW_EMAIL_BYTES, maxMb: 70 }) : new Uint8Array();

    if (type === 'message/rfc822') {
      const inbox = await authenticateEmailInbox(ctx.db, url.searchParams.get('inbox') ?? '', tokenOf(request, url));
      if (body.length === 0) return answer({ error: 'INVALID_INPUT', message: 'Empty email' }, 400);
      const received = await receiveEmail(ctx, { inbox, email: await parseRawEmail(body) });
      return answerReceived(received);
    }

    if (type === 'application/json') {
      const text = new TextDecoder().decode(body);
      const secret = process.env.RESEND_WEBHOOK_SECRET;
      const signed =
        Boolean(secret) &&
        verifySvixSignature(
          secret as string,
          { id: request.headers.get('svix-id'), timestamp: request.headers.get('svix-timestamp'), signature: request.headers.get('svix-signature') },
          text,
          ctx.now(),
        );
      const named = url.searchParams.get('inbox');
      // Without a valid signature, only a post naming its inbox with that inbox's token is accepted.
      const tokenInbox = !signed && named ? await authenticateEmailInbox(ctx.db, named, tokenOf(request, url)) : null;
      if (!signed && !tokenInbox) return answer({ error: 'UNAUTHENTICATED', message: 'Invalid or missing webhook signature' }, 401);
      let event: ResendReceivedEvent;
      try {
        event = JSON.parse(text) as ResendReceivedEvent;
      } catch {
        return answer({ error: 'INVALID_JSON', message: 'The request body is not valid JSON' }, 400);
      }
      // Other Resend events (sent, delivered, bounced...) are acknowledged and ignored.
      if (event.type !== 'email.received') return answer({ ignored: event.type ?? null });
      const emailId = event.data?.email_id;
      if (!emailId) return answer({ error: 'INVALID_INPUT', message: 'data.email_id is missing' }, 422);
      const apiKey = process.env.RESEND_API_KEY;
      if (!apiKey) return answer({ error: 'NOT_CONFIGURED', message: 'RESEND_API_KEY is needed to read received emails' }, 503);
      const inbox = tokenInbox ?? (await emailInboxForRecipients(ctx.db, event.data?.to ?? []));
      const received = await receiveEmail(ctx, { inbox, email: await fetchResendEmail(emailId, apiKey) });
      return answerReceived(received);
    }

    return answer({ error: 'UNSUPPORTED_TYPE', message: 'Send message/rfc822 or application/json' }, 415);
  } catch (error) {
    if (isDomainError(error)) {
      const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'INVALID_INPUT' ? 422 : error.code === 'TOO_LARGE' ? 413 : 400;
      return answer({ error: error.code, details: error.details }, status);
    }
    if (error instanceof ZodError || asInvalidInput(error)) return answer({ error: 'INVALID_INPUT' }, 422);
    throw error;
  }
};
