import { describe, expect, test } from 'vitest';
import { unknownMentions } from '@/components/chat/mention-picker';

const agents = [
  { id: 1, name: 'Sofía Herrera' },
  { id: 2, name: 'Carlos Ruiz' },
];

describe('unknownMentions', () => {
  test('an @ that starts no agent name is reported; names, emails and a lone @ are not', () => {
    expect(unknownMentions('@Sofía Herrera mira esto, y @Sof también', agents)).toEqual(['@Sof']);
    expect(unknownMentions('@Carlos Ruiz y @Marta', agents)).toEqual(['@Marta']);
    expect(unknownMentions('escribe a ana@ejemplo.com @ luego', agents)).toEqual([]);
    expect(unknownMentions('Sin menciones', agents)).toEqual([]);
  });
});
