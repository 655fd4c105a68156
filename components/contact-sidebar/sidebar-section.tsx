'use client';

import { useEffect, useRef } from 'react';

const storageKey = (name: string) => `bandeja:sidebar-section:${name}`;

// One titled block of the sidebar, collapsible (a <details>, so by keyboard and without
// JavaScript too). Which ones the agent closed is remembered in this browser (localStorage, by
// `name`, the same in every language) and restored after the first paint, so the server's HTML
// (all open) and the hydrated page agree.
export const SidebarSection = ({ title, name, children }: { title: string; name?: string; children: React.ReactNode }) => {
  const ref = useRef<HTMLDetailsElement>(null);
  const key = storageKey(name ?? title);
  useEffect(() => {
    const section = ref.current;
    if (!section) return;
    if (localStorage.getItem(key) === 'closed') section.open = false;
    const remember = () => (section.open ? localStorage.removeItem(key) : localStorage.setItem(key, 'closed'));
    section.addEventListener('toggle', remember);
    return () => section.removeEventListener('toggle', remember);
  }, [key]);
  return (
    <section aria-label={title} className="border-t border-slate-200">
      <details ref={ref} open className="group/section">
        <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
          <h3 className="text-xs font-semibold text-slate-500 uppercase">{title}</h3>
          <span aria-hidden className="text-slate-400 transition-transform group-open/section:rotate-180">▾</span>
        </summary>
        <div className="space-y-2 px-4 pb-4">{children}</div>
      </details>
    </section>
  );
};
