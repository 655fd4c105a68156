// Small line icons (20×20, currentColor), always beside an aria-label or visible text.
const Icon = ({ d, className = 'h-5 w-5' }: { d: string; className?: string }) => (
  <svg aria-hidden viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);

export const BellOffIcon = ({ className }: { className?: string }) => (
  <Icon className={className} d="M10 3a5 5 0 0 0-5 5v3l-1.5 2.5h13L15 11V8a5 5 0 0 0-5-5Zm-2 12.5a2 2 0 0 0 4 0M3 3l14 14" />
);
export const BellIcon = ({ className }: { className?: string }) => (
  <Icon className={className} d="M10 3a5 5 0 0 0-5 5v3l-1.5 2.5h13L15 11V8a5 5 0 0 0-5-5Zm-2 12.5a2 2 0 0 0 4 0" />
);
export const MailIcon = ({ className }: { className?: string }) => (
  <Icon className={className} d="M3 5.5h14v9H3zM3 6l7 5 7-5" />
);
export const SidebarIcon = ({ className }: { className?: string }) => (
  <Icon className={className} d="M3 4h14v12H3zM12.5 4v12" />
);

// The look of a square icon button in a toolbar (≥ 36 px, 44 on a phone).
export const iconButton =
  'inline-flex h-9 w-9 shrink-0 cursor-pointer list-none items-center justify-center rounded-md border border-slate-300 text-slate-600 hover:bg-slate-50 aria-pressed:bg-slate-100 max-sm:h-10 max-sm:w-10 [&::-webkit-details-marker]:hidden';
