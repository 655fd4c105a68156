import type { ActionState } from '@/lib/actions/action';

// An action's error as the contact dialogs show it: the field it belongs to ('' for the whole form)
// and a full message key (`contacts.errors.*`, or `errors.<code>` when nothing more specific fits).
export type ContactErrorText = { field: string; key: string; values: Record<string, string | number> };

const SOCIAL = new Set(['facebook', 'twitter', 'linkedin', 'github']);
const REASONS = new Set(['same_contact', 'channel_cannot_start', 'contact_has_no_email']);

// K1-K4: CONFLICT names the other contact when the agent may see it; INVALID_INPUT names its field
// (or a reason); the avatar's TOO_LARGE and UNSUPPORTED_TYPE go next to the picture.
export const contactError = (state: ActionState): ContactErrorText | null => {
  if (!state.error) return null;
  const details = state.details ?? {};
  const field = String(details.field ?? state.field ?? '');
  switch (state.error) {
    case 'CONFLICT': {
      const on = field === 'phone' ? 'phone' : 'email';
      return details.contactName
        ? { field: on, key: `contacts.errors.conflict_${on}`, values: { name: String(details.contactName) } }
        : { field: on, key: `contacts.errors.conflict_${on}_hidden`, values: {} };
    }
    case 'TOO_LARGE':
      return { field: 'avatar', key: 'contacts.errors.avatar_size', values: { maxMb: details.maxMb ?? 5 } };
    case 'UNSUPPORTED_TYPE':
      return { field: 'avatar', key: 'contacts.errors.avatar_type', values: {} };
    case 'NOT_FOUND':
      return { field: '', key: 'contacts.errors.not_found', values: {} };
    case 'INVALID_INPUT': {
      const reason = String(details.reason ?? '');
      if (REASONS.has(reason)) return { field: '', key: `contacts.errors.${reason}`, values: {} };
      if (field === 'file') return { field: 'avatar', key: 'contacts.errors.avatar_type', values: {} };
      if (SOCIAL.has(field)) return { field, key: 'contacts.errors.invalid_social', values: {} };
      if (['name', 'email', 'phone', 'content'].includes(field)) return { field, key: `contacts.errors.invalid_${field}`, values: {} };
      return { field, key: 'contacts.errors.invalid_field', values: {} };
    }
    default:
      return { field: '', key: `errors.${state.error}`, values: details };
  }
};
