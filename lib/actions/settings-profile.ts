'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/auth/client-ip';
import { updateSession } from '@/lib/auth';
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

const PROFILE_PATH = '/settings/profile';
const PASSWORD_CHANGED = 'password=changed';

// Outside the exported call: an inline function there would be compiled as a server action.
const ZChangePassword = z
  .object({ currentPassword: z.string(), newPassword: z.string(), confirmPassword: z.string() })
  .refine((form) => form.newPassword === form.confirmPassword, { path: ['confirmPassword'] });

// Profile: a new password, given the current one (each try counts as a sign-in attempt). Every
// other session of the person is signed out at its next request; this one takes the new password's
// stamp, and the redirect renders the page with that new cookie (a re-render of this request would
// still read the old one, and sign the changer out too).
export const changePasswordAction = formAction(
  ZChangePassword,
  async (ctx, { currentPassword, newPassword }) => {
    const { passwordStamp } = await changePassword(ctx, { currentPassword, newPassword, ip: clientIp(await headers()) });
    await updateSession({ passwordStamp });
    redirect(`${PROFILE_PATH}?${PASSWORD_CHANGED}#password`);
  },
);
