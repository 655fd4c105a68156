import { readBody, apiJson } from '@/app/public/api/v1/_lib/client-api-route';
import { startWidgetSession, ZWidgetSessionInput } from '@/lib/domain/channels/widget/widget-session';
import { widgetHandler } from '../../_lib/widget-route';

export const dynamic = 'force-dynamic';

// POST { token?, identifier?, identifierHash? }: the widget starts; its (renewed) visitor token and
// what the visitor sees. 403 for an unverified identifier when the inbox requires verification.
export const POST = widgetHandler(
  async ({ ctx, inbox, request }) => {
    const input = await readBody(request, ZWidgetSessionInput);
    if (input instanceof Response) return input;
    return apiJson(await startWidgetSession(ctx, inbox, input));
  },
  { visitor: false },
);
