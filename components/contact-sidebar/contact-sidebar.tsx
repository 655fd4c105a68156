import { getTranslations } from 'next-intl/server';
import { ContactActions } from '@/components/contacts/contact-actions';
import { ContactPanelDialog } from '@/components/contacts/contact-panel-dialog';
import type { Ctx } from '@/lib/domain/context';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { listSuggestedDuplicates } from '@/lib/domain/contacts/list-suggested-duplicates';
import { loadConversationLabels } from '@/lib/domain/conversations/actions/load-conversation-labels';
import type { ConversationWithBasics } from '@/lib/domain/conversations/get-conversation';
import { listPreviousConversations } from '@/lib/domain/conversations/list-previous-conversations';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import { listInboxAgents } from '@/lib/domain/inboxes/list-inbox-agents';
import { listMacros } from '@/lib/domain/macros/list-macros';
import { listParticipants } from '@/lib/domain/participants/list-participants';
import { Attributes } from './attributes';
import { ContactCard } from './contact-card';
import type { SidebarState } from './contact-panel';
import { ConversationActions } from './conversation-actions';
import { DetailsLink } from './details-link';
import { Macros } from './macros';
import { Participants } from './participants';
import { PreviousConversations } from './previous-conversations';
import { readLabels, readTeams } from '@/lib/request-reads';
import { SuggestedDuplicates } from './suggested-duplicates';

type Props = { ctx: Ctx; conversation: ConversationWithBasics; state: SidebarState };

// "Más detalles": the contact (D1) and its suggested duplicates (issue 12 #1), the conversation's actions (X1), participants (P1), attributes
// (A1/A2), macros (M1) and previous conversations (H1). Desktop: a right column beside the
// messages; phone: a full-screen sheet over the chat with a link to close it. Everything is read
// in one round of parallel queries. The URL may name a contact dialog (K1-K4: `state.panel`).
export const ContactSidebar = async ({ ctx, conversation, state }: Props) => {
  const [t, { contact, duplicates }, agents, teams, labels, conversationLabels, participants, definitions, macros, previous] = await Promise.all([
    getTranslations('sidebar'),
    getContact(ctx, { contactId: conversation.contactId }).then(async (contact) => ({ contact, duplicates: await listSuggestedDuplicates(ctx, contact) })),
    listInboxAgents(ctx, { inboxId: conversation.inboxId }),
    readTeams(ctx),
    readLabels(ctx),
    // The conversation was authorised by getConversation before the panel opened.
    loadConversationLabels(ctx.db, conversation.id),
    listParticipants(ctx, { conversationId: conversation.id }),
    listAttributeDefinitions(ctx),
    listMacros(ctx),
    listPreviousConversations(ctx, { contactId: conversation.contactId, excludeConversationId: conversation.id, limit: 20 }),
  ]);
  return (
    <aside
      aria-label={t('title')}
      className="fixed inset-0 z-40 overflow-y-auto bg-white md:static md:inset-auto md:z-auto md:w-80 md:shrink-0 md:border-l md:border-slate-200"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <h2 className="font-semibold">{t('title')}</h2>
        <DetailsLink open={false} label={t('close')} className="rounded p-1 text-slate-600 hover:bg-slate-100">
          ✕
        </DetailsLink>
      </div>
      <ContactCard contact={contact} />
      <SuggestedDuplicates duplicates={duplicates} href={state.href} />
      <ContactActions href={state.href} isAdministrator={ctx.actor.role === 'administrator'} />
      <ConversationActions
        conversation={conversation}
        me={{ id: ctx.actor.userId, teamIds: ctx.actor.teamIds }}
        agents={agents}
        teams={teams}
        labels={labels}
        conversationLabels={conversationLabels}
        canCreateLabels={ctx.actor.role === 'administrator'}
      />
      <Participants conversationId={conversation.id} participants={participants} agents={agents} />
      <Attributes
        model="conversation"
        recordId={conversation.id}
        definitions={definitions.filter((definition) => definition.model === 'conversation')}
        values={conversation.customAttributes}
      />
      <Attributes model="contact" recordId={contact.id} definitions={definitions.filter((definition) => definition.model === 'contact')} values={contact.customAttributes} />
      <Macros conversationId={conversation.id} macros={macros} />
      <PreviousConversations conversations={previous} />
      {state.panel && <ContactPanelDialog ctx={ctx} contact={contact} panel={state.panel} href={state.href} listHref={state.listHref} />}
    </aside>
  );
};
