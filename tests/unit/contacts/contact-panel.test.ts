import { describe, expect, it } from 'vitest';
import { closedPanelHref, panelHref, parseContactPanel, sidebarState } from '@/components/contact-sidebar/contact-panel';

describe('contact dialogs in the URL (K1-K4)', () => {
  it('reads the dialog named by `contact`, and nothing for an unknown name', () => {
    expect(parseContactPanel({ contact: 'edit' })).toEqual({ kind: 'edit' });
    expect(parseContactPanel({ contact: 'message' })).toEqual({ kind: 'message' });
    expect(parseContactPanel({ contact: 'delete' })).toEqual({ kind: 'delete' });
    expect(parseContactPanel({ contact: 'merge', find: 'ana', mergeWith: '12', swap: '1' })).toEqual({ kind: 'merge', find: 'ana', mergeWith: 12, swap: true });
    expect(parseContactPanel({ contact: 'nope' })).toBeNull();
    expect(parseContactPanel({})).toBeNull();
  });

  it('ignores a merge target that is not a contact id', () => {
    for (const mergeWith of ['0', '-3', '1.5', 'abc', '99999999999']) {
      expect(parseContactPanel({ contact: 'merge', mergeWith })).toMatchObject({ mergeWith: null });
    }
  });

  it('opens a dialog keeping the list state, and closes it dropping only the dialog params', () => {
    const href = '/inbox/3/42?tab=all&sort=created&details=1';
    const merge = panelHref(href, 'merge', { find: 'laura garcía', mergeWith: '7' });
    expect(merge).toBe('/inbox/3/42?tab=all&sort=created&details=1&contact=merge&find=laura+garc%C3%ADa&mergeWith=7');
    // Another dialog drops the merge's own params.
    expect(panelHref(merge, 'edit')).toBe('/inbox/3/42?tab=all&sort=created&details=1&contact=edit');
    expect(closedPanelHref(`${merge}&swap=1`)).toBe(href);
  });

  it('is there only with details=1, with the sidebar URL and the list URL to go back to', () => {
    expect(sidebarState({}, '/all/5?tab=all', '/all?tab=all')).toBeNull();
    expect(sidebarState({ details: '1', contact: 'edit' }, '/all/5?tab=all', '/all?tab=all')).toEqual({
      href: '/all/5?tab=all&details=1',
      listHref: '/all?tab=all',
      panel: { kind: 'edit' },
    });
  });
});
