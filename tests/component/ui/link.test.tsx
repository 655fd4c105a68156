import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Link } from '@/components/ui/link';

// The app's link. Its edge, the App Router, is stood in for by a recorder of what it is asked to do;
// tests/e2e follow real links in Chromium.
const navigations = vi.hoisted(() => [] as { method: 'push' | 'replace'; href: string; scroll: boolean | undefined }[]);
vi.mock('next/navigation', () => ({
  useRouter: () => ({
    push: (href: string, options?: { scroll?: boolean }) => navigations.push({ method: 'push', href, scroll: options?.scroll }),
    replace: (href: string, options?: { scroll?: boolean }) => navigations.push({ method: 'replace', href, scroll: options?.scroll }),
  }),
}));

// Whether the browser would have followed the link itself (false: the Link took the click over).
// Seen at the window, after React's handlers; jsdom cannot follow links, so it is not asked to.
const click = (element: HTMLElement, init: MouseEventInit = {}) => {
  let followed = false;
  const see = (event: Event) => {
    followed = !event.defaultPrevented;
    event.preventDefault();
  };
  window.addEventListener('click', see);
  fireEvent.click(element, { button: 0, ...init });
  window.removeEventListener('click', see);
  return followed;
};

describe('Link', () => {
  beforeEach(() => {
    navigations.length = 0;
  });

  it('is a plain link the router follows in place on a plain click, scrolling to the top', () => {
    render(<Link href="/all/42?tab=all" className="card">Ana</Link>);
    const link = screen.getByRole('link', { name: 'Ana' });
    expect(link.getAttribute('href')).toBe('/all/42?tab=all');
    expect(link.className).toBe('card');
    expect(click(link)).toBe(false);
    expect(navigations).toEqual([{ method: 'push', href: '/all/42?tab=all', scroll: true }]);
  });

  it('replaces the entry or keeps the scroll when asked', () => {
    render(
      <>
        <Link href="/all?details=1" scroll={false}>Detalles</Link>
        <Link href="/mentions" replace>Menciones</Link>
      </>,
    );
    click(screen.getByRole('link', { name: 'Detalles' }));
    click(screen.getByRole('link', { name: 'Menciones' }));
    expect(navigations).toEqual([
      { method: 'push', href: '/all?details=1', scroll: false },
      { method: 'replace', href: '/mentions', scroll: true },
    ]);
  });

  it('leaves to the browser a click with a modifier key or another button, a new tab, a download, another origin', () => {
    render(
      <>
        <Link href="/all/1">Uno</Link>
        <Link href="/all/2" target="_blank">Dos</Link>
        <Link href="/files/3" download>Tres</Link>
        <Link href="https://example.com/x">Fuera</Link>
      </>,
    );
    const one = screen.getByRole('link', { name: 'Uno' });
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) expect(click(one, init)).toBe(true);
    expect(click(screen.getByRole('link', { name: 'Dos' }))).toBe(true);
    expect(click(screen.getByRole('link', { name: 'Tres' }))).toBe(true);
    expect(click(screen.getByRole('link', { name: 'Fuera' }))).toBe(true);
    expect(navigations).toEqual([]);
  });

  it('runs its onClick first, which may take the click for itself', () => {
    const seen: string[] = [];
    render(
      <>
        <Link href="/all/1" onClick={() => seen.push('uno')}>Uno</Link>
        <Link href="/all/2" onClick={(event) => event.preventDefault()}>Dos</Link>
      </>,
    );
    click(screen.getByRole('link', { name: 'Uno' }));
    click(screen.getByRole('link', { name: 'Dos' }));
    expect(seen).toEqual(['uno']);
    expect(navigations).toEqual([{ method: 'push', href: '/all/1', scroll: true }]);
  });
});
