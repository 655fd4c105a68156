import { viewPage } from '@/components/conversation-list/view-page';

// V4: one view per inbox.
export default viewPage((params) => ({ kind: 'inbox', inboxId: params.inboxId }));
