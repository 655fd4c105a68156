import { Children } from 'react';

// A titled group of views-panel entries, with a line of text when it has none.
export const ViewSection = ({ title, empty, children }: { title: string; empty: string; children: React.ReactNode }) => (
  <section className="mt-4">
    <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
    {Children.count(children) === 0 ? (
      <p className="px-2 text-xs text-slate-500">{empty}</p>
    ) : (
      <ul className="flex flex-col gap-0.5">{children}</ul>
    )}
  </section>
);
