// Signs a person in through Auth.js's credentials endpoint, as the login form does, and returns the
// session cookie ("name=value") their requests carry.
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);

export const signIn = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/all` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`bench:http: ${email} could not sign in (${response.status} ${response.headers.get('location')})`);
  return session;
};
