import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, contacts, conversations } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { publishAfterCommit } from '../events/publish';
import { avatarKeyOf } from './avatar-location';
import { contactAttachments } from './contact-attachments';
import { contactEvents } from './contact-events';
import { contactFootprint } from './contact-footprint';
import { parseContactInput, ZContactId } from './contact-input';
import { contactScope } from './contact-scope';
import type { DeletePreview } from './preview-delete';

const FILE_DELETES_AT_ONCE = 16;

export const ZDeleteContactInput = z.object({ contactId: ZContactId });
export type TDeleteContactInput = z.input<typeof ZDeleteContactInput>;

// K4 "Eliminar contacto": deletes the contact for good with its conversations (in every inbox),
// their messages and attachments (the foreign keys cascade), then removes the attachment files and
// the uploaded avatar from storage. Administrators only: FORBIDDEN for agents.
// Files are removed after the commit, from keys collected inside the transaction: a rolled-back
// delete never loses a file. A file whose removal fails is logged and left as an orphan (garbage,
// never a broken attachment): the rows are gone either way, and the customer's data is no longer
// reachable through the app. Publishes contact.deleted on the channels of the inboxes it had
// conversations in. Returns what was deleted.
export const deleteContact = async (ctx: Ctx, input: TDeleteContactInput): Promise<DeletePreview> => {
  requireAdministrator(ctx.actor);
  const { contactId } = parseContactInput(ZDeleteContactInput, input);

  const outcome = await ctx.db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id, accountId: contacts.accountId, avatarUrl: contacts.avatarUrl })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), contactScope(ctx.actor)))
      .for('update');
    if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });
    // Locking the conversations holds back uploads and messages being added to them (their foreign
    // key checks wait, then fail), so no file is written that the list below would miss.
    await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, contact.id)).for('update');

    const { conversations: conversationCount, messages, attachments: attachmentCount } = await contactFootprint(tx, contact.id);
    const files = await tx.select({ storageKey: attachments.storageKey }).from(attachments).where(contactAttachments(contact.id));
    const events = await contactEvents(tx, { accountId: contact.accountId, contactIds: [contact.id], event: 'contact.deleted', data: { contactId: contact.id } });
    await tx.delete(contacts).where(eq(contacts.id, contact.id));

    const avatarKey = avatarKeyOf(contact.accountId, contact.avatarUrl);
    return {
      deleted: { conversations: conversationCount, messages, attachments: attachmentCount },
      keys: [...files.map((file) => file.storageKey), ...(avatarKey ? [avatarKey] : [])],
      events,
    };
  });

  // A few at a time: a contact with thousands of files must not open thousands of requests at once.
  for (let start = 0; start < outcome.keys.length; start += FILE_DELETES_AT_ONCE) {
    await Promise.all(
      outcome.keys
        .slice(start, start + FILE_DELETES_AT_ONCE)
        .map((key) => ctx.storage.delete(key).catch((error) => console.error(`contacts: deleting file ${key} failed`, error))),
    );
  }
  await publishAfterCommit(ctx, outcome.events);
  return outcome.deleted;
};
