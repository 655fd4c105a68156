import { viewPage } from '@/components/conversation-list/view-page';

// V6: one view per team.
export default viewPage((params) => ({ kind: 'team', teamId: params.teamId }));
