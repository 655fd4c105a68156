import { ChatSection } from '@/components/shell/conversation-workspace';

// The chat panel of the view before a conversation is opened: a hint to pick one. (The chat's code
// loads with the first conversation opened: list pages do not carry it.)
const NoConversation = () => <ChatSection />;

export default NoConversation;
