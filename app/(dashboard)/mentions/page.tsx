import { getTranslations } from 'next-intl/server';
import { ConversationWorkspace } from '@/components/shell/conversation-workspace';

// V2 "Menciones".
const MentionsPage = async () => <ConversationWorkspace title={(await getTranslations('views'))('mentions')} />;

export default MentionsPage;
