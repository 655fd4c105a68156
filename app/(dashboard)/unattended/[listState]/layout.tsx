import { viewLayout } from '@/components/conversation-list/view-layout';

// V3 "Desatendido": first reply pending, or the customer wrote again.
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('unattended');
