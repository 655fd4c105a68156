import { and, eq } from 'drizzle-orm';
import { contacts, type CustomAttributes } from '@/db/schema';
import type { AttributeValue } from '../activity/activity-text';
import type { Ctx } from '../context';
import { contactEvents } from '../contacts/contact-events';
import { contactScope } from '../contacts/contact-scope';
import { DomainError } from '../errors';
import { publishAfterCommit, type RealtimeEvent } from '../events/publish';
import { loadAttributeDefinition } from './load-attribute-definition';
import { storedAttribute } from './stored-attribute';
import { validateAttributeValue } from './validate-attribute-value';

// A2: sets (value, validated against its definition) or clears (null) one custom attribute of a
// contact the actor may see (contactScope; NOT_FOUND otherwise), then publishes contact.updated.
// No activity message is written: activity messages belong to a conversation's history, and a
// contact's attribute is not something that happened in any one of its conversations (it would
// otherwise repeat in all of them). The same value again changes nothing and publishes nothing.
// Returns the contact's attributes after the change.
export const writeContactAttribute = async (
  ctx: Ctx,
  { contactId, key, value }: { contactId: number; key: string; value: unknown },
): Promise<CustomAttributes> => {
  const outcome = await ctx.db.transaction(async (tx) => {
    // The lock orders two agents editing the same contact: each compares with the other's value.
    const [contact] = await tx
      .select({ id: contacts.id, accountId: contacts.accountId, customAttributes: contacts.customAttributes })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), contactScope(ctx.actor)))
      .for('update');
    if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });

    const definition = await loadAttributeDefinition(tx, { accountId: contact.accountId, model: 'contact', key });
    const next: AttributeValue | null = value === null ? null : validateAttributeValue(definition, value);
    if ((contact.customAttributes[key] ?? null) === next) return { customAttributes: contact.customAttributes, events: [] as RealtimeEvent[] };

    const at = ctx.now();
    const [updated] = await tx
      .update(contacts)
      .set({ customAttributes: storedAttribute(contacts.customAttributes, key, next), updatedAt: at })
      .where(eq(contacts.id, contact.id))
      .returning({ customAttributes: contacts.customAttributes });
    const events = await contactEvents(tx, {
      accountId: contact.accountId,
      contactIds: [contact.id],
      event: 'contact.updated',
      data: { contactId: contact.id, attributeKey: key, updatedAt: at.toISOString() },
    });
    return { customAttributes: updated.customAttributes, events };
  });

  await publishAfterCommit(ctx, outcome.events);
  return outcome.customAttributes;
};
