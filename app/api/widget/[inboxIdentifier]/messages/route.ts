import { apiJson, readBody } from '@/app/public/api/v1/_lib/client-api-route';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/attachments/store-upload';
import { postWidgetMessage, widgetView, ZWidgetMessageInput } from '@/lib/domain/channels/widget/widget-session';
import type { InboundAttachment } from '@/lib/domain/channels/inbound/store-inbound-files';
import { DomainError } from '@/lib/domain/errors';
import { visitorOf, widgetHandler } from '../../_lib/widget-route';

export const dynamic = 'force-dynamic';

// GET: what the visitor sees (their conversation and its customer-visible messages), also the
// widget's poll while realtime is down.
export const GET = widgetHandler(async ({ ctx, visitor }) => apiJson(await widgetView(ctx, visitorOf(visitor))));

// POST: the visitor's message, JSON `{ content, echoId }` or multipart with `file` (one, up to 50 MB).
export const POST = widgetHandler(async ({ ctx, inbox, request, visitor }) => {
  const files: InboundAttachment[] = [];
  let input;
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) throw new DomainError('TOO_LARGE', { max: MAX_UPLOAD_BYTES });
    const form = await request.formData().catch(() => {
      throw new DomainError('INVALID_INPUT', { field: 'body' });
    });
    const file = form.get('file');
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_UPLOAD_BYTES) throw new DomainError('TOO_LARGE', { max: MAX_UPLOAD_BYTES });
      files.push({ fileName: file.name, mimeType: file.type, data: new Uint8Array(await file.arrayBuffer()) });
    }
    input = ZWidgetMessageInput.parse({ content: form.get('content') ?? '', echoId: form.get('echoId') ?? '' });
  } else {
    const body = await readBody(request, ZWidgetMessageInput);
    if (body instanceof Response) return body;
    input = body;
  }
  const posted = await postWidgetMessage(ctx, inbox, visitorOf(visitor), input, files);
  return apiJson({ ...posted, ...(await widgetView(ctx, visitorOf(visitor))) }, posted.duplicate ? 200 : 201);
});
