import { describe, expect, test } from 'vitest';
import { listStateOfSegment, listStateSegment, viewPathWithListState } from '@/lib/routing/list-state-segment';

const query = (text: string) => new URLSearchParams(text);

describe('the list state as a path segment', () => {
  test('a view URL gets its list state after the view, before the conversation', () => {
    const search = query('tab=unassigned&details=1');
    const segment = listStateSegment(search);
    expect(viewPathWithListState('/all', search)).toBe(`/all/${segment}`);
    expect(viewPathWithListState('/all/42', search)).toBe(`/all/${segment}/42`);
    expect(viewPathWithListState('/inbox/3/42', search)).toBe(`/inbox/3/${segment}/42`);
    expect(viewPathWithListState('/view/5', search)).toBe(`/view/5/${segment}`);
    for (const path of ['/mentions', '/unattended/7', '/label/2', '/team/9/1']) expect(viewPathWithListState(path, search)).toContain(`/${segment}`);
  });

  test('other paths are left alone', () => {
    for (const path of ['/', '/search', '/settings/inboxes/3', '/notifications', '/inbox', '/allx', '/login']) {
      expect(viewPathWithListState(path, query('tab=mine'))).toBeNull();
    }
  });

  test('only the list state counts: opening the contact sidebar or another conversation keeps the segment', () => {
    const base = listStateSegment(query('tab=mine&status=pending'));
    expect(listStateSegment(query('tab=mine&status=pending&details=1&contact=4'))).toBe(base);
    expect(listStateSegment(query('status=pending&tab=mine'))).toBe(base);
    expect(listStateSegment(query('tab=all&status=pending'))).not.toBe(base);
    expect(listStateSegment(query('tab=mine&status=pending&panel=filter'))).not.toBe(base);
    expect(listStateSegment(query(''))).toBe('_');
  });

  test('a segment gives back the list state, accents and JSON filters included', () => {
    const filter = JSON.stringify({ operator: 'and', conditions: [{ field: 'contact_name', op: 'contains', value: 'José Núñez / 100%' }] });
    const search = query(`tab=all&sort=priority&cursor=abc&filter=${encodeURIComponent(filter)}`);
    const segment = listStateSegment(search);
    expect(segment).toMatch(/^_[A-Za-z0-9_-]+$/);
    const state = listStateOfSegment(segment);
    expect(state?.get('filter')).toBe(filter);
    expect(state?.get('sort')).toBe('priority');
    expect(state?.get('cursor')).toBe('abc');
    expect(listStateOfSegment('_')?.toString()).toBe('');
  });

  test('a segment the middleware did not write is refused', () => {
    for (const segment of ['42', 'x_abc', '_ab+c', '_a/b', '_%00', '_____w']) expect(listStateOfSegment(segment)).toBeNull();
  });
});
