import { NoConversation } from '@/components/shell/conversation-workspace';

// V7: a saved view (a filter saved under a name). No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
