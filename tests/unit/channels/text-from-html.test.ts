import { describe, expect, test } from 'vitest';
import { textFromHtml } from '@/lib/domain/email/sanitize-email-html';

describe('textFromHtml (the text of HTML-only mail)', () => {
  test('keeps line breaks and turns list items into bullet lines', () => {
    expect(textFromHtml('<p>Línea 1<br>Línea 2</p><ul><li>uno</li><li>dos</li></ul><p>Fin</p>')).toBe('Línea 1\nLínea 2\n• uno\n• dos\nFin');
  });

  test('numbers ordered lists, indents nested ones', () => {
    expect(textFromHtml('<ol><li>primero<ul><li>a</li></ul></li><li>segundo</li></ol>')).toBe('1. primero\n  • a\n2. segundo');
  });

  test('drops scripts and decodes entities', () => {
    expect(textFromHtml('<div>A &amp; B</div><script>alert(1)</script><div>C&nbsp;D</div>')).toBe('A & B\nC D');
  });
});
