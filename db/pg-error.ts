/** The SQLSTATE of a database error, whether thrown by the driver or wrapped by Drizzle (as its `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } })?.cause ?? error;
  const code = (cause as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

export const SQLSTATE = {
  uniqueViolation: '23505',
  /** ON CONFLICT DO UPDATE met the same key twice in one statement. */
  cardinalityViolation: '21000',
} as const;
