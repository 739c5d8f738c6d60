import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Anchor } from 'lucide-react';
import { LoginForm } from '@/components/auth/login-form';
import { Card, CardContent } from '@/components/ui/card';
import { homePathFor } from '@/lib/navigation';
import { getSessionUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getSessionUser();
  if (user) redirect(homePathFor(user.role));
  const { callbackUrl } = await searchParams;
  return (
    <main className="grid min-h-dvh place-items-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="grid size-10 place-items-center rounded-lg bg-accent-700 text-white">
            <Anchor aria-hidden className="size-5" />
          </span>
          <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900">Sign in to Holdfast</h1>
          <p className="mt-1 text-sm text-zinc-600">Your customer retention workspace</p>
        </div>
        <Card>
          <CardContent className="p-6">
            <LoginForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : null} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
