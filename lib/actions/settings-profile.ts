'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { clientIp } from '@/lib/auth/client-ip';
import { changePassword } from '@/lib/domain/users/change-password';
import { updateEnterToSend } from '@/lib/domain/users/update-enter-to-send';
import { updateProfile } from '@/lib/domain/users/update-profile';
import { formAction, zFormList } from './action';

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

// Profile: name, picture, time zone and notification preferences of the signed-in person.
export const updateProfileAction = formAction(
  z.object({
    name: z.string(),
    avatarUrl: z.string().default(''),
    timeZone: z.string(),
    notifyOn: zFormList(z.enum(['mention', 'assignment', 'participating_message', 'creation'])),
    notifyByBrowser: checkbox,
    enterToSend: checkbox,
    pushNoteText: checkbox,
    openNextAfterResolve: checkbox,
  }),
  async (ctx, input) => {
    await updateProfile(ctx, input);
    revalidatePath('/', 'layout');
  },
);

// The composer's "Enter sends" switch, saved to the profile (one preference for both places). No
// revalidation: the composer already shows the new value, and the profile page is rendered per request.
export const updateEnterToSendAction = formAction(z.object({ enterToSend: checkbox }), async (ctx, input) => {
  await updateEnterToSend(ctx, input);
});

// Outside the exported call: an inline function there would be compiled as a server action.
const ZChangePassword = z
  .object({ currentPassword: z.string(), newPassword: z.string(), confirmPassword: z.string() })
  .refine((form) => form.newPassword === form.confirmPassword, { path: ['confirmPassword'] });

// Profile: a new password, given the current one (each try counts as a sign-in attempt).
export const changePasswordAction = formAction(
  ZChangePassword,
  async (ctx, { currentPassword, newPassword }) => {
    await changePassword(ctx, { currentPassword, newPassword, ip: clientIp(await headers()) });
  },
);
