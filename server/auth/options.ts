import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sameOriginUrl } from '@/lib/safe-redirect';
import { signInWithPassword } from './sign-in';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize: (credentials, req) => signInWithPassword(credentials, req?.headers),
    }),
  ],
  callbacks: {
    // Every redirect the sign-in server answers with (callbackUrl of sign-in and sign-out) stays on this origin.
    redirect: ({ url, baseUrl }) => sameOriginUrl(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? '', email: token.email ?? '' };
      return session;
    },
  },
};
