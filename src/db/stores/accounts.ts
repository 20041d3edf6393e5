import { type Kysely, sql, type Updateable } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';

/**
 * Storage of users, memberships, invitations, sessions, API tokens and login attempts
 * (migration 0002). Every tenant-scoped function takes `orgId` and filters by it.
 * The row types live here until they move into schema.ts beside the others.
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
export interface AccountsDatabase extends Database {
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
}

/** The same connection (or transaction) typed with the account tables. */
const k = (db: Db) => db.kysely as unknown as Kysely<AccountsDatabase>;

export type UserRow = UsersTable;
export type InvitationRow = InvitationsTable;
export type ApiTokenRow = ApiTokensTable;

export async function insertUser(db: Db, row: UsersTable): Promise<void> {
  await k(db).insertInto('users').values(row).execute();
}

export async function findUserByEmail(db: Db, params: { email: string }): Promise<UserRow | undefined> {
  return k(db).selectFrom('users').selectAll().where('email', '=', params.email).executeTakeFirst();
}

export async function findUserById(db: Db, params: { userId: string }): Promise<UserRow | undefined> {
  return k(db).selectFrom('users').selectAll().where('id', '=', params.userId).executeTakeFirst();
}

export async function updateUserPassword(db: Db, params: { userId: string; hash: string; at: string }): Promise<void> {
  await k(db)
    .updateTable('users')
    .set({ password_hash: params.hash, password_changed_at: params.at })
    .where('id', '=', params.userId)
    .execute();
}

/** Memberships of a user, oldest first (the first is the default organisation at login). */
export async function listUserMemberships(db: Db, params: { userId: string }): Promise<MembershipsTable[]> {
  return k(db)
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', params.userId)
    .orderBy('created_at')
    .orderBy('org_id')
    .execute();
}

export async function listMembers(db: Db, params: { orgId: string }) {
  return k(db)
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role', 'm.created_at as joinedAt'])
    .where('m.org_id', '=', params.orgId)
    .orderBy('m.created_at')
    .orderBy('u.id')
    .execute();
}

export interface ActorNameRow {
  readonly kind: 'user' | 'token';
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/**
 * Names of the given users and API tokens, in one query: users only while they are members of the
 * organisation (name and e-mail), tokens only of the organisation (revoked ones too). Ids that
 * match nothing are left out. No query without ids.
 */
export async function listActorNames(
  db: Db,
  params: { orgId: string; userIds: readonly string[]; tokenIds: readonly string[] },
): Promise<ActorNameRow[]> {
  const users = k(db)
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      sql<'user' | 'token'>`'user'`.as('kind'),
      'u.id as id',
      'u.name as name',
      sql<string | null>`u.email`.as('email'),
    ])
    .where('m.org_id', '=', params.orgId)
    .where('u.id', 'in', params.userIds);
  const tokens = k(db)
    .selectFrom('api_tokens as t')
    .select([
      sql<'user' | 'token'>`'token'`.as('kind'),
      't.id as id',
      't.name as name',
      sql<string | null>`null`.as('email'),
    ])
    .where('t.org_id', '=', params.orgId)
    .where('t.id', 'in', params.tokenIds);
  if (params.userIds.length === 0) return params.tokenIds.length === 0 ? [] : tokens.execute();
  return params.tokenIds.length === 0 ? users.execute() : users.unionAll(tokens).execute();
}

export async function findMembership(db: Db, params: { orgId: string; userId: string }) {
  return k(db)
    .selectFrom('memberships')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .executeTakeFirst();
}

export async function insertMembership(db: Db, row: MembershipsTable): Promise<void> {
  await k(db).insertInto('memberships').values(row).execute();
}

export async function setMembershipRole(db: Db, params: { orgId: string; userId: string; role: string }) {
  await k(db)
    .updateTable('memberships')
    .set({ role: params.role })
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .execute();
}

/** Removes a membership and the member's sessions in that organisation. */
export async function deleteMembership(db: Db, params: { orgId: string; userId: string }): Promise<void> {
  await k(db).deleteFrom('sessions').where('org_id', '=', params.orgId).where('user_id', '=', params.userId).execute();
  await k(db)
    .deleteFrom('memberships')
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .execute();
}

export async function countOwners(db: Db, params: { orgId: string }): Promise<number> {
  const row = await k(db)
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', params.orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertInvitation(db: Db, row: InvitationsTable): Promise<void> {
  await k(db).insertInto('invitations').values(row).execute();
}

export async function findInvitationByHash(db: Db, params: { tokenHash: string }) {
  return k(db).selectFrom('invitations').selectAll().where('token_hash', '=', params.tokenHash).executeTakeFirst();
}

export async function listInvitations(db: Db, params: { orgId: string }): Promise<InvitationRow[]> {
  return k(db).selectFrom('invitations').selectAll().where('org_id', '=', params.orgId).orderBy('created_at').execute();
}

/** Marks an invitation accepted or revoked; only an open one, so a token works once. */
export async function closeInvitation(
  db: Db,
  params: { orgId: string; id: string; field: 'accepted_at' | 'revoked_at'; at: string },
): Promise<boolean> {
  const result = await k(db)
    .updateTable('invitations')
    .set({ [params.field]: params.at })
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSession(db: Db, row: SessionsTable): Promise<void> {
  await k(db).insertInto('sessions').values(row).execute();
}

/** A live session with the member's current role: one query per request. */
export async function findSession(db: Db, params: { idHash: string; now: string }) {
  return k(db)
    .selectFrom('sessions as s')
    .innerJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 's.org_id').onRef('m.user_id', '=', 's.user_id'))
    .select(['s.org_id as orgId', 's.user_id as userId', 's.csrf_hash as csrfHash', 'm.role'])
    .where('s.id_hash', '=', params.idHash)
    .where('s.expires_at', '>', params.now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, params: { idHash: string }): Promise<void> {
  await k(db).deleteFrom('sessions').where('id_hash', '=', params.idHash).execute();
}

/** Logout everywhere: every session of the user, in every organisation. */
export async function deleteUserSessions(db: Db, params: { userId: string }): Promise<number> {
  const result = await k(db).deleteFrom('sessions').where('user_id', '=', params.userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertApiToken(db: Db, row: ApiTokensTable): Promise<void> {
  await k(db).insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(db: Db, params: { tokenHash: string }) {
  return k(db)
    .selectFrom('api_tokens')
    .select(['id', 'org_id', 'role', 'last_used_at'])
    .where('token_hash', '=', params.tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, params: { id: string; at: string }): Promise<void> {
  await k(db).updateTable('api_tokens').set({ last_used_at: params.at }).where('id', '=', params.id).execute();
}

export async function listApiTokens(db: Db, params: { orgId: string }) {
  return k(db)
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_by', 'created_at', 'last_used_at', 'revoked_at'])
    .where('org_id', '=', params.orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findApiToken(db: Db, params: { orgId: string; id: string }) {
  return k(db)
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'revoked_at'])
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .executeTakeFirst();
}

export async function revokeApiToken(db: Db, params: { orgId: string; id: string; at: string }): Promise<void> {
  await k(db)
    .updateTable('api_tokens')
    .set({ revoked_at: params.at })
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .execute();
}

export async function insertLoginAttempt(db: Db, row: LoginAttemptsTable): Promise<void> {
  await k(db).insertInto('login_attempts').values(row).execute();
}

/** Failed attempts since `since`, by e-mail or by IP address. */
export async function countFailedAttempts(db: Db, params: { by: 'email' | 'ip'; value: string; since: string }) {
  const row = await k(db)
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(params.by, '=', params.value)
    .where('at', '>=', params.since)
    .where('succeeded', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A successful login clears the account's failure count. */
export async function clearFailedAttempts(db: Db, params: { email: string }): Promise<void> {
  await k(db).deleteFrom('login_attempts').where('email', '=', params.email).where('succeeded', '=', 0).execute();
}

/** Updates an organisation's own row (name, locale, weeks, fiscal year, settings JSON). */
export async function updateOrganisationRow(
  db: Db,
  params: { orgId: string; values: Updateable<Database['organisations']> },
): Promise<void> {
  if (Object.keys(params.values).length === 0) return;
  await k(db).updateTable('organisations').set(params.values).where('id', '=', params.orgId).execute();
}
