import { routeViews } from '@/components/conversation-list/route-views';
import { viewLayout } from '@/components/conversation-list/view-layout';

// V5: one view per label. The list, kept while the conversation beside it changes.
export default viewLayout(routeViews.label);
