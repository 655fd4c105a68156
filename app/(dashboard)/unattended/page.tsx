import { getTranslations } from 'next-intl/server';
import { ConversationWorkspace } from '@/components/shell/conversation-workspace';

// V3 "Desatendido".
const UnattendedPage = async () => <ConversationWorkspace title={(await getTranslations('views'))('unattended')} />;

export default UnattendedPage;
