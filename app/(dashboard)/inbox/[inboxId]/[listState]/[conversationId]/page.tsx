import { viewPage } from '@/components/conversation-list/view-page';

// The view with a conversation open in the chat panel.
export default viewPage('inbox');
