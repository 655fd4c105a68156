import { viewPage } from '@/components/conversation-list/view-page';

// V2 "Menciones": conversations where a teammate @mentioned me, newest mention first.
export default viewPage(() => ({ kind: 'mentions' }));
