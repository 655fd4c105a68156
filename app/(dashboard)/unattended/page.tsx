import { viewPage } from '@/components/conversation-list/view-page';

// V3 "Desatendido": first reply pending, or the customer wrote again.
export default viewPage(() => ({ kind: 'unattended' }));
