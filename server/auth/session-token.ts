import 'server-only';
import { encode, type JWTEncodeParams } from 'next-auth/jwt';

/**
 * next-auth signs a fresh token whenever the session is read and dates its expiry from that moment (30 days when
 * signing in), which would let a session that keeps being used live forever. Every token of a session expires when
 * the session does, whenever it was signed.
 */
export function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const endsAt = Number(params.token?.sessionExpiresAt);
  const secondsLeft = Number.isFinite(endsAt) ? Math.max(0, endsAt - Math.floor(Date.now() / 1000)) : 0;
  return encode({ ...params, maxAge: secondsLeft });
}
