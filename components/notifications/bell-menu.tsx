'use client';

import { Menu } from '@/components/ui/menu';

// The bell's dropdown: a Menu (Escape, a click outside or a submitted form close it) that also closes
// when one of its links is followed, since the layout it lives in stays mounted.
export const BellMenu = ({ children, className }: { children: React.ReactNode; className?: string }) => (
  <Menu className={className} onClick={(event) => (event.target as Element).closest('a') && event.currentTarget.removeAttribute('open')}>
    {children}
  </Menu>
);
