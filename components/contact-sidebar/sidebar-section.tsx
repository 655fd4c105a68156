// One titled block of the sidebar.
export const SidebarSection = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <section aria-label={title} className="space-y-2 border-t border-slate-200 p-4">
    <h3 className="text-xs font-semibold text-slate-500 uppercase">{title}</h3>
    {children}
  </section>
);
