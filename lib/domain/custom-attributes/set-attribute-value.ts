import { eq } from 'drizzle-orm';
import { conversations, type CustomAttributes } from '@/db/schema';
import type { Ctx } from '../context';
import { applyConversationChange } from '../conversations/actions/apply-conversation-change';
import { attributeChange } from './attribute-change';
import { parseAttributeValueTarget, type TAttributeValueTarget } from './attribute-value-target';
import { writeContactAttribute } from './write-contact-attribute';

export type TSetAttributeValueInput = TAttributeValueTarget & { value: unknown };

// A1/A2: sets one custom attribute of a conversation or a contact the actor may see (NOT_FOUND
// otherwise; NOT_FOUND `attribute_definition` for a key the account has not defined). The value is
// validated by the definition's type (validateAttributeValue): INVALID_INPUT { field: key, reason,
// hint? } otherwise. On a conversation it writes "Carlos cambió «Monto» a 1500" in the same
// transaction; a contact gets no activity (see writeContactAttribute). Returns the record's
// attributes after the change.
export const setAttributeValue = async (ctx: Ctx, input: TSetAttributeValueInput): Promise<CustomAttributes> => {
  const { model, recordId, key } = parseAttributeValueTarget(input);
  // null is what clearing stores: setting "nothing" must say so with clearAttributeValue.
  const value = input.value ?? '';
  if (model === 'contact') return writeContactAttribute(ctx, { contactId: recordId, key, value });

  await applyConversationChange(ctx, { conversationIds: [recordId], change: attributeChange({ key, value }) });
  const [row] = await ctx.db.select({ customAttributes: conversations.customAttributes }).from(conversations).where(eq(conversations.id, recordId));
  return row.customAttributes;
};
