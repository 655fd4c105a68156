import { viewLayout } from '@/components/conversation-list/view-layout';

// V5: one view per label.
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('label');
