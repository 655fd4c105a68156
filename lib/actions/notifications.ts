'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/domain/notifications/mark-notifications-read';
import { formAction } from './action';

const ZNotificationId = z.coerce.number().int().positive();

// The bell and the notifications page are in the layout: re-render it.
const refresh = () => revalidatePath('/', 'layout');

// Opening a notification (a button, so it works without JavaScript): read it and show its conversation.
export const openNotificationAction = formAction(z.object({ notificationId: ZNotificationId }), async (ctx, input) => {
  const { conversationId } = await markNotificationRead(ctx, input);
  refresh();
  redirect(conversationId ? `/all/${conversationId}` : '/notifications');
});

// "Marcar como leída" without opening it.
export const markNotificationReadAction = formAction(z.object({ notificationId: ZNotificationId }), async (ctx, input) => {
  await markNotificationRead(ctx, input);
  refresh();
});

// "Marcar todas como leídas".
export const markAllNotificationsReadAction = formAction(z.object({}), async (ctx) => {
  await markAllNotificationsRead(ctx);
  refresh();
});
