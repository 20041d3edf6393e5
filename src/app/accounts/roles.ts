/** The roles a member or an API token can hold in one organisation. */
export const ROLES = ['owner', 'finance', 'credit_controller', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a request may do. `write:credit` covers credit and collections data (limits, legal
 * events, financial statements, dunning); `write:data` every other business record.
 */
export const PERMISSIONS_LIST = [
  'read',
  'write:credit',
  'write:data',
  'import',
  'manage:members',
  'manage:tokens',
  'manage:organisation',
  'read:audit',
] as const;
export type Permission = (typeof PERMISSIONS_LIST)[number];

/** The one table of role permissions (docs/api.md shows it to users). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: ['read'],
  credit_controller: ['read', 'write:credit'],
  finance: ['read', 'write:credit', 'write:data', 'import'],
  owner: PERMISSIONS_LIST,
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
