'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/domain/notifications/mark-notifications-read';
import { ZDbId } from '@/lib/domain/request-values';
import { formAction, zFormList } from './action';


// The bell and the notifications page are in the layout: re-render it.
const refresh = () => revalidatePath('/', 'layout');

// Opening a notification (a button, so it works without JavaScript): read it and show its conversation.
// A grouped row of the bell ("3 mensajes nuevos en #166") also reads the rest of its group (`alsoRead`).
export const openNotificationAction = formAction(z.object({ notificationId: ZDbId, alsoRead: zFormList(ZDbId).pipe(z.array(z.number()).max(50)) }), async (ctx, input) => {
  for (const notificationId of input.alsoRead) await markNotificationRead(ctx, { notificationId });
  const { conversationId } = await markNotificationRead(ctx, { notificationId: input.notificationId });
  refresh();
  redirect(conversationId ? `/all/${conversationId}` : '/notifications');
});

// "Marcar como leída" without opening it.
export const markNotificationReadAction = formAction(z.object({ notificationId: ZDbId, alsoRead: zFormList(ZDbId).pipe(z.array(z.number()).max(50)) }), async (ctx, input) => {
  for (const notificationId of input.alsoRead) await markNotificationRead(ctx, { notificationId });
  await markNotificationRead(ctx, { notificationId: input.notificationId });
  refresh();
});

// "Marcar todas como leídas".
export const markAllNotificationsReadAction = formAction(z.object({}), async (ctx) => {
  await markAllNotificationsRead(ctx);
  refresh();
});
