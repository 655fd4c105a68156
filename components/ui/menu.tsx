'use client';

import { useEffect, useRef } from 'react';

type Props = React.ComponentProps<'details'> & { closeOnSubmit?: boolean };

// A <details> dropdown (keyboard and no-JS friendly) that, with JavaScript, also closes on Escape,
// on a click outside it, when another menu opens, and (optionally) after one of its forms submits.
export const Menu = ({ closeOnSubmit = true, children, ...props }: Props) => {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const close = () => menu.removeAttribute('open');
    const onPointer = (event: PointerEvent) => !menu.contains(event.target as Node) && close();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && menu.open) {
        close();
        menu.querySelector('summary')?.focus();
      }
    };
    const onSubmit = () => closeOnSubmit && setTimeout(close, 0);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    menu.addEventListener('submit', onSubmit);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      menu.removeEventListener('submit', onSubmit);
    };
  }, [closeOnSubmit]);
  return (
    <details ref={ref} {...props}>
      {children}
    </details>
  );
};
