import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRegionCode, resolveRegion, type RegionCode } from '../../../core/safety/help-lines';

/** A plain preference cookie; it carries nothing personal. */
export const REGION_COOKIE = 'closer_region';

/** The person's region for help lines: their choice (cookie), else their browser's languages, else the UK. */
export function requestRegion(request: FastifyRequest, chosen?: string): RegionCode {
  const languages = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter(Boolean);
  return resolveRegion(chosen ?? request.cookies[REGION_COOKIE], languages);
}

/** Remembers a region the person picked, for a year. */
export function rememberRegion(
  request: FastifyRequest,
  reply: FastifyReply,
  region: string,
): string | undefined {
  const code = region.toUpperCase();
  if (!isRegionCode(code)) return undefined;
  reply.setCookie(REGION_COOKIE, code, {
    path: '/',
    sameSite: 'lax',
    maxAge: 31_536_000,
    secure: request.protocol === 'https',
  });
  return code;
}
