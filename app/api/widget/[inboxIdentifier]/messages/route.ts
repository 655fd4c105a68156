import { postMessageHandler, viewHandler } from '../../_lib/widget-handlers';
import { widgetHandler } from '../../_lib/widget-route';

export const dynamic = 'force-dynamic';

export const GET = widgetHandler(viewHandler);
export const POST = widgetHandler(postMessageHandler);
