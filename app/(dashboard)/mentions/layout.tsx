import { routeViews } from '@/components/conversation-list/route-views';
import { viewLayout } from '@/components/conversation-list/view-layout';

// V2 "Menciones": conversations where a teammate @mentioned me, newest mention first. The list, kept while the conversation beside it changes.
export default viewLayout(routeViews.mentions);
