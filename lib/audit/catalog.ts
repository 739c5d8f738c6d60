/**
 * What the audit log can be filtered by: the entity types and actions that writers record, with their labels.
 * A service that writes a new kind of audit row adds it here, so that the filter offers it; rows with values not
 * listed here still show, under their raw names.
 */
export const AUDIT_ENTITY_TYPES = {
  user: 'User',
  workspace: 'Workspace',
  import: 'Import',
  settings: 'Settings',
  customer: 'Customer',
  task: 'Task',
  activity: 'Activity',
  savedView: 'Saved view',
  export: 'Export',
} as const;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

export const AUDIT_ACTIONS = {
  'user.create': 'Created user',
  'user.changeRole': 'Changed role',
  'user.disable': 'Disabled user',
  'user.enable': 'Enabled user',
  'user.changePassword': 'Changed own password',
  'user.resetPassword': 'Reset password',
  'user.unlock': 'Unlocked sign-in',
  'seed.run': 'Loaded demo data',
  'import.run': 'Imported a file',
  'import.batch': 'Imported a batch of a file',
  'import.dryRun': 'Dry-ran an import',
  'metrics.setChurnThresholds': 'Changed churn thresholds',
  'metrics.clearChurnThresholds': 'Removed segment churn thresholds',
  'activity.log': 'Logged activity',
  'task.create': 'Created task',
  'task.update': 'Edited task',
  'task.complete': 'Completed task',
  'task.reassign': 'Reassigned task',
  'customer.assignOwner': 'Assigned owner',
  'customer.changeOwner': 'Changed owner',
  'customer.updateContact': 'Updated contact and consent',
  'customer.exportPersonalData': 'Exported personal data',
  'customer.erase': 'Erased personal data',
  'view.create': 'Saved view',
  'view.rename': 'Renamed view',
  'view.delete': 'Deleted view',
  'export.run': 'Exported data',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return (AUDIT_ENTITY_TYPES as Record<string, string>)[entityType] ?? entityType;
}

/** A human handle for the record an entry is about, taken from its own snapshot (the record may have changed since). */
export function auditEntitySubject(before: unknown, after: unknown): string | null {
  for (const snapshot of [after, before]) {
    if (snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot)) {
      const { name, email, title, filename } = snapshot as Record<string, unknown>;
      const parts = [name ?? title ?? filename, email].filter(
        (v): v is string => typeof v === 'string' && v.length > 0,
      );
      if (parts.length) return parts.length === 2 ? `${parts[0]} (${parts[1]})` : parts[0];
    }
  }
  return null;
}
