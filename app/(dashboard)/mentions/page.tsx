import { NoConversation } from '@/components/shell/conversation-workspace';

// V2 "Menciones": conversations where a teammate @mentioned me, newest mention first. No conversation open: the chat panel's placeholder beside the list (layout.tsx).
export default NoConversation;
