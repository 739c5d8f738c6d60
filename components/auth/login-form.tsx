'use client';

import { getSession, signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { landingPath } from '@/lib/safe-redirect';

const FALLBACK_ERROR = 'Sign-in failed. Please try again.';

/** Email and password against next-auth's credentials provider; shows the provider's own message on failure. */
export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        redirect: false,
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      if (result?.ok && !result.error) {
        // The role decides the landing page when the user came from nowhere in particular (executives: KPIs).
        const session = await getSession();
        // A full load, so that the signed-in layout renders from scratch with the new session cookie.
        window.location.assign(landingPath(callbackUrl, window.location.origin, session?.user?.role));
        return;
      }
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : FALLBACK_ERROR);
    } catch {
      setError(FALLBACK_ERROR);
    }
    setPending(false);
  }

  return (
    // method=post: without JavaScript the browser must never put the password into the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <div>
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required className="mt-1.5" />
      </div>
      <div>
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1.5"
        />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
