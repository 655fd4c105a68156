import { z } from 'zod';
import { readCapped } from '@/lib/domain/attachments/read-capped';
import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { refuseUnstorable, ZDbId } from '@/lib/domain/request-values';

// A JSON body over this is refused (413) before it is parsed; files travel as multipart.
export const MAX_JSON_BODY_BYTES = 256 * 1024;
// A multipart request (a message with files): counted as it arrives and cut here.
export const MAX_MULTIPART_BODY_BYTES = 100 * 1024 * 1024;

export type ApiFile = { fileName: string; mimeType: string | null; data: Uint8Array };

// What a handler gets: the token's ctx, the path's parameters, and readers for the query and body
// that parse with a zod schema (unknown keys dropped, as Chatwoot ignores them).
export type ApiCall = {
  ctx: Ctx;
  request: Request;
  params: Record<string, string>;
  query: <S extends z.ZodType>(schema: S) => z.infer<S>;
  body: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
  // The body's fields and files when it is multipart/form-data, else null.
  multipart: () => Promise<{ fields: Record<string, string | string[]>; files: ApiFile[] } | null>;
};

const isMultipart = (request: Request) => (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

// The query string as an object: `labels[]=a&labels[]=b` and repeated keys become arrays.
const queryObject = (url: URL): Record<string, string | string[]> => {
  const object: Record<string, string | string[]> = {};
  for (const [rawKey, value] of url.searchParams) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const previous = object[key];
    object[key] = previous === undefined ? (rawKey.endsWith('[]') ? [value] : value) : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return object;
};

const readJson = async (request: Request): Promise<unknown> => {
  if (!request.body) return {};
  const bytes = await readCapped(request.body, { maxBytes: MAX_JSON_BODY_BYTES, maxMb: MAX_JSON_BODY_BYTES / 1024 / 1024 });
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'body', reason: 'invalid_json' });
  }
};

const readForm = async (request: Request) => {
  const bytes = request.body ? await readCapped(request.body, { maxBytes: MAX_MULTIPART_BODY_BYTES, maxMb: MAX_MULTIPART_BODY_BYTES / 1024 / 1024 }) : new Uint8Array();
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'body', reason: 'invalid_multipart' });
  }
  const fields: Record<string, string | string[]> = {};
  const files: ApiFile[] = [];
  for (const [rawName, value] of form.entries()) {
    const name = rawName.endsWith('[]') ? rawName.slice(0, -2) : rawName;
    if (typeof value !== 'string') {
      if (name === 'attachments') files.push({ fileName: value.name, mimeType: value.type || null, data: new Uint8Array(await value.arrayBuffer()) });
      continue;
    }
    const previous = fields[name];
    fields[name] = previous === undefined ? (rawName.endsWith('[]') ? [value] : value) : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  refuseUnstorable({ ...fields, attachments: files.map((file) => file.fileName) });
  return { fields, files };
};

// Builds the call's readers. The body is read once: a multipart body's fields also answer body().
export const apiCall = (ctx: Ctx, request: Request, params: Record<string, string>): ApiCall => {
  const url = new URL(request.url);
  let form: Promise<Awaited<ReturnType<typeof readForm>>> | undefined;
  const multipart = () => (isMultipart(request) ? (form ??= readForm(request)) : Promise.resolve(null));
  return {
    ctx,
    request,
    params,
    // A NUL byte or deep nesting anywhere is refused before the schema (422 naming the field).
    query: (schema) => schema.parse(refuseUnstorable(queryObject(url))),
    body: async (schema) => {
      const parsed = await multipart();
      return schema.parse(refuseUnstorable(parsed ? parsed.fields : await readJson(request)));
    },
    multipart,
  };
};

// A path's `:id`: one that is not an id names nothing, so it is 404 like one that does not exist.
export const pathIdOf = (value: string | undefined, entity?: string): number => {
  const parsed = ZDbId.safeParse(value);
  if (!parsed.success) throw new DomainError('NOT_FOUND', entity ? { entity } : {});
  return parsed.data;
};

// Query values arrive as text: these read them the way Chatwoot's Rails params do.
export const zQueryList = z.preprocess((value) => (value === undefined ? undefined : Array.isArray(value) ? value : String(value).split(',')), z.array(z.string()).optional());
export const zFormBoolean = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

// Chatwoot's `labels` body (conversation and contact labels): titles, as an array or comma-separated.
export const ZLabelsBody = z.object({
  labels: z.preprocess((value) => (typeof value === 'string' ? value.split(',') : value), z.array(z.string().trim().min(1).max(255)).max(50)),
});
