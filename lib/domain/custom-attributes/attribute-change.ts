import { inArray } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import type { AttributeValue } from '../activity/activity-text';
import type { ConversationChange } from '../conversations/actions/apply-conversation-change';
import { loadAttributeDefinition } from './load-attribute-definition';
import { storedAttribute } from './stored-attribute';
import { validateAttributeValue } from './validate-attribute-value';

// A1 as a conversation change (applyConversationChange locks the conversation, writes the activity
// in the same transaction and publishes after commit): set one custom attribute (`value`, validated
// against its definition) or clear it (null). The same value again, or clearing what is not set,
// changes nothing and writes nothing.
export const attributeChange = ({ key, value }: { key: string; value: unknown }): ConversationChange => {
  let next: AttributeValue | null = null;
  return {
    set: {},
    prepare: async (tx, rows) => {
      const definition = await loadAttributeDefinition(tx, { accountId: rows[0].accountId, model: 'conversation', key });
      next = value === null ? null : validateAttributeValue(definition, value);
      return (row) => {
        const previousValue = (row.customAttributes[key] ?? null) as AttributeValue | null;
        if (previousValue === next) return null;
        const { displayName } = definition;
        return {
          activity:
            next === null
              ? { action: 'attribute_cleared', key, displayName, previousValue }
              : { action: 'attribute_changed', key, displayName, value: next, previousValue },
          changed: { attributeKey: key, attributeValue: next },
        };
      };
    },
    afterWrite: async (tx, changed) => {
      await tx
        .update(conversations)
        .set({ customAttributes: storedAttribute(conversations.customAttributes, key, next) })
        .where(inArray(conversations.id, changed.map((conversation) => conversation.id)));
    },
  };
};
