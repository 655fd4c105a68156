import { routeViews } from '@/components/conversation-list/route-views';
import { viewLayout } from '@/components/conversation-list/view-layout';

// V4: one view per inbox. The list, kept while the conversation beside it changes.
export default viewLayout(routeViews.inbox);
