import { z, ZodError } from 'zod';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/auth/client-ip';
import { readCapped } from '@/lib/domain/attachments/read-capped';
import {
  API_MESSAGE_MAX_BODY_BYTES,
  loadApiContact,
  loadApiInbox,
  ZApiMultipartMessageInput,
  type ApiContact,
  type ApiInbox,
  type TApiMultipartMessageInput,
} from '@/lib/domain/channels/api/client-api';
import type { InboundAttachment } from '@/lib/domain/channels/inbound/store-inbound-files';
import { CLIENT_API_LIMITS, takeToken } from '@/lib/domain/channels/api/rate-limit';
import type { SystemCtx } from '@/lib/domain/context';
import { isDomainError, type DomainErrorCode } from '@/lib/domain/errors';
import { getMailer } from '@/lib/mail/mailer';
import { getRealtimePublisher } from '@/lib/realtime/publisher';
import { getStorage } from '@/lib/storage/storage';

const STATUS: Partial<Record<DomainErrorCode, number>> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID_INPUT: 422, TOO_LARGE: 413, RATE_LIMITED: 429 };

const MESSAGES: Partial<Record<DomainErrorCode, string>> = {
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Not allowed',
  CONFLICT: 'Another contact already has this email or identifier',
  INVALID_INPUT: 'Invalid request body',
  TOO_LARGE: 'Request body too large',
  RATE_LIMITED: 'Too many requests',
};

// The API answers JSON to anyone (integrations run on other origins), never cached.
const HEADERS = { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };

export const apiJson = (data: unknown, status = 200, headers: Record<string, string> = {}) => Response.json(data, { status, headers: { ...HEADERS, ...headers } });

// `{ error: CODE, message, details }`: 4xx with a clear reason, and nothing changed.
export const apiError = (error: unknown): Response => {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return apiJson({ error: 'INVALID_INPUT', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`, details: { field: issue?.path.join('.') ?? '' } }, 422);
  }
  if (isDomainError(error) && STATUS[error.code]) {
    const retry = error.code === 'RATE_LIMITED' ? { 'Retry-After': String(error.details.retryAfter ?? 60) } : undefined;
    return apiJson({ error: error.code, message: MESSAGES[error.code], details: error.details }, STATUS[error.code], retry);
  }
  throw error;
};

const MAX_BODY_BYTES = 64 * 1024;

// The JSON body, parsed with the schema: not JSON → 400; too large → 413; not the shape → 422.
export const readBody = async <S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> => {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return apiJson({ error: 'TOO_LARGE', message: 'Request body too large' }, 413);
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return apiJson({ error: 'INVALID_JSON', message: 'The request body is not valid JSON' }, 400);
    }
  }
  return schema.parse(body);
};

// A multipart/form-data message: its text fields (parsed like the JSON body) and its files, from
// `attachments[]` (or `attachments`). The body is counted as it arrives and cut at 100 MB (413,
// whatever Content-Length says); nothing is stored here. Not multipart after all → 400.
export const readMultipartMessage = async (request: Request): Promise<{ fields: TApiMultipartMessageInput; files: InboundAttachment[] } | Response> => {
  const bytes = request.body ? await readCapped(request.body, { maxBytes: API_MESSAGE_MAX_BODY_BYTES, maxMb: API_MESSAGE_MAX_BODY_BYTES / 1024 / 1024 }) : new Uint8Array();
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return apiJson({ error: 'INVALID_MULTIPART', message: 'The request body is not valid multipart/form-data' }, 400);
  }
  const fields: Record<string, string> = {};
  const files: InboundAttachment[] = [];
  for (const [name, value] of form.entries()) {
    if (name === 'attachments[]' || name === 'attachments') {
      if (typeof value === 'string') return apiJson({ error: 'INVALID_INPUT', message: 'attachments: not a file', details: { field: 'attachments' } }, 422);
      files.push({ fileName: value.name, mimeType: value.type || null, data: new Uint8Array(await value.arrayBuffer()) });
    } else fields[name] = typeof value === 'string' ? value : ''; // a file under another name: an unknown field (422)
  }
  return { fields: ZApiMultipartMessageInput.parse(fields), files };
};

export const systemCtx = async (): Promise<SystemCtx> => ({
  db: await getDb(),
  realtime: getRealtimePublisher(),
  mailer: getMailer(),
  storage: getStorage(),
  now: () => new Date(),
});

type Params = { inboxIdentifier: string; contactIdentifier?: string; conversationId?: string };
export type ClientApiRequest = { ctx: SystemCtx; inbox: ApiInbox; contact: ApiContact | null; request: Request; params: Params };

// The one shape of the client API's handlers: the inbox (API inboxes only), the contact when the
// path names one (its source id), the per-inbox and per-contact rate limits, errors as JSON.
export const clientApiHandler =
  (handle: (call: ClientApiRequest) => Promise<Response>, { ports }: { ports?: () => Promise<SystemCtx> } = {}) =>
  async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const resolved = await params;
      const ctx = await (ports ?? systemCtx)();
      const inbox = await loadApiInbox(ctx.db, resolved.inboxIdentifier);
      takeToken(`inbox:${inbox.id}`, CLIENT_API_LIMITS.inbox);
      const contact = resolved.contactIdentifier ? await loadApiContact(ctx.db, inbox, resolved.contactIdentifier) : null;
      if (contact) takeToken(`contact:${contact.contactInboxId}`, CLIENT_API_LIMITS.contact);
      else if (request.method === 'POST') takeToken(`create-contact:${inbox.id}:${clientIp(request.headers)}`, CLIENT_API_LIMITS.createContact);
      return await handle({ ctx, inbox, contact, request, params: resolved });
    } catch (error) {
      return apiError(error);
    }
  };
