export const ROLES = ['admin', 'lead', 'csm', 'exec'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  lead: 'Team lead',
  csm: 'Customer success manager',
  exec: 'Executive',
};
