import { Type } from 'typebox';
import type { App } from '../../app';
import { clearSessionCookie } from '../../http/session-cookie';
import { requestRegion } from '../../http/region';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import { CSV_KINDS } from '../../services/export.service';
import { SafetyBody } from '../safety-schema';
import { errorResponses } from '../schemas';

/** A real export with years of writing is a few megabytes; this leaves room to spare. */
export const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

const Count = Type.Integer({ minimum: 0 });

/**
 * "Take it all, or leave": export, deletion and the access log. None of these needs health
 * consent: a person who has withdrawn it must still be able to take their data or go.
 */
export function dataRoutes(app: App): void {
  const { exports, accounts, accessLog, audit } = app.services;

  app.get(
    '/api/me/export',
    {
      schema: {
        summary:
          'Everything Closer holds about me: JSON (default), one CSV per kind, or my Closeness Checks and check-ins as a FHIR R4 Bundle (format=fhir, application/fhir+json)',
        tags: ['me'],
        querystring: Type.Object(
          {
            format: Type.Optional(
              Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('fhir')]),
            ),
            kind: Type.Optional(Type.Union(CSV_KINDS.map((kind) => Type.Literal(kind)))),
          },
          { additionalProperties: false },
        ),
        response: { ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const format = request.query.format ?? 'json';
      const day = app.services.clock.now().toISOString().slice(0, 10);
      // A HEAD request (a browser or proxy checking the download) sends nothing away: no
      // export happens, so none is recorded.
      if (request.method !== 'HEAD') {
        await audit.record('export', actor.userId, { format, kind: request.query.kind ?? 'all' });
      }
      if (format === 'csv') {
        const kind = request.query.kind ?? 'checkins';
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="closer-${kind}-${day}.csv"`)
          .send(await exports.exportCsv(actor, kind));
      }
      if (format === 'fhir') {
        return reply
          .type('application/fhir+json; charset=utf-8')
          .header('content-disposition', `attachment; filename="closer-fhir-${day}.json"`)
          .send(JSON.stringify(await exports.exportFhir(actor), null, 2));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="closer-export-${day}.json"`)
        .send(JSON.stringify(await exports.exportAll(actor), null, 2));
    },
  );

  app.post(
    '/api/me/import',
    {
      // Writing health records into the account needs consent, like any other save.
      preHandler: healthDataGuard(app.services.consent),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        summary:
          'Bring my own Closer JSON export (from this or another Closer server) into this account, while it has no records yet',
        description:
          'The body is the file from GET /api/me/export, as it was downloaded. The whole file is checked before anything is written: a file that is not a Closer export is 400 import_foreign; a damaged one is 400 import_invalid, naming the first problem by its path (for example tables.checkins[3].mood); an account that already has records is 409 import_target_not_empty; more than 25 MB is 413. Everything is then written in one transaction with new ids, encrypted with this account’s key. The account itself, sessions, consents, grants, the access log, audit events and the research queue are not imported (docs/decisions/0013). The answer carries the risk check of the imported writing, which never blocks the import.',
        tags: ['me'],
        body: Type.Unknown({
          description: 'A Closer JSON export (format closer-export, version 1)',
        }),
        response: {
          201: Type.Object({
            imported: Type.Object({
              checkins: Count,
              journal: Count,
              safetyPlan: Count,
              closenessChecks: Count,
              closenessCheckDraft: Count,
              exerciseEntries: Count,
              planWeeks: Count,
              planPreferences: Count,
            }),
            leftOut: Type.Record(Type.String(), Count),
            safety: SafetyBody,
          }),
          ...errorResponses(400, 401, 403, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const summary = await app.services.imports.importExport(
        actor,
        request.body,
        requestRegion(request),
      );
      await audit.record('import', actor.userId, { ...summary.imported });
      return reply.status(201).send(summary);
    },
  );

  app.delete(
    '/api/me',
    {
      schema: {
        summary: 'Delete my account and everything in it, at once; needs my password again',
        tags: ['me'],
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      await accounts.deleteAccount(actor, request.body.password);
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/access-log',
    {
      schema: {
        summary: 'Every time someone else read my records, and whether the log is intact',
        tags: ['me'],
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                sequence: Type.Integer(),
                at: Type.String(),
                actorId: Type.String(),
                recordType: Type.String(),
                recordId: Type.String(),
                action: Type.String(),
                reason: Type.String(),
              }),
            ),
            intact: Type.Boolean(),
            problem: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      const [entries, check] = await Promise.all([
        accessLog.list(actor.userId),
        accessLog.verify(actor.userId),
      ]);
      return { entries, intact: check.intact, problem: check.problem };
    },
  );
}
