import { contactInboxes, contactLabels, contacts } from '../schema';
import type { Tx } from '../client';
import { allocateIds, insertMany } from './bulk';
import type { InboxKey } from './catalog';
import { BIOS, COMPANIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PLACES, slug } from './data';
import type { Rng } from './prng';
import type { ContactPlan, DemoRefs } from './types';

const DAY = 86_400_000;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

// Generates contacts one after another; `taken` keeps emails and phones unique within the account.
export const createContactGenerator = (rng: Rng, now: Date) => {
  const taken = new Set<string>();
  const uniqueEmail = (email: string, index: number) => {
    const result = taken.has(email) ? email.replace('@', `${index}@`) : email;
    taken.add(result);
    return result;
  };
  const uniquePhone = (place: (typeof PLACES)[number]) => {
    for (;;) {
      const rest = Array.from({ length: place.digits - place.lead.length }, (_, i) => rng.int(i === 0 ? 1 : 0, 9)).join('');
      const phone = `${place.code}${place.lead}${rest}`;
      if (!taken.has(phone)) {
        taken.add(phone);
        return phone;
      }
    }
  };

  return (index: number): ContactPlan => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const secondLast = rng.chance(0.3) ? ` ${rng.pick(LAST_NAMES)}` : '';
    const name = `${first} ${last}${secondLast}`;
    const place = rng.weighted(PLACES.map((p) => [p, p.weight] as const));
    const company = rng.chance(0.55) ? rng.pick(COMPANIES) : null;

    // About one contact in six came only by phone or chat and left no email.
    const email = rng.chance(0.85)
      ? uniqueEmail(
          company && rng.chance(0.5)
            ? `${slug(first).split('.')[0]}@${slug(company).replace(/\./g, '')}.example`
            : `${slug(first).replace(/\./g, '')}.${slug(last)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}`,
          index,
        )
      : null;
    const phone = rng.chance(0.7) || !email ? uniquePhone(place) : null;

    const handle = `${slug(first).replace(/\./g, '')}${slug(last).slice(0, 3)}`;
    const socialProfiles: ContactPlan['socialProfiles'] = {};
    if (rng.chance(0.25)) socialProfiles.twitter = handle;
    if (rng.chance(0.2)) socialProfiles.linkedin = `${slug(first)}-${slug(last)}`.replace(/\./g, '-');
    if (rng.chance(0.1)) socialProfiles.facebook = `${handle}.${rng.int(10, 99)}`;
    if (rng.chance(0.05)) socialProfiles.github = handle;

    const createdAt = new Date(now.getTime() - rng.int(50, 700) * DAY - rng.int(0, DAY));
    const plan = company ? rng.weighted([['Básico', 3], ['Pro', 3], ['Empresa', 2]] as const) : rng.weighted([['Gratis', 3], ['Básico', 2]] as const);
    const customAttributes: ContactPlan['customAttributes'] = {};
    if (rng.chance(0.8)) customAttributes.plan = plan;
    if (rng.chance(0.6)) customAttributes.cliente_desde = isoDate(new Date(createdAt.getTime() - rng.int(0, 900) * DAY));
    if (company && rng.chance(0.6)) customAttributes.sitio_web = `https://www.${slug(company).replace(/\./g, '-')}.example`;

    // The inboxes the contact writes through: mostly one, sometimes two.
    const channels: InboxKey[] = email ? ['web', 'email', 'api'] : ['web', 'api'];
    const primary = rng.weighted(channels.map((c) => [c, c === 'web' ? 5 : c === 'email' ? 4 : 2] as const));
    const used = rng.chance(0.3) ? [primary, rng.pick(channels.filter((c) => c !== primary))] : [primary];
    const identifier = used.includes('api') ? `CLI-${String(10_000 + index).padStart(6, '0')}` : null;
    const inboxes = used.map((inbox) => ({
      inbox,
      sourceId: inbox === 'email' ? email! : inbox === 'api' ? identifier! : rng.uuid(),
    }));

    return {
      name,
      email,
      phone,
      bio: rng.pick(BIOS),
      company,
      country: place.country,
      city: rng.pick(place.cities),
      socialProfiles,
      identifier,
      customAttributes,
      createdAt,
      inboxes,
      labels: customAttributes.plan === 'Empresa' || rng.chance(0.1) ? ['vip'] : [],
    };
  };
};

export type WrittenContacts = {
  ids: number[];
  // contactInboxId by contact index and inbox.
  contactInboxIds: Array<Partial<Record<InboxKey, number>>>;
};

// Writes contacts with their inbox links and labels.
export const writeContacts = async (tx: Tx, refs: DemoRefs, plans: ContactPlan[]): Promise<WrittenContacts> => {
  const ids = await allocateIds(tx, contacts, plans.length);
  const links = plans.flatMap((plan, index) => plan.inboxes.map((link) => ({ index, ...link })));
  const linkIds = await allocateIds(tx, contactInboxes, links.length);

  await insertMany(
    tx,
    contacts,
    plans.map(({ inboxes: _inboxes, labels: _labels, ...plan }, index) => ({
      ...plan,
      id: ids[index]!,
      accountId: refs.accountId,
      updatedAt: plan.createdAt,
    })),
  );
  const contactInboxIds: WrittenContacts['contactInboxIds'] = plans.map(() => ({}));
  await insertMany(
    tx,
    contactInboxes,
    links.map((link, i) => {
      contactInboxIds[link.index]![link.inbox] = linkIds[i]!;
      return {
        id: linkIds[i]!,
        contactId: ids[link.index]!,
        inboxId: refs.inboxes[link.inbox],
        sourceId: link.sourceId,
        createdAt: plans[link.index]!.createdAt,
      };
    }),
  );
  await insertMany(
    tx,
    contactLabels,
    plans.flatMap((plan, index) => plan.labels.map((label) => ({ contactId: ids[index]!, labelId: refs.labels[label] }))),
  );
  return { ids, contactInboxIds };
};
