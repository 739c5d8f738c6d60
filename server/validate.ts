import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { ValidationError } from './errors';

/**
 * A service verb's own validation: server actions parse forms already, but a verb is also called by the CLI, the
 * API, other services and tests, and must not trust them.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
