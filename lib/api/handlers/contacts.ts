import { z } from 'zod';
import { createContact } from '@/lib/domain/contacts/create-contact';
import { deleteContact } from '@/lib/domain/contacts/delete-contact';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { linkContactInbox } from '@/lib/domain/contacts/contact-inbox';
import { listContactLabels, setContactLabels } from '@/lib/domain/contacts/contact-labels';
import { listContactInboxes, listContacts } from '@/lib/domain/contacts/list-contacts';
import { mergeContacts } from '@/lib/domain/contacts/merge-contacts';
import { updateContact } from '@/lib/domain/contacts/update-contact';
import { listPreviousConversations } from '@/lib/domain/conversations/list-previous-conversations';
import { searchContacts } from '@/lib/domain/search/search-contacts';
import { pathIdOf, ZLabelsBody, type ApiCall } from '../api-call';
import { chatwootFilter, ZChatwootFilterPayload } from '../chatwoot-filter';
import { conversationsJsonByIds } from '../conversation-payload';
import { inboxJson } from '../serializers/account-json';
import { contactJson } from '../serializers/contact-json';
import { ZDbId, ZQueryPage } from '@/lib/domain/request-values';

const contactIdOf = (value: string | undefined) => pathIdOf(value, 'contact');

const ZPage = z.object({ page: ZQueryPage });

const contactsPage = (list: Awaited<ReturnType<typeof listContacts>>) => ({
  meta: { count: list.total, current_page: String(list.page) },
  payload: list.contacts.map(contactJson),
});

// GET /contacts: { meta: { count, current_page }, payload }.
export const listContactsHandler = async ({ ctx, query }: ApiCall) => contactsPage(await listContacts(ctx, query(ZPage)));

// POST /contacts/filter: Chatwoot's filter payload on the contact's own fields (name, email,
// phone_number, identifier, company, country_code, city, labels, created_at, last_activity_at, the
// contact's custom attributes) through the filter panel's builder and validation (refused: 400), 15
// a `page` like the list. `country_code` filters the contact's `country` column (free text, what
// additional_attributes.country stores: a code or a name), case-insensitively like company and city;
// identifier is compared as stored.
export const filterContactsHandler = async ({ ctx, query, body }: ApiCall) => {
  const { page } = query(ZPage);
  const filter = await chatwootFilter(ctx, await body(ZChatwootFilterPayload), { contactFields: true });
  return contactsPage(await listContacts(ctx, { page, filter }));
};

// GET /contacts/search?q=: L1 contact search (name, email, phone), the actor's contacts only.
export const searchContactsHandler = async ({ ctx, query }: ApiCall) => {
  const { q } = query(z.object({ q: z.string().max(200).catch('').default('') }));
  const found = await searchContacts(ctx, { q, limit: 50 });
  const cards = await Promise.all(found.map((item) => getContact(ctx, { contactId: item.contact.id })));
  return { meta: { count: cards.length, current_page: '1' }, payload: cards.map(contactJson) };
};

// GET /contacts/:contactId: { payload: contact }.
export const getContactHandler = async ({ ctx, params }: ApiCall) => ({ payload: contactJson(await getContact(ctx, { contactId: contactIdOf(params.contactId) })) });

const ZContactBody = z.object({
  name: z.string().optional(),
  email: z.string().nullish(),
  phone_number: z.string().nullish(),
  identifier: z.string().nullish(),
  custom_attributes: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).optional(),
  additional_attributes: z
    .object({ city: z.string().nullish(), country: z.string().nullish(), company_name: z.string().nullish(), description: z.string().nullish() })
    .partial()
    .optional(),
});

// POST /contacts (administrators): { payload: { contact } }.
export const createContactHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(ZContactBody);
  const created = await createContact(ctx, {
    name: input.name,
    email: input.email,
    phone: input.phone_number,
    identifier: input.identifier,
    customAttributes: input.custom_attributes,
  });
  return { payload: { contact: contactJson(created), contact_inbox: null } };
};

// PUT/PATCH /contacts/:contactId: K2's edit (fields left out are kept): { payload: contact }.
export const updateContactHandler = async ({ ctx, params, body }: ApiCall) => {
  const contactId = contactIdOf(params.contactId);
  const input = await body(ZContactBody);
  const current = await getContact(ctx, { contactId });
  const extra = input.additional_attributes ?? {};
  const updated = await updateContact(ctx, {
    contactId,
    name: input.name ?? current.name,
    ...(input.email !== undefined ? { email: input.email ?? '' } : {}),
    ...(input.phone_number !== undefined ? { phone: input.phone_number } : {}),
    ...(extra.city !== undefined ? { city: extra.city } : {}),
    ...(extra.country !== undefined ? { country: extra.country } : {}),
    ...(extra.company_name !== undefined ? { company: extra.company_name } : {}),
    ...(extra.description !== undefined ? { bio: extra.description } : {}),
  });
  return { payload: contactJson(updated) };
};

// DELETE /contacts/:contactId (administrators, K4: with their conversations).
export const deleteContactHandler = async ({ ctx, params }: ApiCall) => {
  await deleteContact(ctx, { contactId: contactIdOf(params.contactId) });
  return null;
};

// GET /contacts/:contactId/conversations: { payload: conversations the actor may see }.
export const contactConversationsHandler = async ({ ctx, params }: ApiCall) => {
  const previous = await listPreviousConversations(ctx, { contactId: contactIdOf(params.contactId), limit: 100 });
  return { payload: await conversationsJsonByIds(ctx, previous.map((conversation) => conversation.id)) };
};

// GET /contacts/:contactId/contactable_inboxes: the contact's linked inboxes the actor may see.
export const contactableInboxesHandler = async ({ ctx, params }: ApiCall) => {
  const contactId = contactIdOf(params.contactId);
  await getContact(ctx, { contactId });
  const links = await listContactInboxes(ctx, { contactId });
  return { payload: links.map((link) => ({ source_id: link.sourceId, inbox: inboxJson(link.inbox, ctx.actor.accountId) })) };
};

// POST /actions/contact_merge { base_contact_id, mergee_contact_id }: K3 (one transaction).
export const contactMergeHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(z.object({ base_contact_id: ZDbId, mergee_contact_id: ZDbId }));
  const merged = await mergeContacts(ctx, { primaryId: input.base_contact_id, secondaryId: input.mergee_contact_id });
  return contactJson(merged.contact);
};

// GET /contacts/:contactId/labels: { payload: titles }.
export const listContactLabelsHandler = async ({ ctx, params }: ApiCall) => ({
  payload: (await listContactLabels(ctx, { contactId: contactIdOf(params.contactId) })).map((label) => label.title),
});

// POST /contacts/:contactId/labels { labels }: the contact's labels become these (Chatwoot replaces
// them); a title the account has no label for is created (administrators; agents: 401).
export const setContactLabelsHandler = async ({ ctx, params, body }: ApiCall) => {
  const contactId = contactIdOf(params.contactId);
  const { labels } = await body(ZLabelsBody);
  return { payload: (await setContactLabels(ctx, { contactId, titles: labels })).map((label) => label.title) };
};

// POST /contacts/:contactId/contact_inboxes { inbox_id, source_id? }: links the contact to an inbox
// the token's person works in: { source_id, inbox }.
export const createContactInboxHandler = async ({ ctx, params, body }: ApiCall) => {
  const contactId = contactIdOf(params.contactId);
  const input = await body(z.object({ inbox_id: ZDbId, source_id: z.string().max(255).optional() }));
  const link = await linkContactInbox(ctx, { contactId, inboxId: input.inbox_id, sourceId: input.source_id || undefined });
  return { source_id: link.sourceId, inbox: inboxJson(link.inbox, ctx.actor.accountId) };
};
