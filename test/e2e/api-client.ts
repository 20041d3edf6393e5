/**
 * The HTTP API as a person's browser would use it, for setting up browser tests: log in (session
 * cookie and CSRF token), invite a member and accept the invitation.
 */
async function call(url: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return { res, body: JSON.parse(text) as Record<string, unknown> };
}

/** The owner invites `member` with `role` (POST /api/v1/invitations) and the member accepts with a password. */
export async function inviteThroughApi(
  base: string,
  owner: { email: string; password: string },
  member: { email: string; password: string; name: string; role: 'viewer' | 'credit_controller' | 'finance' },
): Promise<void> {
  const login = await call(`${base}/api/v1/auth/login`, 'POST', owner);
  const cookie = login.res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = String(login.body.csrfToken);
  const invited = await call(
    `${base}/api/v1/invitations`,
    'POST',
    { email: member.email, role: member.role },
    { cookie, 'x-csrf-token': csrf },
  );
  const token = String(invited.body.token);
  await call(`${base}/api/v1/invitations/accept`, 'POST', { token, name: member.name, password: member.password });
  await call(`${base}/api/v1/auth/logout`, 'POST', {}, { cookie, 'x-csrf-token': csrf });
}

/** Someone else (the owner, in a session of their own) changes the organisation's settings through the API. */
export async function changeSettingsThroughApi(
  base: string,
  owner: { email: string; password: string },
  settings: Record<string, unknown>,
): Promise<void> {
  const login = await call(`${base}/api/v1/auth/login`, 'POST', owner);
  const cookie = login.res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = String(login.body.csrfToken);
  const org = await fetch(`${base}/api/v1/organisation`, { headers: { cookie } });
  const current = (await org.json()) as { version: string; settings: Record<string, unknown> };
  await call(
    `${base}/api/v1/organisation`,
    'PATCH',
    { version: current.version, settings: { ...current.settings, ...settings } },
    { cookie, 'x-csrf-token': csrf },
  );
  await call(`${base}/api/v1/auth/logout`, 'POST', {}, { cookie, 'x-csrf-token': csrf });
}
