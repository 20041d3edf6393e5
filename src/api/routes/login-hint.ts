import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD, hasDemoPassword } from '../../app/accounts/index.js';
import type { ApiDeps } from '../route.js';

export const loginHintResponse = z
  .object({
    demo: z
      .object({ email: z.string(), password: z.string() })
      .nullable()
      .describe('the demo login, only while the demo owner keeps the documented password'),
  })
  .meta({ id: 'LoginHint' });

/** What the login page may say before anyone logs in: the demo login while its password is unchanged. */
export function registerLoginHintRoute(app: FastifyInstance, { db }: ApiDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/auth/login-hint', {
    config: { permission: 'public' },
    schema: {
      summary: 'The demo login while its password is unchanged (shown on the login page), else null',
      tags: ['auth'],
      querystring: z.strictObject({}),
      response: { 200: loginHintResponse },
    },
    handler: async () => ({
      demo: (await hasDemoPassword(db)) ? { email: DEMO_OWNER_EMAIL, password: DEMO_OWNER_PASSWORD } : null,
    }),
  });
}
