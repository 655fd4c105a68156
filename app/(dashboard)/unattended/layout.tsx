import { routeViews } from '@/components/conversation-list/route-views';
import { viewLayout } from '@/components/conversation-list/view-layout';

// V3 "Desatendido": first reply pending, or the customer wrote again. The list, kept while the conversation beside it changes.
export default viewLayout(routeViews.unattended);
