import * as handlers from '@/app/public/api/v1/_lib/client-api-handlers';
import { clientApiHandler } from '@/app/public/api/v1/_lib/client-api-route';
import type { ChannelWorkspace } from './channels-factories';

export type ClientApiHandlerName = keyof typeof handlers;

// Calls a client API handler the way its route does, with the test database behind it (the
// workspace's ctx, and so its clock). The client IP is 203.0.113.9 unless `ip` says otherwise.
export const callClientApi = async (
  workspace: ChannelWorkspace,
  handler: ClientApiHandlerName,
  params: { contact?: string; conversation?: string | number; inbox?: string; message?: string | number },
  options: { method?: string; body?: unknown; headers?: Record<string, string>; ip?: string } = {},
) => {
  const response = await clientApiHandler(handlers[handler], { ports: async () => workspace.ctx })(
    new Request('http://localhost/public/api/v1/x', {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      // FormData: fetch's Request writes the multipart Content-Type with its boundary.
      headers: { ...(options.body instanceof FormData ? {} : { 'Content-Type': 'application/json' }), 'X-Forwarded-For': options.ip ?? '203.0.113.9', ...options.headers },
      body: options.body === undefined ? undefined : options.body instanceof FormData || typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    }),
    {
      params: Promise.resolve({
        inboxIdentifier: params.inbox ?? workspace.inbox.identifier,
        contactIdentifier: params.contact,
        conversationId: params.conversation === undefined ? undefined : String(params.conversation),
        messageId: params.message === undefined ? undefined : String(params.message),
      }),
    },
  );
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after'), headers: response.headers };
};
