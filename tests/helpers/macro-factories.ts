import type { Db } from '@/db/client';
import { macros, type Conversation, type Label, type Macro, type MacroAction, type Team } from '@/db/schema';
import type { Role } from '@/lib/domain/context';
import { makeLabel } from './conversation-actions-factories';
import { actorFor, createAccount, createContact, createConversation, createInbox, createTeam, createUser, ctxFor, type TestCtx } from './factories';

// Test data for participants, custom attributes, canned responses and macros (issue #5).

export type Person = { id: number; name: string; ctx: TestCtx };

export type TeamWorkspace = {
  accountId: number;
  inboxId: number;
  // An administrator (Marta) and an agent of the inbox (Carlos), each with a ctx acting as them.
  admin: Person;
  agent: Person;
  // Another member of the account: of the inbox unless inboxIds says otherwise.
  person: (options?: { name?: string; role?: Role; inboxIds?: number[]; active?: boolean }) => Promise<Person>;
  // A conversation in the inbox, its contact with an email unless contactEmail is null.
  conversation: (values?: Partial<Pick<Conversation, 'status' | 'priority' | 'assigneeId' | 'teamId'>> & { contactEmail?: string | null }) => Promise<Conversation>;
  label: (title?: string) => Promise<Label>;
  team: (name?: string) => Promise<Team>;
};

// An account with one inbox, an administrator and an agent: where every test of issue #5 starts.
export const createTeamWorkspace = async (db: Db, options: { locale?: 'es' | 'en'; now?: Date | (() => Date) } = {}): Promise<TeamWorkspace> => {
  const account = await createAccount(db, { locale: options.locale ?? 'es' });
  const inbox = await createInbox(db, { accountId: account.id });
  const person: TeamWorkspace['person'] = async ({ name, role, inboxIds, active } = {}) => {
    const user = await createUser(db, { accountId: account.id, role: role ?? 'agent', inboxIds: inboxIds ?? [inbox.id], name, active });
    const ctx = active === false ? ctxFor(db, { userId: user.id, accountId: account.id, role: role ?? 'agent', inboxIds: [], teamIds: [] }) : ctxFor(db, await actorFor(db, user.id, account.id), { now: options.now });
    return { id: user.id, name: user.name, ctx };
  };
  const admin = await person({ name: 'Marta', role: 'administrator', inboxIds: [] });
  const agent = await person({ name: 'Carlos' });
  return {
    accountId: account.id,
    inboxId: inbox.id,
    admin,
    agent,
    person,
    conversation: async ({ contactEmail, ...values } = {}) => {
      const contact = await createContact(db, { accountId: account.id, ...(contactEmail === undefined ? {} : { email: contactEmail }) });
      return createConversation(db, { accountId: account.id, inboxId: inbox.id, contactId: contact.id, ...values });
    },
    label: (title) => makeLabel(db, { accountId: account.id, title }),
    team: (name) => createTeam(db, { accountId: account.id, name }),
  };
};

// A macro inserted directly (createMacro is what the macro tests test), steps stored as given.
export const insertMacro = async (
  db: Db,
  options: { accountId: number; createdById: number | null; name?: string; visibility?: 'personal' | 'global'; actions: MacroAction[] },
): Promise<Macro> => {
  const [macro] = await db
    .insert(macros)
    .values({
      accountId: options.accountId,
      createdById: options.createdById,
      name: options.name ?? `Macro ${crypto.randomUUID().slice(0, 8)}`,
      visibility: options.visibility ?? 'personal',
      actions: options.actions,
    })
    .returning();
  return macro;
};
