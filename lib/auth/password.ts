import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash of a random string: checking unknown accounts against it makes them cost as long as known ones.
const DUMMY_HASH = '$2b$12$Nx9HP9Sifkmqf0SvMQKs7OXN8LDqjHVfueggyr8/smFZQTYZcO892';

export async function burnPasswordCheck(password: string): Promise<void> {
  await bcrypt.compare(password, DUMMY_HASH);
}

/** A password for someone to be told once (16 characters, 96 random bits). */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}
