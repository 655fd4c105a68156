import { z, ZodError } from 'zod';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/auth/client-ip';
import { readCapped } from '@/lib/domain/attachments/read-capped';
import { loadApiContact, loadApiInbox, type ApiContact, type ApiInbox } from '@/lib/domain/channels/api/api-inbox';
import { API_MESSAGE_MAX_BODY_BYTES, ZApiMultipartMessageInput, type TApiMultipartMessageInput } from '@/lib/domain/channels/api/client-api';
import type { InboundAttachment } from '@/lib/domain/channels/inbound/store-inbound-files';
import { CLIENT_API_LIMITS, takeToken } from '@/lib/domain/channels/api/rate-limit';
import type { SystemCtx } from '@/lib/domain/context';
import { asInvalidInput, isDomainError, type DomainErrorCode } from '@/lib/domain/errors';
import { refuseUnstorable } from '@/lib/domain/request-values';
import { getMailer } from '@/lib/mail/mailer';
import { getRealtimePublisher } from '@/lib/realtime/publisher';
import { getStorage } from '@/lib/storage/storage';

const STATUS: Partial<Record<DomainErrorCode, number>> = { UNAUTHENTICATED: 401, NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID_INPUT: 422, TOO_LARGE: 413, RATE_LIMITED: 429 };

const INVALID_BODY = 'Invalid request body';

const MESSAGES: Partial<Record<DomainErrorCode, string>> = {
  UNAUTHENTICATED: 'Invalid identifier hash or credentials',
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Not allowed',
  CONFLICT: 'Conflicts with what is already stored',
  INVALID_INPUT: INVALID_BODY,
  TOO_LARGE: 'Request body too large',
  RATE_LIMITED: 'Too many requests',
};

// The API answers JSON to anyone (integrations run on other origins: CORS for every origin, no
// credentials: the source id and the inbox secret travel in the path and headers), never cached.
const HEADERS = { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };

// The request headers a browser integration may send (its preflight asks for them).
export const CLIENT_API_REQUEST_HEADERS = ['Content-Type', 'X-Bandeja-Inbox-Secret', 'X-Bandeja-Pubsub-Token'];

export const apiJson = (data: unknown, status = 200, headers: Record<string, string> = {}) => Response.json(data, { status, headers: { ...HEADERS, ...headers } });

// OPTIONS: the CORS preflight of a browser integration on another origin (JSON bodies and the
// inbox secret header make every write "non-simple").
export const clientApiPreflight = async (): Promise<Response> =>
  new Response(null, {
    status: 204,
    headers: {
      ...HEADERS,
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, OPTIONS',
      'Access-Control-Allow-Headers': CLIENT_API_REQUEST_HEADERS.join(', '),
      'Access-Control-Max-Age': '600',
    },
  });

// A 4xx body: ours (`error`: CODE, `message`, `details`) and Chatwoot's bad_request_error
// (`description`, `errors: [{ field, message, code }]`) in one.
export const errorBody = (code: string, message: string, details: Record<string, unknown> = {}) => ({
  error: code,
  message,
  details,
  description: message,
  errors: [{ field: typeof details.field === 'string' ? details.field : '', message, code }],
});

// Why an input was refused, in words, for the reasons a DomainError names.
const REASONS: Record<string, string> = {
  nul_byte: 'contains a NUL byte',
  too_deep: 'nested too deeply',
  invalid_value: 'a value the database cannot store',
};

const invalidMessage = (details: Record<string, string | number>) => {
  const reason = REASONS[String(details.reason)];
  return reason ? `${details.field ?? 'body'}: ${reason}` : INVALID_BODY;
};

// 4xx with a clear reason, and nothing changed. A value the database refused (SQLSTATE 22xxx) is 422
// too: its statement, and the transaction around it, were rolled back.
export const apiError = (error: unknown): Response => {
  const invalid = asInvalidInput(error);
  if (invalid) return apiJson(errorBody(invalid.code, invalidMessage(invalid.details), invalid.details), 422);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return apiJson(errorBody('INVALID_INPUT', `${field || 'body'}: ${issue?.message ?? 'invalid'}`, { field }), 422);
  }
  if (isDomainError(error) && STATUS[error.code]) {
    const retry = error.code === 'RATE_LIMITED' ? { 'Retry-After': String(error.details.retryAfter ?? 60) } : undefined;
    const message = error.code === 'INVALID_INPUT' ? invalidMessage(error.details) : (MESSAGES[error.code] ?? error.code);
    return apiJson(errorBody(error.code, message, error.details), STATUS[error.code], retry);
  }
  throw error;
};

const MAX_BODY_BYTES = 64 * 1024;

// The JSON body, parsed with the schema: not JSON → 400; too large → 413; a NUL byte or deep nesting,
// or not the shape → 422.
export const readBody = async <S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> => {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return apiJson(errorBody('TOO_LARGE', 'Request body too large'), 413);
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return apiJson(errorBody('INVALID_JSON', 'The request body is not valid JSON'), 400);
    }
  }
  return schema.parse(refuseUnstorable(body));
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
    return apiJson(errorBody('INVALID_MULTIPART', 'The request body is not valid multipart/form-data'), 400);
  }
  const fields: Record<string, string> = {};
  const files: InboundAttachment[] = [];
  for (const [name, value] of form.entries()) {
    if (name === 'attachments[]' || name === 'attachments') {
      if (typeof value === 'string') return apiJson(errorBody('INVALID_INPUT', 'attachments: not a file', { field: 'attachments' }), 422);
      files.push({ fileName: value.name, mimeType: value.type || null, data: new Uint8Array(await value.arrayBuffer()) });
    } else if (typeof value === 'string') fields[name] = value; // a file under another name: an unknown field, ignored
  }
  refuseUnstorable({ ...fields, attachments: files.map((file) => file.fileName) });
  return { fields: ZApiMultipartMessageInput.parse(fields), files };
};

export const systemCtx = async (): Promise<SystemCtx> => ({
  db: await getDb(),
  realtime: getRealtimePublisher(),
  mailer: getMailer(),
  storage: getStorage(),
  now: () => new Date(),
});

type Params = { inboxIdentifier: string; contactIdentifier?: string; conversationId?: string; messageId?: string };
export type ClientApiRequest = { ctx: SystemCtx; inbox: ApiInbox; contact: ApiContact | null; request: Request; params: Params };

// The one shape of the client API's handlers: the inbox (API inboxes only), the contact when the
// path names one (its source id), rate limits, errors as JSON. Credentials are checked BEFORE any
// shared bucket is spent (issue 12 #3): a request with a bogus source id spends only its IP's
// failure bucket (CLIENT_API_LIMITS.failure), so a flood of bogus ids never makes a real contact
// wait; a known contact spends its own bucket and its inbox-and-IP bucket.
export const clientApiHandler =
  (handle: (call: ClientApiRequest) => Promise<Response>, { ports }: { ports?: () => Promise<SystemCtx> } = {}) =>
  async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const resolved = await params;
      const ctx = await (ports ?? systemCtx)();
      const now = ctx.now().getTime();
      const ip = clientIp(request.headers);
      const inbox = await loadApiInbox(ctx.db, resolved.inboxIdentifier).catch(failedFrom(ip, now));
      const contact = resolved.contactIdentifier ? await loadApiContact(ctx.db, inbox, resolved.contactIdentifier).catch(failedFrom(ip, now)) : null;
      if (contact) {
        takeToken(`contact:${contact.contactInboxId}`, CLIENT_API_LIMITS.contact, now);
        takeToken(`inbox:${inbox.id}:${ip}`, CLIENT_API_LIMITS.inbox, now);
      } else takeToken(`create-contact:${inbox.id}:${ip}`, CLIENT_API_LIMITS.createContact, now);
      return await handle({ ctx, inbox, contact, request, params: resolved });
    } catch (error) {
      return apiError(error);
    }
  };

// A credential that named nothing (an unknown inbox or source id): counted against the caller's IP
// (RATE_LIMITED once its failure bucket is empty), then the original error (404).
export const failedFrom =
  (ip: string, now: number) =>
  (error: unknown): never => {
    takeToken(`failure:${ip}`, CLIENT_API_LIMITS.failure, now);
    throw error;
  };
