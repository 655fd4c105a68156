'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { updateContactAction } from '@/lib/actions/contacts';
import type { ContactCard } from '@/lib/domain/contacts/get-contact';
import { FieldError } from './field-error';
import { useContactForm } from './use-contact-form';

type Props = { contact: ContactCard; returnTo: string };

const FIELDS = ['avatar', 'name', 'email', 'bio', 'phone', 'company', 'country', 'city', 'facebook', 'twitter', 'linkedin', 'github'] as const;
type Field = (typeof FIELDS)[number];

const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500';

// K2 "Editar contacto": avatar, full name, email, bio, phone, company, country, city and social
// profiles, saved with "Enviar". A refused value is shown next to its field; a duplicate email or
// phone names the contact that has it.
export const EditContactForm = ({ contact, returnTo }: Props) => {
  const t = useTranslations('contacts.edit');
  const [picked, setPicked] = useState<string | null>(null);
  const { formAction, onSubmit, pending, error } = useContactForm(updateContactAction, FIELDS);
  const defaults: Record<Exclude<Field, 'avatar'>, string> = {
    name: contact.name,
    email: contact.email ?? '',
    bio: contact.bio ?? '',
    phone: contact.phone ?? '',
    company: contact.company ?? '',
    country: contact.country ?? '',
    city: contact.city ?? '',
    facebook: contact.socialProfiles.facebook ?? '',
    twitter: contact.socialProfiles.twitter ?? '',
    linkedin: contact.socialProfiles.linkedin ?? '',
    github: contact.socialProfiles.github ?? '',
  };
  const invalid = (field: Field) => error?.field === field;
  const described = (field: Field) => (invalid(field) ? `contact-${field}-error` : field === 'phone' ? 'contact-phone-hint' : undefined);
  const text = (field: Exclude<Field, 'avatar' | 'bio'>, type = 'text', extra: React.ComponentProps<'input'> & { 'data-autofocus'?: boolean } = {}) => (
    <div>
      <label htmlFor={`contact-${field}`} className="block text-sm font-medium text-slate-700">
        {t(field)}
      </label>
      <input
        id={`contact-${field}`}
        name={field}
        type={type}
        defaultValue={defaults[field]}
        aria-invalid={invalid(field)}
        aria-describedby={described(field)}
        className={input}
        {...extra}
      />
      <FieldError id={`contact-${field}-error`} error={error} field={field} />
    </div>
  );
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="contactId" value={contact.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FieldError error={error} field="" />
      <div className="flex items-center gap-3">
        <Avatar name={contact.name} src={contact.avatarUrl} />
        <div className="min-w-0 flex-1">
          <p id="contact-avatar-label" className="block text-sm font-medium text-slate-700">
            {t('avatar')}
          </p>
          {/* A translated button for the browser's file input (its own "Choose File" is in the
              browser's language); the input stays real, so it also posts without JavaScript. */}
          <div className="mt-1 flex min-w-0 items-center gap-2">
            <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500">
              {contact.avatarUrl ? t('avatarChange') : t('avatarUpload')}
              <input
                id="contact-avatar"
                name="avatar"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/gif"
                aria-labelledby="contact-avatar-label"
                aria-invalid={invalid('avatar')}
                aria-describedby={invalid('avatar') ? 'contact-avatar-error' : undefined}
                onChange={(event) => setPicked(event.target.files?.[0]?.name ?? null)}
                className="sr-only"
              />
            </label>
            <span className="min-w-0 truncate text-xs text-slate-500">{picked ?? t('avatarNone')}</span>
          </div>
        </div>
      </div>
      <FieldError id="contact-avatar-error" error={error} field="avatar" />
      {text('name', 'text', { required: true, maxLength: 255, autoComplete: 'off', 'data-autofocus': true })}
      {text('email', 'email', { maxLength: 320, autoComplete: 'off' })}
      <div>
        <label htmlFor="contact-bio" className="block text-sm font-medium text-slate-700">
          {t('bio')}
        </label>
        <textarea id="contact-bio" name="bio" rows={3} maxLength={1000} defaultValue={defaults.bio} aria-invalid={invalid('bio')} aria-describedby={described('bio')} className={input} />
        <FieldError id="contact-bio-error" error={error} field="bio" />
      </div>
      {text('phone', 'tel', { maxLength: 40, autoComplete: 'off' })}
      <p id="contact-phone-hint" className="-mt-2 text-xs text-slate-500">
        {t('phoneHint')}
      </p>
      {text('company', 'text', { maxLength: 255 })}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text('country', 'text', { maxLength: 255 })}
        {text('city', 'text', { maxLength: 255 })}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-700">{t('social')}</legend>
        {text('facebook', 'text', { placeholder: t('socialPlaceholder') })}
        {text('twitter', 'text', { placeholder: t('socialPlaceholder') })}
        {text('linkedin', 'text', { placeholder: t('socialPlaceholder') })}
        {text('github', 'text', { placeholder: t('socialPlaceholder') })}
      </fieldset>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-500 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60 sm:w-auto">
        {t('submit')}
      </button>
    </form>
  );
};
