// The same view with a conversation open in the chat panel.
export { default } from '../page';
