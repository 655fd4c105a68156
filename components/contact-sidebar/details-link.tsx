'use client';

import { Link } from '@/components/ui/link';
import { usePathname, useSearchParams } from 'next/navigation';

type Props = { open: boolean; className?: string; label?: string; children: React.ReactNode };

// C1 "Más detalles": a link to this same URL with `details=1` set (open) or removed (close), the
// other search params kept, so it works without JavaScript and can be shared.
export const DetailsLink = ({ open, className, label, children }: Props) => {
  const pathname = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  if (open) params.set('details', '1');
  else params.delete('details');
  const query = params.toString();
  return (
    <Link href={query ? `${pathname}?${query}` : pathname} className={className} aria-label={label} title={label} scroll={false}>
      {children}
    </Link>
  );
};
