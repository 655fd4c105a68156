'use client';

import { useRouter } from 'next/navigation';

type Props = Omit<React.FormHTMLAttributes<HTMLFormElement>, 'action' | 'method' | 'onSubmit'> & {
  action: string;
  // Keep the scroll position (a search inside a dialog); the top of the new page by default.
  scroll?: boolean;
};

// A plain GET form (so it works without JavaScript) that the app's router follows on submit: its
// fields become the query of `action`. next/form does the same for 4 kB (gzip) on every page that
// has one.
export const GetForm = ({ action, scroll = true, children, ...props }: Props) => {
  const router = useRouter();
  return (
    <form
      {...props}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string') query.append(name, value);
        router.push(query.size ? `${action}?${query}` : action, { scroll });
      }}
    >
      {children}
    </form>
  );
};
