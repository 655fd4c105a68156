import { readBody, apiJson } from '@/app/public/api/v1/_lib/client-api-route';
import { updateWidgetContact, ZWidgetContactInput } from '@/lib/domain/channels/widget/widget-session';
import { visitorOf, widgetHandler } from '../../_lib/widget-route';

export const dynamic = 'force-dynamic';

// POST { name?, email? }: "¿Cómo te contactamos?", stored on the visitor's contact.
export const POST = widgetHandler(async ({ ctx, request, visitor }) => {
  const input = await readBody(request, ZWidgetContactInput);
  if (input instanceof Response) return input;
  return apiJson(await updateWidgetContact(ctx, visitorOf(visitor), input));
});
