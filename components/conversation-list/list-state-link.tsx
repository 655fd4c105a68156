'use client';

import { Link } from '@/components/ui/link';
import { useParams } from 'next/navigation';

// A link to another state of the list (`/all?filter=…`) that keeps the open conversation open
// (`/all/42?filter=…`). The list lives in the view's layout, which does not render again when
// another conversation opens, so the conversation comes from the URL's params.
export const ListStateLink = ({ href, ...props }: React.ComponentProps<typeof Link>) => {
  const { conversationId } = useParams<{ conversationId?: string }>();
  const [path, query] = href.split('?');
  const target = conversationId ? `${path}/${conversationId}${query ? `?${query}` : ''}` : href;
  return <Link href={target} {...props} />;
};
