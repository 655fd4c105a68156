'use client';

import { useTranslations } from 'next-intl';
import type { ContactErrorText } from './contact-error';

// The error of one field (or of the whole form, field ''), announced to screen readers; its id is
// what the field's aria-describedby points to.
export const FieldError = ({ id, error, field }: { id?: string; error: ContactErrorText | null; field: string }) => {
  const t = useTranslations();
  if (!error || error.field !== field) return null;
  return (
    <p id={id} role="alert" className="mt-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {t(error.key, error.values)}
    </p>
  );
};
