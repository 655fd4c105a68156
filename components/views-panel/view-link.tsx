'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

// A views-panel entry, highlighted while its view (or a conversation inside it) is open.
export const ViewLink = ({ href, children }: { href: string; children: React.ReactNode }) => {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className="flex items-center gap-2 rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
    >
      {children}
    </Link>
  );
};
