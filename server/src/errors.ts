import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors/domain-error';
import { t } from '../../core/i18n/translate';
import { applySecurityHeaders } from './http/security-headers';

export { DomainError };

/** HTTP status for each stable error code. Codes not listed are treated as bad input. */
const STATUS_BY_CODE: Record<string, number> = {
  invalid_request: 400,
  invalid_json: 400,
  invalid_answer: 400,
  invalid_exercise_values: 400,
  invalid_week: 400,
  invalid_plan_input: 400,
  password_too_short: 400,
  password_too_long: 400,
  password_common: 400,
  username_invalid: 400,
  email_invalid: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  password_incorrect: 403,
  consent_required: 403,
  not_found: 404,
  exercise_not_found: 404,
  plan_step_not_found: 404,
  method_not_allowed: 405,
  account_exists: 409,
  checkin_locked: 409,
  consent_version_outdated: 409,
  research_notice_outdated: 409,
  plan_step_not_swappable: 409,
  plan_step_not_skippable: 409,
  plan_no_swap_available: 409,
  entry_unreadable: 409,
  entry_changed_elsewhere: 409,
  import_target_not_empty: 409,
  exercise_version_unknown: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  service_unavailable: 503,
  // Stored data failed its integrity check: not the person's fault, and never shown as
  // garbage. Logged as an incident (see the error handler).
  ciphertext_invalid: 500,
  person_key_invalid: 500,
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
 * answered with a generic 500 that reveals nothing about the server, or with a 503 when the
 * database is not answering.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  databaseAnswers: () => Promise<boolean>,
): void {
  app.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const status = statusForCode(error.code);
      if (status >= 500)
        request.log.error({ err: error, reqId: request.id }, `integrity: ${error.code}`);
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
        error: {
          code: 'invalid_request',
          message: `The ${where} is not valid: ${fastifyError.message}`,
        },
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[fastifyError.code] ?? statusCodeName(status);
      return reply.status(status).send({ error: { code, message: fastifyError.message } });
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    if (!(await databaseAnswers())) {
      // An outage, not a bug: say so plainly, and say that saved work is safe.
      return reply
        .status(503)
        .send({ error: { code: 'service_unavailable', message: t('api.service_unavailable') } });
    }
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message: `Something went wrong on our side. Nothing you saved was lost. Reference: ${request.id}`,
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
      },
    });
  });
}

/**
 * Errors Fastify raises before any route or hook runs (a malformed %-escape in the URL, an
 * over-long path parameter). Passed as Fastify's `frameworkErrors` option: without it they
 * leave in Fastify's own body shape and without the security headers.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  applySecurityHeaders(request, reply);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    reply.status(status).send({
      error: {
        code: FASTIFY_CODES[error.code] ?? statusCodeName(status),
        message: 'The address of this request is not valid.',
      },
    });
    return;
  }
  request.log.error({ err: error, reqId: request.id }, 'unexpected error before routing');
  reply.status(500).send({
    error: {
      code: 'internal_error',
      message: `Something went wrong on our side. Reference: ${request.id}`,
    },
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
