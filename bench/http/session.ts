/** Cookies a response sets, as `name=value` pairs for a Cookie header. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]);
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the Cookie header to send. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: 'true' }),
  });
  const session = cookiesOf(response).filter((c) => c.includes('session-token'));
  if (!session.length) throw new Error(`signing in as ${email} failed (HTTP ${response.status})`);
  return [...jar, ...session].join('; ');
}
