import { contactHandler } from '../../_lib/widget-handlers';
import { widgetHandler } from '../../_lib/widget-route';

export const dynamic = 'force-dynamic';

export const POST = widgetHandler(contactHandler);
