import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { sameOriginUrl } from '@/lib/safe-redirect';
import { signInSchema } from '@/lib/validation/users';
import { requestAddress } from '../request-address';
import { reserveAttempt, settleSuccess, throttleKeys } from './throttle';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const INVALID_CREDENTIALS = 'Wrong email or password.';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
        const { email, password } = parsed.data;
        const db = await getDb();
        const keys = throttleKeys(email, requestAddress(req?.headers));
        // Counted before the password check, so that a burst of parallel guesses cannot outrun the limit.
        const reservation = await reserveAttempt(db, keys);
        if (!reservation.allowed) {
          const minutes = reservation.lockedForMinutes;
          throw new Error(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
        }
        const [user] = await db.select().from(users).where(eq(users.email, email));
        // Unknown and disabled accounts run the same bcrypt work as known ones, so timing does not reveal which exist.
        const ok = user && !user.disabledAt ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
        // A wrong password leaves its reserved attempt counted: that is the failure.
        if (!ok || !user) throw new Error(INVALID_CREDENTIALS);
        await settleSuccess(db, keys);
        await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
        return { id: String(user.id), email: user.email, name: user.name, role: user.role };
      },
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
