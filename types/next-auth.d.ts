import type { Role } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
  }
}
