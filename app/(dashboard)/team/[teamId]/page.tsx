import { NoConversation } from '@/components/shell/conversation-workspace';

// V6: one view per team. No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
