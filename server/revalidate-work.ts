import 'server-only';
import { revalidatePath } from 'next/cache';

/** A customer's profile page, the one place that builds its path. */
export function customerPath(customerId: number): string {
  return `/customers/${customerId}`;
}

/**
 * Pages that show tasks and activities: after a change, whichever of them the user is on (or goes to next) shows it.
 * The overview counts the user's open and overdue tasks.
 */
export function revalidateWork(customerId?: number | null): void {
  revalidatePath('/my-work');
  revalidatePath('/team');
  revalidatePath('/');
  if (customerId) revalidatePath(customerPath(customerId));
}
