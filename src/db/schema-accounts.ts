/**
 * Row types of the account tables (migration 0002): users and login attempts are global (a user
 * may belong to several organisations); memberships, invitations, sessions and API tokens carry
 * the organisation id. Part of `Database` in schema.ts.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
}
export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
}
export interface InvitationsTable {
  org_id: string;
  id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
export interface SessionsTable {
  org_id: string;
  id_hash: string;
  user_id: string;
  csrf_hash: string;
  created_at: string;
  expires_at: string;
}
export interface ApiTokensTable {
  org_id: string;
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip: string;
  at: string;
  succeeded: number;
}
