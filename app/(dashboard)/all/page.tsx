import { viewPage } from '@/components/conversation-list/view-page';

// V1 "Todas las conversaciones".
export default viewPage(() => ({ kind: 'all' }));
