import { sql, type Updateable } from 'kysely';
import type { Db } from '../connection.js';
import type { Database } from '../schema.js';
import type {
  ApiTokensTable,
  InvitationsTable,
  LoginAttemptsTable,
  MembershipsTable,
  SessionsTable,
  UsersTable,
} from '../schema-accounts.js';

/**
 * Storage of users, memberships, invitations, sessions, API tokens and login attempts
 * (migration 0002). Every tenant-scoped function takes `orgId` and filters by it.
 */

export type UserRow = UsersTable;
export type InvitationRow = InvitationsTable;
export type ApiTokenRow = ApiTokensTable;

export async function insertUser(db: Db, row: UsersTable): Promise<void> {
  await db.kysely.insertInto('users').values(row).execute();
}

export async function findUserByEmail(db: Db, params: { email: string }): Promise<UserRow | undefined> {
  return db.kysely.selectFrom('users').selectAll().where('email', '=', params.email).executeTakeFirst();
}

export async function findUserById(db: Db, params: { userId: string }): Promise<UserRow | undefined> {
  return db.kysely.selectFrom('users').selectAll().where('id', '=', params.userId).executeTakeFirst();
}

export async function updateUserPassword(db: Db, params: { userId: string; hash: string; at: string }): Promise<void> {
  await db.kysely
    .updateTable('users')
    .set({ password_hash: params.hash, password_changed_at: params.at })
    .where('id', '=', params.userId)
    .execute();
}

/** Memberships of a user, oldest first (the first is the default organisation at login). */
export async function listUserMemberships(db: Db, params: { userId: string }): Promise<MembershipsTable[]> {
  return db.kysely
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', params.userId)
    .orderBy('created_at')
    .orderBy('org_id')
    .execute();
}

export async function listMembers(db: Db, params: { orgId: string }) {
  return db.kysely
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
  const users = db.kysely
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
  const tokens = db.kysely
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
  return db.kysely
    .selectFrom('memberships')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .executeTakeFirst();
}

export async function insertMembership(db: Db, row: MembershipsTable): Promise<void> {
  await db.kysely.insertInto('memberships').values(row).execute();
}

export async function setMembershipRole(db: Db, params: { orgId: string; userId: string; role: string }) {
  await db.kysely
    .updateTable('memberships')
    .set({ role: params.role })
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .execute();
}

/** Removes a membership and the member's sessions in that organisation. */
export async function deleteMembership(db: Db, params: { orgId: string; userId: string }): Promise<void> {
  await db.kysely
    .deleteFrom('sessions')
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .execute();
  await db.kysely
    .deleteFrom('memberships')
    .where('org_id', '=', params.orgId)
    .where('user_id', '=', params.userId)
    .execute();
}

export async function countOwners(db: Db, params: { orgId: string }): Promise<number> {
  const row = await db.kysely
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', params.orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertInvitation(db: Db, row: InvitationsTable): Promise<void> {
  await db.kysely.insertInto('invitations').values(row).execute();
}

export async function findInvitationByHash(db: Db, params: { tokenHash: string }) {
  return db.kysely.selectFrom('invitations').selectAll().where('token_hash', '=', params.tokenHash).executeTakeFirst();
}

export async function listInvitations(db: Db, params: { orgId: string }): Promise<InvitationRow[]> {
  return db.kysely
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .orderBy('created_at')
    .execute();
}

/** Marks an invitation accepted or revoked; only an open one, so a token works once. */
export async function closeInvitation(
  db: Db,
  params: { orgId: string; id: string; field: 'accepted_at' | 'revoked_at'; at: string },
): Promise<boolean> {
  const result = await db.kysely
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
  await db.kysely.insertInto('sessions').values(row).execute();
}

/** A live session with the member's current role: one query per request. */
export async function findSession(db: Db, params: { idHash: string; now: string }) {
  return db.kysely
    .selectFrom('sessions as s')
    .innerJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 's.org_id').onRef('m.user_id', '=', 's.user_id'))
    .select(['s.org_id as orgId', 's.user_id as userId', 's.csrf_hash as csrfHash', 'm.role'])
    .where('s.id_hash', '=', params.idHash)
    .where('s.expires_at', '>', params.now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, params: { idHash: string }): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id_hash', '=', params.idHash).execute();
}

/** Logout everywhere: every session of the user, in every organisation. */
export async function deleteUserSessions(db: Db, params: { userId: string }): Promise<number> {
  const result = await db.kysely.deleteFrom('sessions').where('user_id', '=', params.userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertApiToken(db: Db, row: ApiTokensTable): Promise<void> {
  await db.kysely.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(db: Db, params: { tokenHash: string }) {
  return db.kysely
    .selectFrom('api_tokens')
    .select(['id', 'org_id', 'role', 'last_used_at'])
    .where('token_hash', '=', params.tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, params: { id: string; at: string }): Promise<void> {
  await db.kysely.updateTable('api_tokens').set({ last_used_at: params.at }).where('id', '=', params.id).execute();
}

export async function listApiTokens(db: Db, params: { orgId: string }) {
  return db.kysely
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_by', 'created_at', 'last_used_at', 'revoked_at'])
    .where('org_id', '=', params.orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findApiToken(db: Db, params: { orgId: string; id: string }) {
  return db.kysely
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'revoked_at'])
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .executeTakeFirst();
}

export async function revokeApiToken(db: Db, params: { orgId: string; id: string; at: string }): Promise<void> {
  await db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: params.at })
    .where('org_id', '=', params.orgId)
    .where('id', '=', params.id)
    .execute();
}

export async function insertLoginAttempt(db: Db, row: LoginAttemptsTable): Promise<void> {
  await db.kysely.insertInto('login_attempts').values(row).execute();
}

/** Failed attempts since `since`, by e-mail or by IP address. */
export async function countFailedAttempts(db: Db, params: { by: 'email' | 'ip'; value: string; since: string }) {
  const row = await db.kysely
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(params.by, '=', params.value)
    .where('at', '>=', params.since)
    .where('succeeded', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The times of the failed attempts since `since`, by e-mail or by IP address, oldest first. */
export async function listFailedAttemptTimes(
  db: Db,
  params: { by: 'email' | 'ip'; value: string; since: string },
): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('login_attempts')
    .select('at')
    .where(params.by, '=', params.value)
    .where('at', '>=', params.since)
    .where('succeeded', '=', 0)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

/** A successful login clears the account's failure count. */
export async function clearFailedAttempts(db: Db, params: { email: string }): Promise<void> {
  await db.kysely.deleteFrom('login_attempts').where('email', '=', params.email).where('succeeded', '=', 0).execute();
}

/** Updates an organisation's own row (name, locale, weeks, fiscal year, settings JSON). */
export async function updateOrganisationRow(
  db: Db,
  params: { orgId: string; values: Updateable<Database['organisations']> },
): Promise<void> {
  if (Object.keys(params.values).length === 0) return;
  await db.kysely.updateTable('organisations').set(params.values).where('id', '=', params.orgId).execute();
}
