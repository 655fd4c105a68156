import { NotificationsList } from '@/components/notifications/notifications-list';
import { requireCtx } from '@/lib/auth/session';
import { countUnreadNotifications, listNotifications } from '@/lib/domain/notifications/list-notifications';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The bell's full list (mention, assignment, new message where I participate), newest first.
const NotificationsPage = async ({ searchParams }: PageProps) => {
  const [ctx, search] = await Promise.all([requireCtx(), searchParams]);
  const cursor = typeof search.cursor === 'string' ? search.cursor : undefined;
  const [page, unread] = await Promise.all([listNotifications(ctx, { cursor }), countUnreadNotifications(ctx)]);
  return <NotificationsList page={page} unread={unread} paged={Boolean(cursor)} />;
};

export default NotificationsPage;
