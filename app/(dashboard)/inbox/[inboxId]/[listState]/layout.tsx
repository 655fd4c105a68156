import { viewLayout } from '@/components/conversation-list/view-layout';

// V4: one view per inbox.
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('inbox');
