import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { sameOriginUrl } from '@/lib/safe-redirect';
import { recordSecurityEvent, requestOrigin } from '../security-log';
import { encodeSessionToken } from './session-token';
import { revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';
import { signInWithPassword } from './sign-in';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, encode: encodeSessionToken },
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
      // Only at sign-in; afterwards the token is re-signed as it is, so the session's end never moves.
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sid = user.sessionId;
        token.sessionExpiresAt = user.sessionExpiresAt;
      }
      return token;
    },
    session({ token }) {
      return {
        user: { id: token.uid, role: token.role, name: token.name ?? '', email: token.email ?? '' },
        expires: new Date(token.sessionExpiresAt * 1000).toISOString(),
      };
    },
  },
  events: {
    // The copy of the cookie in this browser is deleted by next-auth; any other copy stops working here.
    async signOut({ token }) {
      if (!token?.sid) return;
      const db = await getDb();
      await revokeSession(db, token.sid);
      const { ip, userAgent } = await requestOrigin();
      await recordSecurityEvent(db, { kind: 'signOut', userId: Number(token.uid), email: token.email, ip, userAgent });
    },
  },
};
