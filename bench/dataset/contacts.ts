import type postgres from 'postgres';
import { BIOS, COMPANIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PLACES, slug } from '@/db/seed/data';
import { createRng, deriveSeed } from '@/db/seed/prng';
import { DATASET_NOW, HISTORY_DAYS } from './catalog';
import { openCopy } from './copy';
import type { Workspace } from './workspace';

// 100k customers with Spanish names, unique E.164 phones and emails, and the inboxes they write
// through. Kept in memory (compactly) because conversations need each contact's name, city and
// inboxes, and contacts need their conversations' dates before they are written.

export type BenchContact = {
  firstName: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  country: string;
  city: string;
  plan: string;
  customAttributes: Record<string, string>;
  // Inbox ids the contact writes through (1 or 2); contact_inboxes ids are firstLinkId + position.
  inboxIds: number[];
  firstLinkId: number;
  vip: boolean;
};

const DAY = 86_400_000;

// Generates every contact from one seeded stream; emails and phones are kept unique in the account.
export const planContacts = (seed: number, count: number, workspace: Workspace): BenchContact[] => {
  const rng = createRng(deriveSeed(seed, 1));
  const taken = new Set<string>();
  const inboxWeights = workspace.inboxes.map((inbox) => [inbox.id, inbox.weight] as const);
  const contacts: BenchContact[] = [];
  let nextLink = 1;
  for (let index = 0; index < count; index++) {
    const firstName = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = rng.chance(0.35) ? `${firstName} ${last} ${rng.pick(LAST_NAMES)}` : `${firstName} ${last}`;
    const place = rng.weighted(PLACES.map((p) => [p, p.weight] as const));
    const company = rng.chance(0.3) ? rng.pick(COMPANIES) : null;
    let email: string | null = null;
    if (rng.chance(0.85)) {
      const base = `${slug(firstName).replace(/\./g, '')}.${slug(last)}`;
      const domain = rng.pick(EMAIL_DOMAINS);
      email = `${base}@${domain}`;
      while (taken.has(email)) email = `${base}${rng.int(1, 9999)}@${domain}`;
      taken.add(email);
    }
    let phone: string | null = null;
    if (rng.chance(0.7) || !email) {
      do {
        let digits = place.lead;
        while (digits.length < place.digits) digits += String(rng.int(digits.length === 0 ? 1 : 0, 9));
        phone = `${place.code}${digits}`;
      } while (taken.has(phone));
      taken.add(phone);
    }
    const primary = rng.weighted(inboxWeights);
    const inboxIds = rng.chance(0.25) ? [primary, rng.weighted(inboxWeights.filter(([id]) => id !== primary))] : [primary];
    const plan = company ? rng.pick(['Básico', 'Pro', 'Empresa'] as const) : rng.pick(['Gratis', 'Gratis', 'Básico'] as const);
    const customAttributes: Record<string, string> = {};
    if (rng.chance(0.6)) customAttributes.plan = plan;
    if (rng.chance(0.3)) customAttributes.cliente_desde = new Date(DATASET_NOW.getTime() - rng.int(30, 1500) * DAY).toISOString().slice(0, 10);
    contacts.push({
      firstName,
      name,
      email,
      phone,
      company,
      country: place.country,
      city: rng.pick(place.cities),
      plan,
      customAttributes,
      inboxIds,
      firstLinkId: nextLink,
      vip: plan === 'Empresa' && rng.chance(0.5),
    });
    nextLink += inboxIds.length;
  }
  return contacts;
};

// Writes contacts, their inbox links and labels. `firstSeen` / `lastActivity` come from their
// conversations (ms; NaN when the contact has none): a contact exists before its first conversation.
export const writeContacts = async (
  sql: postgres.Sql,
  options: { seed: number; workspace: Workspace; contacts: BenchContact[]; firstSeen: Float64Array; lastActivity: Float64Array },
): Promise<void> => {
  const { seed, workspace, contacts, firstSeen, lastActivity } = options;
  const rng = createRng(deriveSeed(seed, 2));
  const vipLabel = workspace.labelIds[7]!;
  const [contactRows, links, labels] = await Promise.all([
    openCopy(sql, 'contacts', [
      'id', 'account_id', 'name', 'email', 'phone', 'bio', 'company', 'country', 'city', 'social_profiles', 'identifier',
      'custom_attributes', 'last_activity_at', 'created_at', 'updated_at',
    ]),
    openCopy(sql, 'contact_inboxes', ['id', 'contact_id', 'inbox_id', 'source_id', 'hmac_verified', 'created_at']),
    openCopy(sql, 'contact_labels', ['contact_id', 'label_id']),
  ]);
  const historyStart = DATASET_NOW.getTime() - HISTORY_DAYS * DAY;
  for (let index = 0; index < contacts.length; index++) {
    const contact = contacts[index]!;
    const id = index + 1;
    const first = firstSeen[index]!;
    const createdAt = new Date(Number.isNaN(first) ? rng.int(historyStart, DATASET_NOW.getTime()) : first - rng.int(60_000, 30 * DAY));
    const last = lastActivity[index]!;
    await contactRows.row([
      id,
      workspace.accountId,
      contact.name,
      contact.email,
      contact.phone,
      rng.pick(BIOS),
      contact.company,
      contact.country,
      contact.city,
      {},
      contact.inboxIds.some((inboxId) => workspace.inboxes[inboxId - 1]!.channelType === 'api') ? `CLI-${String(id).padStart(7, '0')}` : null,
      contact.customAttributes,
      Number.isNaN(last) ? null : new Date(last),
      createdAt,
      Number.isNaN(last) ? createdAt : new Date(last),
    ]);
    for (let k = 0; k < contact.inboxIds.length; k++) {
      await links.row([contact.firstLinkId + k, id, contact.inboxIds[k]!, `src-${rng.hex(20)}`, false, createdAt]);
    }
    if (contact.vip) await labels.row([id, vipLabel]);
  }
  await Promise.all([contactRows.end(), links.end(), labels.end()]);
};
