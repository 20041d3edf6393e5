import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { insertLoginAttempt, listFailedAttemptTimes } from '../../db/stores/accounts.js';
import type { SecuritySettings } from './context.js';

/**
 * When a lock that is still running began: the latest failure that was the `max`-th within
 * `windowMs` of failures (the lock starts there and lasts `windowMs`), or null. Attempts refused
 * while locked are not recorded, so a lock ends `windowMs` after the failure that set it.
 *
 * @example
 * lockStart(['…00:00', '…00:01', '…00:02', '…00:03', '…00:04'], 5, 900_000) // '…00:04'
 */
export function lockStart(failures: readonly string[], max: number, windowMs: number): string | null {
  let start: string | null = null;
  for (let i = max - 1; i < failures.length; i++) {
    const first = Date.parse(failures[i - max + 1] as string);
    const at = failures[i] as string;
    // A failure inside a lock set before was not counted (it was refused unchecked): skip it.
    if (start !== null && Date.parse(at) - Date.parse(start) < windowMs) continue;
    if (Date.parse(at) - first < windowMs) start = at;
  }
  return start;
}

function lockedUntil(failures: readonly string[], max: number, windowMs: number): number | null {
  const start = lockStart(failures, max, windowMs);
  return start === null ? null : Date.parse(start) + windowMs;
}

/**
 * Whether a password may be checked now for this account from this address: one budget of failed
 * checks per account and one per address, whichever entrance checks the password (login or
 * accepting an invitation). A locked account is refused even with the right password, for
 * `lockoutMinutes` from the failure that locked it.
 */
export async function checkLockout(
  db: Db,
  p: { email: string; ip: string; now: Date },
  settings: SecuritySettings,
): Promise<Result<true>> {
  const windowMs = settings.lockoutMinutes * 60_000;
  const since = new Date(p.now.getTime() - 2 * windowMs).toISOString();
  const now = p.now.getTime();
  const byIp = await listFailedAttemptTimes(db, { by: 'ip', value: p.ip, since });
  const ipUntil = lockedUntil(byIp, settings.maxFailuresPerIp, windowMs);
  if (ipUntil !== null && ipUntil > now) return fail('TOO_MANY_ATTEMPTS', { minutes: minutesLeft(ipUntil, now) });
  const byEmail = await listFailedAttemptTimes(db, { by: 'email', value: p.email, since });
  const until = lockedUntil(byEmail, settings.maxFailuresPerAccount, windowMs);
  if (until !== null && until > now) return fail('ACCOUNT_LOCKED', { minutes: minutesLeft(until, now) });
  return ok(true);
}

function minutesLeft(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000));
}

/** Records a password check's outcome for the lock-out (a failure counts against account and address). */
export async function recordPasswordCheck(
  db: Db,
  p: { email: string; ip: string; now: Date; succeeded: boolean },
): Promise<void> {
  const row = { id: randomUUID(), email: p.email, ip: p.ip, at: p.now.toISOString() };
  await insertLoginAttempt(db, { ...row, succeeded: p.succeeded ? 1 : 0 });
}

/** Whether the failure just recorded locked the account (the invitation it came through then closes). */
export async function isLockedNow(
  db: Db,
  p: { email: string; ip: string; now: Date },
  settings: SecuritySettings,
): Promise<boolean> {
  return !(await checkLockout(db, p, settings)).ok;
}
