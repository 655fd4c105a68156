import { NoConversation } from '@/components/shell/conversation-workspace';

// V3 "Desatendido": first reply pending, or the customer wrote again. No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
