import { viewPage } from '@/components/conversation-list/view-page';

// V5: one view per label.
export default viewPage((params) => ({ kind: 'label', labelId: params.labelId }));
