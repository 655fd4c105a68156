import { eq } from 'drizzle-orm';
import { conversations, type CustomAttributes } from '@/db/schema';
import type { Ctx } from '../context';
import { applyConversationChange } from '../conversations/actions/apply-conversation-change';
import { attributeChange } from './attribute-change';
import { parseAttributeValueTarget, type TAttributeValueTarget } from './attribute-value-target';
import { writeContactAttribute } from './write-contact-attribute';

export type TClearAttributeValueInput = TAttributeValueTarget;

// A1/A2: removes one custom attribute's value from a conversation or a contact the actor may see
// (same rules as setAttributeValue). On a conversation it writes "Carlos borró «Monto»"; clearing
// a value that is not set changes nothing. Returns the record's attributes after the change.
export const clearAttributeValue = async (ctx: Ctx, input: TClearAttributeValueInput): Promise<CustomAttributes> => {
  const { model, recordId, key } = parseAttributeValueTarget(input);
  if (model === 'contact') return writeContactAttribute(ctx, { contactId: recordId, key, value: null });

  await applyConversationChange(ctx, { conversationIds: [recordId], change: attributeChange({ key, value: null }) });
  const [row] = await ctx.db.select({ customAttributes: conversations.customAttributes }).from(conversations).where(eq(conversations.id, recordId));
  return row.customAttributes;
};
