import { getTranslations } from 'next-intl/server';
import { ConversationWorkspace } from '@/components/shell/conversation-workspace';

// V1 "Todas las conversaciones".
const AllConversationsPage = async () => <ConversationWorkspace title={(await getTranslations('views'))('all')} />;

export default AllConversationsPage;
