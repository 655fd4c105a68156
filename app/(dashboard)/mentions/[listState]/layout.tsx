import { viewLayout } from '@/components/conversation-list/view-layout';

// V2 "Menciones": conversations where a teammate @mentioned me, newest mention first.
// [listState]: the list's tab, status, sort and filter, put there by the middleware.
export default viewLayout('mentions');
