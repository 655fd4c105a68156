import { NoConversation } from '@/components/shell/conversation-workspace';

// V4: one view per inbox. No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
