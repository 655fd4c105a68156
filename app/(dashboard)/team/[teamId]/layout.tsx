import { routeViews } from '@/components/conversation-list/route-views';
import { viewLayout } from '@/components/conversation-list/view-layout';

// V6: one view per team. The list, kept while the conversation beside it changes.
export default viewLayout(routeViews.team);
