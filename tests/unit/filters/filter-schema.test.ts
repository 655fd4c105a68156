import { describe, expect, it } from 'vitest';
import { ALLOWED_OPERATORS, FIELD_KINDS, FILTER_FIELDS, ZConversationFilter } from '@/lib/domain/conversations/filters/filter-schema';
import { parseAttributeField } from '@/lib/domain/conversations/filters/parse-attribute-field';

const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });

describe('ZConversationFilter', () => {
  it('accepts a filter of fixed fields and custom attributes, joined by and / or', () => {
    const filter = {
      operator: 'or',
      conditions: [
        { field: 'status', op: 'equal', value: ['open', 'pending'] },
        { field: 'assignee', op: 'equal', value: 'me' },
        { field: 'label', op: 'not_present' },
        { field: 'created_at', op: 'last_n_days', value: 7 },
        { field: 'contact_email', op: 'contains', value: '@acme' },
        { field: 'conversation_attribute:plan', op: 'equal', value: 'pro' },
        { field: 'contact_attribute:vip', op: 'equal', value: true },
      ],
    };
    expect(ZConversationFilter.parse(filter)).toEqual(filter);
  });

  it('has an operator list for every fixed field, and only those pairs pass', () => {
    for (const field of FILTER_FIELDS) {
      const allowed = ALLOWED_OPERATORS[FIELD_KINDS[field]];
      expect(allowed.length).toBeGreaterThan(0);
      if (!allowed.includes('contains')) expect(ZConversationFilter.safeParse(one(field, 'contains', 'x')).success).toBe(false);
    }
    expect(ZConversationFilter.safeParse(one('status', 'present')).success).toBe(false);
    expect(ZConversationFilter.safeParse(one('created_at', 'greater_than', '2024-01-01')).success).toBe(false);
    expect(ZConversationFilter.safeParse(one('team', 'present')).success).toBe(true);
  });

  it('checks fixed-field values; leaves custom attribute values to the definitions', () => {
    expect(ZConversationFilter.safeParse(one('status', 'equal', 'closed')).success).toBe(false);
    expect(ZConversationFilter.safeParse(one('created_at', 'before', '2023-02-29')).success).toBe(false);
    expect(ZConversationFilter.safeParse(one('created_at', 'before', '2024-02-29')).success).toBe(true);
    expect(ZConversationFilter.safeParse(one('conversation_attribute:anything', 'equal', 'whatever')).success).toBe(true);
  });

  it('refuses extra keys, control characters in attribute keys, and more than 10 conditions', () => {
    expect(ZConversationFilter.safeParse({ ...one('status', 'equal', 'open'), where: '1=1' }).success).toBe(false);
    expect(ZConversationFilter.safeParse(one('conversation_attribute:a\u0000b', 'present')).success).toBe(false);
    expect(ZConversationFilter.safeParse(one('conversation_attribute:' + 'k'.repeat(101), 'present')).success).toBe(false);
    const status = { field: 'status', op: 'equal', value: 'open' };
    expect(ZConversationFilter.safeParse({ operator: 'and', conditions: Array(10).fill(status) }).success).toBe(true);
    expect(ZConversationFilter.safeParse({ operator: 'and', conditions: Array(11).fill(status) }).success).toBe(false);
  });

  it('does not trip over prototype names used as fields', () => {
    for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(ZConversationFilter.safeParse(one(field, 'equal', 'x')).success).toBe(false);
    }
  });
});

describe('parseAttributeField', () => {
  it('splits model and key; the key may hold any printable characters', () => {
    expect(parseAttributeField('contact_attribute:tier')).toEqual({ model: 'contact', key: 'tier' });
    expect(parseAttributeField("conversation_attribute:a'->>'b:c")).toEqual({ model: 'conversation', key: "a'->>'b:c" });
    expect(parseAttributeField('status')).toBeNull();
    expect(parseAttributeField('message_attribute:x')).toBeNull();
  });
});
