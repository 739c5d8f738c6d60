import type { Role } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
    /** The user_sessions row this sign-in opened, and when it ends (seconds since the epoch). */
    sessionId: string;
    sessionExpiresAt: number;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    sid: string;
    /** The session's absolute end (seconds since the epoch): the token's own expiry never moves past it. */
    sessionExpiresAt: number;
  }
}
