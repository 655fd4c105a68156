import { viewPage } from '@/components/conversation-list/view-page';

// V7: a saved view (a filter saved under a name).
export default viewPage((params) => ({ kind: 'saved', savedViewId: params.viewId }));
