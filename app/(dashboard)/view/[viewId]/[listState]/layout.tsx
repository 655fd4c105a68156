import { viewLayout } from '@/components/conversation-list/view-layout';

// V7: a saved view (a filter saved under a name).
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('saved');
