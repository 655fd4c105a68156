// Custom attribute fields are `conversation_attribute:<key>` / `contact_attribute:<key>`. The key is
// only ever compared with the account's definitions and sent to SQL as a parameter.
export const ATTRIBUTE_FIELD_PATTERN = /^(conversation|contact)_attribute:(.{1,100})$/s;

export type TAttributeField = { model: 'conversation' | 'contact'; key: string };

// The model and key of a custom attribute field; null for the fixed fields.
export const parseAttributeField = (field: string): TAttributeField | null => {
  const match = ATTRIBUTE_FIELD_PATTERN.exec(field);
  return match ? { model: match[1] as TAttributeField['model'], key: match[2] } : null;
};
