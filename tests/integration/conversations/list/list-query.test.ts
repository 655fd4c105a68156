import { describe, expect, it } from 'vitest';
import { listQueryToSearchParams, parseListQuery } from '@/lib/domain/conversations/list/list-query';

// Pure: the URL round trip of the list state.
describe('list query in the URL', () => {
  it('defaults to "Mías", open, most recent, first page', () => {
    expect(parseListQuery(new URLSearchParams()).query).toEqual({ tab: 'mine', status: 'open', sort: 'recent' });
  });

  // Issue 13 (2): mentions and unattended pick their conversations by rule; "Mías" was often empty.
  it('opens mentions and unattended on "Todos", and round-trips "Mías" there explicitly', () => {
    for (const kind of ['mentions', 'unattended'] as const) {
      expect(parseListQuery(new URLSearchParams(), { kind }).query.tab).toBe('all');
      expect(parseListQuery(new URLSearchParams({ tab: 'junk' }), { kind }).query.tab).toBe('all');
      expect(listQueryToSearchParams({ tab: 'all' }, { kind }).toString()).toBe('');
      const mine = listQueryToSearchParams({ tab: 'mine' }, { kind });
      expect(mine.toString()).toBe('tab=mine');
      expect(parseListQuery(mine, { kind }).query.tab).toBe('mine');
    }
    for (const kind of ['all', 'inbox', 'label', 'team', 'saved'] as const) {
      expect(parseListQuery(new URLSearchParams(), { kind }).query.tab).toBe('mine');
    }
  });

  it('reads every field and writes back only what differs from the defaults', () => {
    const filter = { operator: 'or', conditions: [{ field: 'priority', op: 'equal', value: 'urgent' }] };
    const params = new URLSearchParams({ tab: 'all', status: 'snoozed', sort: 'waiting', cursor: 'abc', filter: JSON.stringify(filter) });

    const { query, error } = parseListQuery(params);

    expect(error).toBeUndefined();
    expect(query).toEqual({ tab: 'all', status: 'snoozed', sort: 'waiting', cursor: 'abc', filter });
    expect(Object.fromEntries(listQueryToSearchParams(query))).toEqual(Object.fromEntries(params));
    expect(listQueryToSearchParams({ tab: 'mine', status: 'open', sort: 'recent' }).toString()).toBe('');
  });

  it('takes defaults on junk, from plain records too (Next.js searchParams)', () => {
    const { query, error } = parseListQuery({ tab: 'everyone', status: ['resolved', 'open'], sort: '1; drop', cursor: '' });

    expect(error).toBeUndefined();
    expect(query).toEqual({ tab: 'mine', status: 'resolved', sort: 'recent' });
  });

  it('drops a malformed filter and returns INVALID_INPUT for the page to show', () => {
    for (const filter of ['{not json', JSON.stringify({ operator: 'and', conditions: [{ field: 'nope', op: 'equal', value: 1 }] })]) {
      const { query, error } = parseListQuery(new URLSearchParams({ filter, status: 'all' }));
      expect(query.filter).toBeUndefined();
      expect(query.status).toBe('all');
      expect(error?.code).toBe('INVALID_INPUT');
    }
  });
});
