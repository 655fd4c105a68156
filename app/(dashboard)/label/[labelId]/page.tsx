import { NoConversation } from '@/components/shell/conversation-workspace';

// V5: one view per label. No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
