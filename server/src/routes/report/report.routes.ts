import { DEFAULT_TIME_ZONE } from '../../../../core/checkins/local-date';
import type { App } from '../../app';
import { requireKnownTimeZone } from '../../http/time-zone';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import { getReportSchema, reportPrintedSchema } from './schema';

export function reportRoutes(app: App): void {
  const { report, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  // The days follow the person's calendar: the app sends its time zone.
  app.get('/api/report', { ...guard, schema: getReportSchema }, async (request) => {
    requireKnownTimeZone(request.query.timeZone);
    return report.view(requireSignedIn(request), {
      timeZone: request.query.timeZone ?? DEFAULT_TIME_ZONE,
      ...(request.query.from === undefined ? {} : { from: request.query.from }),
    });
  });

  // Only when the person says so: printing is never assumed from opening the page.
  app.post('/api/report/printed', { ...guard, schema: reportPrintedSchema }, async (request) =>
    report.recordPrinted(requireSignedIn(request)),
  );
}
