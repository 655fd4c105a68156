import { headers } from 'next/headers';
import { signOutMarkScript } from './sign-out-mark';

// sign-out-mark.ts's inline script, with this response's CSP nonce. It comes before the sign-out
// form in the page, so it listens before the form can be submitted.
export const SignOutMarker = async () => {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: signOutMarkScript }} />;
};
