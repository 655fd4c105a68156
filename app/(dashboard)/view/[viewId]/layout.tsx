import { routeViews } from '@/components/conversation-list/route-views';
import { viewLayout } from '@/components/conversation-list/view-layout';

// V7: a saved view (a filter saved under a name). The list, kept while the conversation beside it changes.
export default viewLayout(routeViews.saved);
