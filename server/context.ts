import type { Database } from '@/db/client';
import type { Role } from '@/lib/auth/roles';
import { can, type Permission, type PermissionResource } from '@/lib/auth/permissions';
import { ForbiddenError } from './errors';

/** Who is acting: a signed-in user, or the system (CLI, seed, background jobs) which holds every permission. */
export type Actor =
  | { kind: 'user'; id: number; role: Role; email: string; name: string; sessionId?: string }
  | { kind: 'system'; label: string };

/** Runs a task after the response has been sent. */
export type Background = (task: () => Promise<unknown>) => void;

export type ServiceContext = {
  db: Database;
  actor: Actor;
  /** Work that may finish after the response (a page passes next/server `after`); absent, services do it inline. */
  background?: Background;
};

export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}

export function actorCan(actor: Actor, permission: Permission, resource?: PermissionResource): boolean {
  return actor.kind === 'system' || can(actor, permission, resource);
}

/** Every service verb starts here. */
export function assertCan(actor: Actor, permission: Permission, resource?: PermissionResource): void {
  if (!actorCan(actor, permission, resource)) throw new ForbiddenError(permission);
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : actor.label;
}
