'use client';

import { useParams } from 'next/navigation';

// The list panel's frame. It lives in the view's layout, which does not render again when a
// conversation opens, so whether the chat replaces it on a phone comes from the URL's params.
export const ListSection = ({ label, children }: { label: string; children: React.ReactNode }) => {
  const open = Boolean(useParams<{ conversationId?: string }>().conversationId);
  return (
    <section aria-label={label} className={`${open ? 'hidden md:flex' : 'flex'} w-full min-w-0 flex-col border-r border-slate-200 bg-white md:w-96 md:shrink-0`}>
      {children}
    </section>
  );
};
