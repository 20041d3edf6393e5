import type { FastifyInstance } from 'fastify';
import {
  DEMO_OWNER_EMAIL,
  DEMO_OWNER_PASSWORD,
  ensureDemoOwner,
  hashPassword,
  ROLES,
  type Role,
} from '../app/accounts/index.js';
import { fixedClock } from '../app/clock.js';
import { createDemoCompany } from '../app/demo/index.js';
import type { Db } from '../db/connection.js';
import { insertMembership, insertUser } from '../db/stores/accounts.js';
import { createOrganisation } from '../db/stores/organisations.js';
import { buildServer, type ServerOptions } from './server.js';

/** Test helpers: a real server on a random loopback port, organisations with one user per role. */
export const PASSWORD = 'correct horse battery';
export const clock = fixedClock('2026-03-31T04:00:00Z');

export interface Running {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

export async function startApi(db: Db, options: Partial<ServerOptions> = {}): Promise<Running> {
  const app = buildServer({ db, clock, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** Creates an organisation and one member per role: `<role>@<orgId>.test`. */
export async function seedOrganisation(db: Db, orgId: string, name: string): Promise<Record<Role, string>> {
  await createOrganisation(db, { id: orgId, name, baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
  const hash = await hashPassword(PASSWORD);
  const ids = {} as Record<Role, string>;
  for (const role of ROLES) {
    const userId = `${orgId}-${role}`;
    const at = '2026-01-01T00:00:00Z';
    await insertUser(db, {
      id: userId,
      email: `${role}@${orgId}.test`,
      name: `${name} ${role}`,
      password_hash: hash,
      created_at: at,
      password_changed_at: at,
    });
    await insertMembership(db, { org_id: orgId, user_id: userId, role, created_at: at });
    ids[role] = userId;
  }
  return ids;
}

export interface Client {
  readonly csrf: string;
  /** The Cookie header value (empty for token clients). */
  readonly cookie: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly headers: Headers;
}

export async function request(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text; // not JSON (Swagger UI HTML): keep the text
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Logs in and returns a client that sends the session cookie and the CSRF header. */
export async function login(base: string, email: string, password = PASSWORD, orgId?: string): Promise<Client> {
  const res = await request(`${base}/api/v1/auth/login`, 'POST', { email, password, ...(orgId ? { orgId } : {}) });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = (res.body as { csrfToken: string }).csrfToken;
  return {
    csrf,
    cookie: cookies,
    call: (method, path, body, headers = {}) =>
      request(`${base}${path}`, method, body, { cookie: cookies, 'x-csrf-token': csrf, ...headers }),
  };
}

/** A client authenticating with a bearer token. */
export function tokenClient(base: string, token: string): Client {
  return {
    csrf: '',
    cookie: '',
    call: (method, path, body, headers = {}) =>
      request(`${base}${path}`, method, body, { authorization: `Bearer ${token}`, ...headers }),
  };
}

export const errorCode = (a: Answer): string | undefined => (a.body as { error?: { code?: string } }).error?.code;

/** A small demo company (20 customers, 600 invoices, as of 2026-03-31) with its owner logged in. */
export async function startDemoApi(db: Db, seed: number): Promise<{ api: Running; owner: Client }> {
  await createDemoCompany(db, { asOf: '2026-03-31', customers: 20, invoices: 600, seed });
  await ensureDemoOwner(db, { orgId: 'demo', clock });
  const api = await startApi(db);
  return { api, owner: await login(api.url, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD) };
}
