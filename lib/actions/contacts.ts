'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteContact } from '@/lib/domain/contacts/delete-contact';
import { mergeContacts } from '@/lib/domain/contacts/merge-contacts';
import { setContactAvatar } from '@/lib/domain/contacts/set-contact-avatar';
import { updateContact } from '@/lib/domain/contacts/update-contact';
import { startConversation } from '@/lib/domain/conversations/start-conversation';
import { formAction } from './action';

// The domain parses ids itself (a malformed one is NOT_FOUND); forms post text.
const ZId = z.string().max(20);

// Where the dialog goes back to: a path of this app only (never `//host` or `\`), so a forged
// form cannot send the agent to another site.
const ZReturnTo = z.string().max(4000).regex(/^\/(?![/\\])[^\s\\]*$/);

// Everything the contact dialogs change shows in the list, the chat header and the sidebar.
const done = (href: string): never => {
  revalidatePath('/', 'layout');
  redirect(href);
};

// K1 "Nuevo mensaje": start a conversation with the contact and land in it.
export const startConversationAction = formAction(z.object({ contactId: ZId, inboxId: ZId, content: z.string().max(300_000) }), async (ctx, input) => {
  const { conversationId } = await startConversation(ctx, input);
  done(`/all/${conversationId}?details=1`);
});

const ZText = z.string().max(2000).optional();

// K2 "Editar contacto" ("Enviar"): the fields, then the avatar when a picture was chosen. A field
// left empty is cleared; an error names its field (details.field) so the form shows it there.
export const updateContactAction = formAction(
  z.object({
    contactId: ZId,
    returnTo: ZReturnTo,
    name: z.string().max(2000),
    email: ZText,
    phone: ZText,
    bio: ZText,
    company: ZText,
    country: ZText,
    city: ZText,
    facebook: ZText,
    twitter: ZText,
    linkedin: ZText,
    github: ZText,
    avatar: z.instanceof(File).optional(),
  }),
  async (ctx, { returnTo, avatar, facebook, twitter, linkedin, github, ...fields }) => {
    await updateContact(ctx, { ...fields, socialProfiles: { facebook, twitter, linkedin, github } });
    if (avatar && avatar.size > 0) {
      try {
        await setContactAvatar(ctx, { contactId: fields.contactId, stream: avatar.stream() });
      } catch (error) {
        // The other fields are saved: show them, with the picture's error next to its field.
        revalidatePath('/', 'layout');
        throw error;
      }
    }
    done(returnTo);
  },
);

// K3 "Combinar contacto": the secondary goes into the primary, then back to the sidebar.
export const mergeContactsAction = formAction(z.object({ primaryId: ZId, secondaryId: ZId, returnTo: ZReturnTo }), async (ctx, { returnTo, ...input }) => {
  await mergeContacts(ctx, input);
  done(returnTo);
});

// K4 "Eliminar contacto" (administrators): for good, then back to the list.
export const deleteContactAction = formAction(z.object({ contactId: ZId, returnTo: ZReturnTo }), async (ctx, { returnTo, contactId }) => {
  await deleteContact(ctx, { contactId });
  done(returnTo);
});
