import { apiJson, readBody } from '@/app/public/api/v1/_lib/client-api-route';
import { MAX_UPLOAD_BYTES } from '@/lib/domain/attachments/store-upload';
import type { InboundAttachment } from '@/lib/domain/channels/inbound/store-inbound-files';
import {
  postWidgetMessage,
  startWidgetSession,
  updateWidgetContact,
  widgetView,
  ZWidgetContactInput,
  ZWidgetMessageInput,
  ZWidgetSessionInput,
} from '@/lib/domain/channels/widget/widget-session';
import { DomainError } from '@/lib/domain/errors';
import { refuseUnstorable } from '@/lib/domain/request-values';
import { visitorOf, type WidgetCall } from './widget-route';

// The widget API's handlers, wired to their paths by the route files (and called by the tests).

// POST session { token?, identifier?, identifierHash? }: the widget starts; its (renewed) visitor
// token, its channel and what the visitor sees. 403 for an unverified identifier when required.
export const sessionHandler = async ({ ctx, inbox, request }: WidgetCall) => {
  const input = await readBody(request, ZWidgetSessionInput);
  if (input instanceof Response) return input;
  return apiJson(await startWidgetSession(ctx, inbox, input));
};

// GET messages: what the visitor sees (their conversation and its customer-visible messages), also
// the widget's poll while realtime is down.
export const viewHandler = async ({ ctx, visitor }: WidgetCall) => apiJson(await widgetView(ctx, visitorOf(visitor)));

// POST messages: the visitor's message, JSON `{ content, echoId }` or multipart with `file` (one,
// up to 50 MB): 201 and the visitor's view, 200 for a repeat of an accepted send.
export const postMessageHandler = async ({ ctx, inbox, request, visitor }: WidgetCall) => {
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
    // Every field and file name, read or not: a NUL byte anywhere is 422, as in a JSON body.
    refuseUnstorable(Object.fromEntries([...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : value.name])));
    input = ZWidgetMessageInput.parse({ content: form.get('content') ?? '', echoId: form.get('echoId') ?? '' });
  } else {
    const body = await readBody(request, ZWidgetMessageInput);
    if (body instanceof Response) return body;
    input = body;
  }
  const posted = await postWidgetMessage(ctx, inbox, visitorOf(visitor), input, files);
  return apiJson({ ...posted, ...(await widgetView(ctx, visitorOf(visitor))) }, posted.duplicate ? 200 : 201);
};

// POST contact { name?, email? }: "¿Cómo te contactamos?", stored on the visitor's contact.
export const contactHandler = async ({ ctx, request, visitor }: WidgetCall) => {
  const input = await readBody(request, ZWidgetContactInput);
  if (input instanceof Response) return input;
  return apiJson(await updateWidgetContact(ctx, visitorOf(visitor), input));
};
