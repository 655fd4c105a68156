import { notFound } from 'next/navigation';
import { ConversationWorkspace } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';

type Props = { params: Promise<{ inboxId: string }> };

// V4: one view per inbox the agent belongs to.
const InboxPage = async ({ params }: Props) => {
  const { inboxId } = await params;
  const inbox = (await listInboxes(await requireCtx())).find((candidate) => String(candidate.id) === inboxId);
  if (!inbox) notFound();
  return <ConversationWorkspace title={inbox.name} />;
};

export default InboxPage;
