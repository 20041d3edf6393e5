export { type NameOf, nameActors } from './actor-names.js';
export { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
export { type AuthContext, DEFAULT_SECURITY, normaliseEmail, type SecuritySettings } from './context.js';
export {
  assertSafeToListen,
  DEMO_OWNER_EMAIL,
  DEMO_OWNER_PASSWORD,
  type DemoOwner,
  ensureDemoOwner,
  hasDemoPassword,
  isLoopbackHost,
} from './demo-owner.js';
export { type Acceptance, acceptInvitation, inviteMember, listInvitations, revokeInvitation } from './invitations.js';
export { changeMemberRole, listMembers, removeMember } from './members.js';
export { type OrganisationPatch, readOrganisation, updateOrganisation } from './organisation.js';
export { can, isRole, PERMISSIONS_LIST, type Permission, ROLE_PERMISSIONS, ROLES, type Role } from './roles.js';
export { hashPassword, verifyPassword } from './secrets.js';
export {
  authenticateSession,
  authenticateToken,
  describeUser,
  type LoginRequest,
  type LoginSuccess,
  login,
  logout,
  logoutEverywhere,
} from './sessions.js';
