import { routeViews } from '@/components/conversation-list/route-views';
import { viewPage } from '@/components/conversation-list/view-page';

// The view with a conversation open in the chat panel, beside the list (../layout.tsx).
export default viewPage(routeViews.all);
