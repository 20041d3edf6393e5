import type { Role } from './roles.js';

/** Who is making a request: set once by the authentication hook, read by every route. */
export interface AuthContext {
  /** The organisation every query of this request is confined to. */
  readonly orgId: string;
  readonly role: Role;
  /** 'user:<id>' or 'token:<id>', as written in the audit log. */
  readonly actor: string;
  readonly userId: string | null;
  readonly tokenId: string | null;
  readonly via: 'session' | 'token';
  /** SHA-256 of the session's CSRF token (sessions only). */
  readonly csrfHash: string | null;
}

/** Limits on sessions and login attempts; the defaults suit a small finance team. */
export interface SecuritySettings {
  readonly sessionHours: number;
  readonly maxFailuresPerAccount: number;
  readonly maxFailuresPerIp: number;
  readonly lockoutMinutes: number;
  readonly invitationDays: number;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  sessionHours: 12,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 50,
  lockoutMinutes: 15,
  invitationDays: 7,
};

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
