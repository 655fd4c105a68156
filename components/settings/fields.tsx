// Small server-rendered building blocks of settings forms, styled once.

export const inputClass = 'w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none';
export const buttonClass = 'rounded-md bg-brand-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 focus-visible:outline-2 disabled:opacity-50';
export const secondaryButtonClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50';
export const dangerButtonClass = 'rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50';

// A labelled field: the label wraps its control.
export const Field = ({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) => (
  <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-600">
    {label}
    {children}
    {hint && <span className="font-normal text-slate-500">{hint}</span>}
  </label>
);

type CardProps = { id: string; title: string; description?: string; children: React.ReactNode };

// A white card with a heading (and a line under it), the unit of every settings page.
export const Card = ({ id, title, description, children }: CardProps) => (
  <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
    <h2 id={id} className={description ? 'mb-1 font-semibold' : 'mb-3 font-semibold'}>{title}</h2>
    {description && <p className="mb-3 text-sm text-slate-500">{description}</p>}
    {children}
  </section>
);

// A card whose body is a list running to its edges, under a ruled heading.
export const ListCard = ({ id, title, children }: Omit<CardProps, 'description'>) => (
  <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
    <h2 id={id} className="border-b border-slate-200 p-4 font-semibold">{title}</h2>
    {children}
  </section>
);
