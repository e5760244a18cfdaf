import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors/domain-error';

export { DomainError };

/** HTTP status for each stable error code. Codes not listed are treated as bad input. */
const STATUS_BY_CODE: Record<string, number> = {
  invalid_request: 400,
  invalid_json: 400,
  password_too_short: 400,
  password_too_long: 400,
  password_common: 400,
  username_invalid: 400,
  email_invalid: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  consent_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  account_exists: 409,
  consent_version_outdated: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  service_unavailable: 503,
};

export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}

/** Fastify's own client errors, given our stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_VALIDATION: 'invalid_request',
};

/**
 * One error model for the whole API: every error leaves as `{error: {code, message}}`.
 * Expected errors keep their message; anything unexpected is logged with the request id and
 * answered with a generic 500 that reveals nothing about the server.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const status = statusForCode(error.code);
      if (status === 429 && typeof error.details?.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      return reply.status(status).send({
        error: { code: error.code, message: error.message, ...publicDetails(error) },
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const where = fastifyError.validationContext ?? 'request';
      return reply.status(400).send({
        error: { code: 'invalid_request', message: `The ${where} is not valid: ${fastifyError.message}` },
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[fastifyError.code] ?? statusCodeName(status);
      return reply.status(status).send({ error: { code, message: fastifyError.message } });
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message: `Something went wrong on our side. Nothing you saved was lost. Reference: ${request.id}`,
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` },
    });
  });
}

function publicDetails(error: DomainError): Record<string, unknown> {
  return error.details ? { details: error.details } : {};
}

function statusCodeName(status: number): string {
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'invalid_request';
}
