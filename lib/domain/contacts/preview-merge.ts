import { and, inArray } from 'drizzle-orm';
import { contacts } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { contactFootprint } from './contact-footprint';
import { contactScope } from './contact-scope';
import { getContact, type ContactCard } from './get-contact';
import { parseMergeInput, type TMergeContactsInput } from './merge-input';
import { planContactMerge, type ContactMergePlan } from './plan-contact-merge';

export type MergePreview = {
  // The contact that stays and the one that goes, as their cards show them now.
  primary: ContactCard;
  secondary: ContactCard;
  moves: {
    // Counted over every inbox: a merge moves them all, also those the actor may not open.
    conversations: number;
    messages: number;
    contactInboxes: number;
    attributes: ContactMergePlan['attributes'];
    // Card fields (and social networks) the primary takes from the secondary because it has none.
    fields: string[];
  };
};

// K3: what a merge would do, for the confirmation step: both cards and what moves. Refused exactly
// like mergeContacts (same contact, a contact the actor may not see or of another account).
export const previewMerge = async (ctx: Ctx, input: TMergeContactsInput): Promise<MergePreview> => {
  const { primaryId, secondaryId } = parseMergeInput(input);
  const rows = await ctx.db
    .select()
    .from(contacts)
    .where(and(inArray(contacts.id, [primaryId, secondaryId]), contactScope(ctx.actor)));
  const primaryRow = rows.find((row) => row.id === primaryId);
  const secondaryRow = rows.find((row) => row.id === secondaryId);
  if (!primaryRow || !secondaryRow) throw new DomainError('NOT_FOUND', { entity: 'contact' });

  const [primary, secondary, footprint] = await Promise.all([
    getContact(ctx, { contactId: primaryId }),
    getContact(ctx, { contactId: secondaryId }),
    contactFootprint(ctx.db, secondaryId),
  ]);
  const plan = planContactMerge(primaryRow, secondaryRow);
  return {
    primary,
    secondary,
    moves: {
      conversations: footprint.conversations,
      messages: footprint.messages,
      contactInboxes: footprint.contactInboxes,
      attributes: plan.attributes,
      fields: plan.fields,
    },
  };
};
