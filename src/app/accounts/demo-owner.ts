import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { findMembership, findUserByEmail, insertMembership, insertUser } from '../../db/stores/accounts.js';
import { withTransaction } from '../../db/transaction.js';
import type { Clock } from '../clock.js';
import { hashPassword, verifyPassword } from './secrets.js';

/** The demo company's owner account (docs/api.md). Change the password before exposing the server. */
export const DEMO_OWNER_EMAIL = 'demo@cashguard.local';
export const DEMO_OWNER_PASSWORD = 'cashguard-demo';

export interface DemoOwner {
  /** True only on the run that created the account: print the credentials then. */
  readonly created: boolean;
  readonly email: string;
  /** The password in force when it was created here; undefined when the account already existed. */
  readonly password?: string;
}

/**
 * Creates the demo owner (`demo@cashguard.local`) of the demo organisation on first start,
 * with the password given (e.g. from CASHGUARD_ADMIN_PASSWORD) or the documented demo one.
 */
export async function ensureDemoOwner(
  db: Db,
  p: { orgId: string; password?: string; clock: Clock },
): Promise<DemoOwner> {
  return withTransaction(db, async (tx) => {
    const existing = await findUserByEmail(tx, { email: DEMO_OWNER_EMAIL });
    const now = p.clock.now().toISOString();
    if (existing) {
      if (!(await findMembership(tx, { orgId: p.orgId, userId: existing.id }))) {
        await insertMembership(tx, { org_id: p.orgId, user_id: existing.id, role: 'owner', created_at: now });
      }
      return { created: false, email: DEMO_OWNER_EMAIL };
    }
    const password = p.password || DEMO_OWNER_PASSWORD;
    const id = randomUUID();
    const user = { id, email: DEMO_OWNER_EMAIL, name: 'Demo owner', created_at: now, password_changed_at: now };
    await insertUser(tx, { ...user, password_hash: await hashPassword(password) });
    await insertMembership(tx, { org_id: p.orgId, user_id: id, role: 'owner', created_at: now });
    return { created: true, email: DEMO_OWNER_EMAIL, password };
  });
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** The last answer of `hasDemoPassword`, per stored password hash: the check hashes a password, which is slow on purpose. */
const demoPasswordChecks = new Map<string, boolean>();

/**
 * Whether the demo owner still has the documented demo password: the login page shows it only
 * then. Checked again only when the stored hash changes (a password change), so a public page
 * cannot make the server hash passwords on every visit.
 */
export async function hasDemoPassword(db: Db): Promise<boolean> {
  const demo = await findUserByEmail(db, { email: DEMO_OWNER_EMAIL });
  if (!demo) return false;
  const known = demoPasswordChecks.get(demo.password_hash);
  if (known !== undefined) return known;
  const isDemo = await verifyPassword(DEMO_OWNER_PASSWORD, demo.password_hash);
  if (demoPasswordChecks.size > 100) demoPasswordChecks.clear();
  demoPasswordChecks.set(demo.password_hash, isDemo);
  return isDemo;
}

/**
 * The server may listen beyond loopback only once the demo owner's password has changed
 * (or there is no demo owner): anyone on the network could otherwise log in as owner.
 */
export async function assertSafeToListen(db: Db, host: string): Promise<Result<true>> {
  if (isLoopbackHost(host)) return ok(true as const);
  if (await hasDemoPassword(db)) {
    return fail('DEMO_PASSWORD_UNCHANGED', { host, email: DEMO_OWNER_EMAIL });
  }
  return ok(true as const);
}
