import { NoConversation } from '@/components/shell/conversation-workspace';

// V1 "Todas las conversaciones". No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
