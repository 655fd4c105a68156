import { and, asc, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contacts, conversations } from '@/db/schema';

// Search terms by selectivity, measured on the generated dataset (non-activity messages out of
// ~1.6M): rare (a product nobody buys, an order number: 1-600 messages), common (in 10-25 % of all
// messages), partial words, words typed without their accents, two letters (full-text prefix);
// contacts by partial name, accent-less name, partial email and partial phone typed with spaces.

export type SearchTerms = { messages: Record<string, string[]>; contacts: Record<string, string[]> };

// A partial phone as an agent types it: seven digits from the middle, with a space.
const typedPhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  const part = digits.slice(digits.length - 8, digits.length - 1);
  return `${part.slice(0, 3)} ${part.slice(3)}`;
};

export const loadSearchTerms = async (db: Db): Promise<SearchTerms> => {
  const orders = await db
    .select({ order: sql<string>`${conversations.customAttributes} ->> 'numero_pedido'` })
    .from(conversations)
    .where(sql`${conversations.customAttributes} ? 'numero_pedido'`)
    .orderBy(asc(conversations.id))
    .limit(3)
    .offset(5000);
  const phones = await db
    .select({ phone: contacts.phone })
    .from(contacts)
    .where(and(isNotNull(contacts.phone)))
    .orderBy(asc(contacts.id))
    .limit(4)
    .offset(7000);
  return {
    messages: {
      rare: ['baumanómetro', 'oxímetro de pulso', 'librero modular', 'jaula para ave', 'cómoda de tres cajones', ...orders.map((row) => row.order)],
      common: ['gracias', 'hola', 'pedido', 'ayuda', 'paquetería'],
      partial: ['reembol', 'devoluc', 'garant', 'paquet', 'factur', 'cotiza'],
      'accent-less': ['envio', 'razon', 'informacion', 'telefono', 'direccion'],
      'two-letter': ['ok', 'va', 'no'],
    },
    contacts: {
      'partial name': ['mart', 'hernán', 'guadalupe', 'rubio', 'sánchez'],
      'accent-less name': ['nunez', 'ibanez', 'jose', 'angela', 'hector'],
      'partial email': ['gmail', 'lopez@', 'outlook.es', '.rubio', 'fernanda.'],
      'partial phone': [...phones.map((row) => typedPhone(row.phone!)), '+34 6'],
    },
  };
};
