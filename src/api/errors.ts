import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Result } from '../core/shared/index.js';
import { pickLocale, translate } from '../i18n/index.js';
import { httpStatusFor } from './http-status.js';

type Details = Record<string, unknown>;

/** Sends `{ error: { code, message, field?, details } }`, the message in the caller's language. */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  details: Details = {},
  status?: number,
) {
  const locale = pickLocale(req.headers['accept-language']);
  const field = typeof details.field === 'string' ? details.field : undefined;
  const message = translate(code, details, locale);
  return reply
    .code(status ?? httpStatusFor(code))
    .send({ error: { code, message, ...(field ? { field } : {}), details } });
}

/** Sends a Result: its value with `status`, or its error through the status table. */
export function sendResult(req: FastifyRequest, reply: FastifyReply, result: Result<unknown>, status = 200) {
  if (!result.ok) return sendError(req, reply, result.error.code, { ...result.error.details });
  return reply.code(status).send(result.value);
}

/** Zod's first issue as a code and the field it concerns ('allocations.0.amountMinor'). */
function validationError(error: {
  validation: { instancePath: string; keyword: string; message?: string; params: Details }[];
}) {
  const issue = error.validation[0];
  const path = (issue?.instancePath ?? '/').split('/').filter(Boolean).join('.');
  if (issue?.keyword === 'unrecognized_keys') {
    const keys = Array.isArray(issue.params.keys) ? issue.params.keys.map(String) : [];
    const field = [path, keys[0]].filter(Boolean).join('.');
    return { code: 'UNKNOWN_FIELD', details: { field, fields: keys.join(', ') } };
  }
  return { code: 'VALIDATION_FAILED', details: { field: path || '(body)', expected: issue?.message ?? '' } };
}

const BY_FASTIFY_CODE: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Every failure leaves as the JSON error shape: bad input is a 4xx naming the problem, never a
 * 500; only unexpected errors are 500, logged with the request id and answered without detail.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { code, details } = validationError(error);
      return sendError(req, reply, code, { ...details, location: error.validationContext ?? 'body' });
    }
    const mapped = Object.hasOwn(BY_FASTIFY_CODE, error.code) ? BY_FASTIFY_CODE[error.code] : undefined;
    if (mapped) return sendError(req, reply, mapped, mapped === 'PAYLOAD_TOO_LARGE' ? { limit: '10 MB' } : {});
    const status = error.statusCode ?? 500;
    if (status === 429) return sendError(req, reply, 'RATE_LIMITED', {}, 429);
    if (status >= 400 && status < 500)
      return sendError(req, reply, 'HTTP_ERROR', { status, reason: error.message }, status);
    req.log.error({ err: error }, 'request failed');
    return sendError(req, reply, 'INTERNAL_ERROR', {}, 500);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'ROUTE_NOT_FOUND', { method: req.method }));
}
