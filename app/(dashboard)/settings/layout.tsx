import { MessagesProvider } from '@/components/i18n/messages-provider';

// The settings pages' client messages (lib/i18n/client-messages.ts), not carried by every list page.
const SettingsLayout = ({ children }: { children: React.ReactNode }) => <MessagesProvider scope="settings">{children}</MessagesProvider>;

export default SettingsLayout;
