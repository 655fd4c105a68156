import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/keyboard.json';
import es from '@/lib/i18n/messages/es/keyboard.json';
import { keyLabels, matchShortcut, SHORTCUT_IDS, SHORTCUTS, type KeyPress } from '@/lib/keyboard/shortcuts';

const press = (overrides: Partial<KeyPress>): KeyPress => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...overrides });

// README's "Keyboard" table, as this registry and the message files say it should read.
const expectedRows = () =>
  SHORTCUTS.map((shortcut) => `| ${shortcut.keys.map((key) => `\`${key === 'Mod' ? 'Ctrl/⌘' : key}\``).join(' + ')} | ${en.keyboard.shortcuts[shortcut.id]} | ${es.keyboard.shortcuts[shortcut.id]} |`);

describe('keyboard shortcuts', () => {
  it('lists every shortcut once, described in Spanish and English', () => {
    expect(SHORTCUTS.map((shortcut) => shortcut.id).sort()).toEqual([...SHORTCUT_IDS].sort());
    for (const id of SHORTCUT_IDS) {
      expect(es.keyboard.shortcuts[id]).toBeTruthy();
      expect(en.keyboard.shortcuts[id]).toBeTruthy();
    }
  });

  it('matches Alt combinations by physical key (macOS types "∆" for Alt+J) and plain keys by character', () => {
    expect(matchShortcut(press({ key: '∆', code: 'KeyJ', altKey: true }), false)?.id).toBe('next');
    expect(matchShortcut(press({ key: 'k', code: 'KeyK', altKey: true }), false)?.id).toBe('previous');
    expect(matchShortcut(press({ key: 'k', code: 'KeyK', ctrlKey: true }), false)?.id).toBe('palette');
    expect(matchShortcut(press({ key: 'k', code: 'KeyK', metaKey: true }), false)?.id).toBe('palette');
    expect(matchShortcut(press({ key: 'r', code: 'KeyR' }), false)?.id).toBe('reply');
    expect(matchShortcut(press({ key: 'R', code: 'KeyR', shiftKey: true }), false)).toBeUndefined();
    expect(matchShortcut(press({ key: 'r', code: 'KeyR', ctrlKey: true }), false)).toBeUndefined();
    expect(matchShortcut(press({ key: '?', code: 'Slash', shiftKey: true }), false)?.id).toBe('help');
    expect(matchShortcut(press({ key: '/', code: 'Slash' }), false)?.id).toBe('search');
  });

  it('fires nothing while typing in a field except Ctrl/Cmd+K and Escape', () => {
    const typed = [press({ key: 'r' }), press({ key: 'n' }), press({ key: '/' }), press({ key: '?', shiftKey: true }), press({ key: 'e', code: 'KeyE', altKey: true }), press({ key: 'j', code: 'KeyJ', altKey: true })];
    for (const key of typed) expect(matchShortcut(key, true)).toBeUndefined();
    expect(matchShortcut(press({ key: 'k', code: 'KeyK', ctrlKey: true }), true)?.id).toBe('palette');
    expect(matchShortcut(press({ key: 'Escape', code: 'Escape' }), true)?.id).toBe('back');
  });

  it('shows Ctrl on a PC and ⌘ / ⌥ on a Mac', () => {
    const palette = SHORTCUTS.find((shortcut) => shortcut.id === 'palette')!;
    expect(keyLabels(palette)).toEqual(['Ctrl', 'K']);
    expect(keyLabels(palette, true)).toEqual(['⌘', 'K']);
    expect(keyLabels(SHORTCUTS.find((shortcut) => shortcut.id === 'resolve')!, true)).toEqual(['⌥', 'E']);
  });

  // The README table cannot drift from the registry: this test prints the rows it expects.
  it('README "Keyboard" section has exactly the registry\'s table', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const section = readme.split(/^## Keyboard$/m)[1]?.split(/^## /m)[0] ?? '';
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows, `README.md "## Keyboard" should list:\n${expectedRows().join('\n')}`).toEqual(expectedRows());
  });
});
