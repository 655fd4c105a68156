import { viewLayout } from '@/components/conversation-list/view-layout';

// V1 "Todas las conversaciones".
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('all');
