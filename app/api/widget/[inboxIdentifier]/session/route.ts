import { sessionHandler } from '../../_lib/widget-handlers';
import { widgetHandler } from '../../_lib/widget-route';

export const dynamic = 'force-dynamic';

export const POST = widgetHandler(sessionHandler, { visitor: false });
