/**
 * Typed domain errors. Services throw them; `toActionResult` (server actions) and `toHttpError` (route handlers)
 * map them to what a user sees, in this one place. Anything else is logged and shown as a generic message, so that
 * stack traces and SQL never reach a user.
 */
import { SQLSTATE, pgErrorCode } from '@/db/pg-error';

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {}

export class ValidationError extends DomainError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'Please correct the highlighted fields.',
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  /** `message` says why, when the user can do something about it (e.g. which accounts are not theirs). */
  constructor(
    readonly permission?: string,
    message = 'You do not have permission to do that.',
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super('Your session has expired. Please sign in again.');
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'record') {
    super(`That ${what} does not exist or was removed.`);
  }
}

/** Optimistic-concurrency conflict: someone else changed the record since it was loaded. */
export class ConflictError extends DomainError {
  constructor(
    message = 'Someone else changed this record while you were editing. Reload to see their change, then try again.',
  ) {
    super(message);
  }
}

/** A rule of the product refused the change (e.g. demoting the last admin). */
export class RuleError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** An upload bigger than the workspace accepts. */
export class TooLargeError extends DomainError {}

export type ActionResult<T = undefined> =
  { ok: true; message?: string; data?: T } | { ok: false; message: string; fieldErrors?: FieldErrors };

const GENERIC = 'Something went wrong on our side. Nothing was changed; please try again.';

function uniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === SQLSTATE.uniqueViolation;
}

export function toActionResult(error: unknown): ActionResult<never> {
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof RuleError)
    return {
      ok: false,
      message: error.message,
      fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
    };
  if (error instanceof DomainError) return { ok: false, message: error.message };
  if (uniqueViolation(error)) return { ok: false, message: 'A record with the same unique value already exists.' };
  console.error('[action] unexpected error', error);
  return { ok: false, message: GENERIC };
}

export function toHttpError(error: unknown): { status: number; body: { error: string; fieldErrors?: FieldErrors } } {
  if (error instanceof ValidationError)
    return { status: 400, body: { error: error.message, fieldErrors: error.fieldErrors } };
  if (error instanceof UnauthenticatedError) return { status: 401, body: { error: error.message } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: error.message } };
  if (error instanceof NotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof ConflictError) return { status: 409, body: { error: error.message } };
  if (error instanceof RuleError) return { status: 422, body: { error: error.message } };
  if (error instanceof TooLargeError) return { status: 413, body: { error: error.message } };
  if (uniqueViolation(error))
    return { status: 409, body: { error: 'A record with the same unique value already exists.' } };
  console.error('[api] unexpected error', error);
  return { status: 500, body: { error: GENERIC } };
}
