// The one table of role permissions (docs/api.md): pure data, shared with the server so the page
// offers exactly what the API would allow. The API still checks every request.
import { can, isRole, type Permission } from '../../src/app/accounts/roles.js';
import type { Me } from './api-types.js';

/** Whether the caller's role holds `permission`. */
export function may(me: Me | null, permission: Permission): boolean {
  return me !== null && isRole(me.role) && can(me.role, permission);
}

/** Whether the caller's role may record credit decisions (`write:credit`): viewers may not. */
export function canWriteCredit(me: Me | null): boolean {
  return may(me, 'write:credit');
}

/**
 * Who did something, for people: the name the API answers beside the actor id (`approvedByName`
 * beside `approvedBy`, ...); without one, the caller's own actor id as her name, any other as
 * the API gives it.
 */
export function actorLabel(actor: string, me: Me | null, name?: string): string {
  if (name) return name;
  if (me && actor === me.actor) return me.user?.name || me.user?.email || actor;
  return actor;
}
