import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { contactLabels, contacts, labels } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { publishAfterCommit } from '../events/publish';
import { labelsByTitle } from '../labels/labels-by-title';
import { inTransaction } from '../transactions/in-transaction';
import { contactEvents } from './contact-events';
import { parseContactInput, ZContactId } from './contact-input';
import { contactScope } from './contact-scope';

export type ContactLabel = { id: number; title: string; color: string };

// A contact's labels, by title (the order of the contact card, D1).
export const loadContactLabels = (ctx: Pick<Ctx, 'db'>, contactId: number): Promise<ContactLabel[]> =>
  ctx.db
    .select({ id: labels.id, title: labels.title, color: labels.color })
    .from(contactLabels)
    .innerJoin(labels, eq(labels.id, contactLabels.labelId))
    .where(eq(contactLabels.contactId, contactId))
    .orderBy(asc(sql`lower(${labels.title})`), asc(labels.id));

const visibleContact = async (ctx: Ctx, contactId: number, lock: boolean) => {
  const query = ctx.db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, contactId), contactScope(ctx.actor)));
  const [contact] = lock ? await query.for('update') : await query;
  if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  return contact;
};

export const ZListContactLabelsInput = z.object({ contactId: ZContactId });

// The labels of a contact the actor may see (NOT_FOUND otherwise).
export const listContactLabels = async (ctx: Ctx, input: z.input<typeof ZListContactLabelsInput>): Promise<ContactLabel[]> => {
  const { contactId } = parseContactInput(ZListContactLabelsInput, input);
  await visibleContact(ctx, contactId, false);
  return loadContactLabels(ctx, contactId);
};

export const ZSetContactLabelsInput = z.object({ contactId: ZContactId, titles: z.array(z.string().max(255)).max(50) });

// Chatwoot's contact labels: the contact's labels become exactly these titles (a title the account
// has no label for is created: administrators only, labelsByTitle), in one transaction with the
// contact locked, then contact.updated to the inboxes where the contact has conversations.
export const setContactLabels = async (ctx: Ctx, input: z.input<typeof ZSetContactLabelsInput>): Promise<ContactLabel[]> => {
  const { contactId, titles } = parseContactInput(ZSetContactLabelsInput, input);
  const at = ctx.now();
  // inTransaction holds the events back until the commit.
  return inTransaction(ctx, async (txCtx) => {
    await visibleContact(txCtx, contactId, true);
    const wanted = await labelsByTitle(txCtx, titles);
    const ids = wanted.map((label) => label.id);
    await txCtx.db.delete(contactLabels).where(and(eq(contactLabels.contactId, contactId), ids.length ? notInArray(contactLabels.labelId, ids) : undefined));
    if (ids.length) await txCtx.db.insert(contactLabels).values(ids.map((labelId) => ({ contactId, labelId }))).onConflictDoNothing();
    const data = { contactId, updatedAt: at.toISOString() };
    await publishAfterCommit(txCtx, await contactEvents(txCtx.db, { accountId: txCtx.actor.accountId, contactIds: [contactId], event: 'contact.updated', data }));
    return loadContactLabels(txCtx, contactId);
  });
};
