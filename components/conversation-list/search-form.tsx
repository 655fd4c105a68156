'use client';

import { useRouter } from 'next/navigation';

// The search box's form: a plain GET form to /search (so it works without JavaScript) that the
// app's router follows on submit. next/form would do the same for 4 kB (gzip) on every page.
export const SearchForm = ({ className, children }: { className?: string; children: React.ReactNode }) => {
  const router = useRouter();
  return (
    <form
      action="/search"
      role="search"
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        router.push(`/search?${new URLSearchParams({ q: String(new FormData(event.currentTarget).get('q') ?? '') })}`);
      }}
    >
      {children}
    </form>
  );
};
