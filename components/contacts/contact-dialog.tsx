'use client';

import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef } from 'react';

type Props = { title: string; closeHref: string; closeLabel: string; children: React.ReactNode };

// A contact dialog (K1-K4). Rendered open by the server, so without JavaScript it is a panel over
// the sidebar with a link that closes it. With JavaScript it becomes modal (showModal): focus moves
// into it (its `data-autofocus` field, else the ✕) and stays there, and Escape closes it like the ✕
// link. Full screen on a phone.
export const ContactDialog = ({ title, closeHref, closeLabel, children }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.matches(':modal')) {
      dialog.close();
      dialog.showModal();
      // showModal focuses the first focusable element (the ✕); a form starts at its first field.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    const onCancel = (event: Event) => {
      event.preventDefault();
      router.push(closeHref, { scroll: false });
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [closeHref, router]);
  return (
    <dialog
      ref={ref}
      open
      aria-labelledby={titleId}
      className="fixed inset-0 z-50 m-0 h-dvh max-h-none w-screen max-w-none overflow-y-auto bg-white p-0 text-slate-900 backdrop:bg-slate-900/40 md:m-auto md:h-fit md:max-h-[85vh] md:w-[32rem] md:max-w-[calc(100vw-2rem)] md:rounded-lg md:shadow-xl"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        <Link href={closeHref} scroll={false} aria-label={closeLabel} className="rounded p-1 text-slate-600 hover:bg-slate-100">
          ✕
        </Link>
      </div>
      <div className="space-y-4 p-4">{children}</div>
    </dialog>
  );
};
