import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Where the interactive documentation and the raw OpenAPI document are served. */
export const DOCS_PREFIX = '/api/docs';
export const OPENAPI_URL = '/api/openapi.json';

/**
 * OpenAPI 3 from the zod schemas of every route (@fastify/swagger); Swagger UI at /api/docs,
 * the JSON at /api/openapi.json. Registered on the root instance before the routes, so that
 * swagger's onRoute hook sees every route.
 */
export function registerDocs(app: FastifyInstance): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CashGuard API',
        version: '1.0.0',
        description:
          'Cash-flow and credit-risk API. Authenticate with the session cookie from POST /api/v1/auth/login ' +
          '(writes need the x-csrf-token header) or with `Authorization: Bearer <token>`. See docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cg_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [`${DOCS_PREFIX}/*`, OPENAPI_URL] }),
    // The schemas named with `.meta({ id })` (Error, Forecast, ...) go to components.schemas, where
    // the routes' $refs point: without it the document's references would lead nowhere.
    transformObject: createJsonSchemaTransformObject({}),
  });
  app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  app.get(OPENAPI_URL, { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
}
