import { viewLayout } from '@/components/conversation-list/view-layout';

// V6: one view per team.
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('team');
