import { MessagesProvider } from '@/components/i18n/messages-provider';
import { DashboardShell } from '@/components/shell/dashboard-shell';
import { requireCtx } from '@/lib/auth/session';

// Every dashboard page is per-agent and live: never prerendered.
export const dynamic = 'force-dynamic';

const DashboardLayout = async ({ children }: { children: React.ReactNode }) => {
  const ctx = await requireCtx();
  return (
    <MessagesProvider scope="workspace">
      <DashboardShell ctx={ctx}>{children}</DashboardShell>
    </MessagesProvider>
  );
};

export default DashboardLayout;
