import { DomainError } from '@/lib/domain/errors';

// pusher-js posts `socket_id` (and `channel_name`) as a form; JSON is accepted too.
export const readRealtimeAuthFields = async (request: Request): Promise<Record<string, unknown>> => {
  try {
    if (request.headers.get('content-type')?.includes('application/json')) return ((await request.json()) ?? {}) as Record<string, unknown>;
    return Object.fromEntries(await request.formData());
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'body' });
  }
};

// A socket id in the format pusher-js and the SDKs use ("1234.5678"), or null.
export const asSocketId = (value: unknown): string | null => (typeof value === 'string' && /^\d{1,20}\.\d{1,20}$/.test(value) ? value : null);

// The `socket_id` of an auth request's fields, or null.
export const socketIdOf = (fields: Record<string, unknown>): string | null => asSocketId(fields.socket_id);
