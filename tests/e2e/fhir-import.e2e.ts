import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fhirValidator, unresolvedReferences } from '../support/fhir-schema';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  newContext,
  useServerAndBrowser,
} from './support/browser';
import { pageApi, signUpAndConsent } from './support/journeys';

/**
 * My data, for moving on: the FHIR download is a Bundle that validates against HL7's R4
 * schema, and a JSON export imported into a fresh account shows what was brought in.
 */

const NOTE = 'Rang my sister — felt lighter 🌤️';

describe.skipIf(!chromiumPath)('FHIR download and import of an export', () => {
  const env = useServerAndBrowser();

  it('downloads the FHIR export, and imports a JSON export into a fresh account', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'closer-import-e2e-'));
    try {
      const first = await newContext(env.browser, { acceptDownloads: true });
      const page = await first.context.newPage();
      await signUpAndConsent(page, env.server.origin, 'river-heron', 'a long and quiet walk 42');
      await pageApi(page, '/api/checkins', 'POST', {
        mood: 6,
        closeness: 7,
        stress: 3,
        note: NOTE,
      });
      await pageApi(page, '/api/journal', 'POST', { text: 'A calm day.', tags: ['calm'] });
      await page.goto(`${env.server.origin}/my-data`, { waitUntil: 'networkidle' });

      // Downloads the FHIR export.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download for health software (FHIR)' }).click(),
      ]);
      const fhirFile = path.join(folder, 'fhir.json');
      await download.saveAs(fhirFile);
      const bundle = JSON.parse(fs.readFileSync(fhirFile, 'utf8'));
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      expect(fhirValidator().problems(bundle)).toEqual([]);
      expect(unresolvedReferences(bundle)).toEqual([]);
      expect(JSON.stringify(bundle)).toContain(NOTE);

      // The JSON export, as the person would download it.
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download everything in one file (JSON)' }).click(),
      ]);
      const exportFile = path.join(folder, 'closer-export.json');
      await json.saveAs(exportFile);
      await first.context.close();

      // A fresh account (as on another server) imports it.
      const second = await newContext(env.browser);
      const fresh = await second.context.newPage();
      await signUpAndConsent(fresh, env.server.origin, 'new-start', 'another long walk 42 today');
      await fresh.goto(`${env.server.origin}/my-data`, { waitUntil: 'networkidle' });
      await fresh.getByLabel('Your Closer export (a .json file)').setInputFiles(exportFile);
      await fresh.getByRole('button', { name: 'Import this file' }).click();
      await expect.poll(() => fresh.getByText('Your data is here. We brought in:').count()).toBe(1);
      expect(await fresh.getByText('Check-ins: 1').count()).toBe(1);
      expect(await fresh.getByText('Journal entries: 1').count()).toBe(1);
      const violations = await axeViolations(fresh);
      expect(violations, describeViolations(violations)).toEqual([]);
      const checkins = await pageApi<{ checkins: { note: string }[] }>(fresh, '/api/checkins');
      expect(JSON.stringify(checkins)).toContain(NOTE);

      // A second import is refused plainly, and changes nothing.
      await fresh.getByRole('button', { name: 'Import this file' }).click();
      await expect.poll(() => fresh.getByText('Nothing was imported.').count()).toBe(1);
      expect(second.consoleErrors).toEqual([]);
      await second.context.close();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
