import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CLOSENESS_CHECK } from '../../core/assessment/closeness-check.definition';
import { answersAt, partialAnswers } from '../factories/closeness-check.factory';
import type { SignedUpUser } from '../factories/user.factory';
import { fhirValidator, unresolvedReferences, type FhirValidator } from '../support/fhir-schema';
import { TestClient } from '../support/http-client';
import { selectRows, signUpWithConsent, writeCheckin } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * GET /api/me/export?format=fhir: a FHIR R4 Bundle of the person's Closeness Checks and
 * check-ins, validated against HL7's own R4 JSON schema (whole, and each resource on its own),
 * with every reference and Questionnaire canonical resolving inside the bundle, counts that
 * match what was saved, and nothing of anyone else's.
 */

const CHECK = '/api/assessments/closeness-check';
const definition = CURRENT_CLOSENESS_CHECK;

interface Entry {
  fullUrl: string;
  resource: Record<string, any>;
}

describe.skipIf(!dbAvailable)('FHIR export', () => {
  let testApp: TestApp;
  let schema: FhirValidator;
  let client: TestClient;
  let person: SignedUpUser;
  let other: TestClient;
  const notes = ['Tired, but I rang my sister 📞', null, 'Zürich — 東京 — “quotes” & <tags>', null];
  const otherNote = 'Someone else’s evening, not to be shared';

  beforeAll(async () => {
    schema = fhirValidator();
    testApp = await createTestApp();
    client = new TestClient(testApp.app);
    person = await signUpWithConsent(client);
    for (const [index, note] of notes.entries()) {
      await writeCheckin(client, note, { mood: index * 3, closeness: 10 - index, stress: index });
      testApp.clock.advance(10);
    }
    for (const answers of [answersAt(4), answersAt(2), partialAnswers(5)]) {
      const saved = await client.post(`${CHECK}/responses`, { answers });
      expect(saved.status, saved.text).toBe(201);
      testApp.clock.advance(45);
    }

    other = new TestClient(testApp.app);
    await signUpWithConsent(other);
    await writeCheckin(other, otherNote);
    expect((await other.post(`${CHECK}/responses`, { answers: answersAt(5) })).status).toBe(201);
  });
  afterAll(() => testApp?.close());

  const fhirExport = async (who = client) => {
    const response = await who.get('/api/me/export?format=fhir');
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    expect(String(response.headers['content-type'])).toBe('application/fhir+json; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toMatch(
      /^attachment; filename="closer-fhir-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    return { bundle: JSON.parse(response.text), text: response.text };
  };
  const ofType = (entries: Entry[], type: string) =>
    entries.filter((entry) => entry.resource.resourceType === type);

  it('is a collection Bundle that validates against the FHIR R4 schema, whole and resource by resource', async () => {
    const { bundle } = await fhirExport();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(schema.problems(bundle)).toEqual([]);
    for (const entry of bundle.entry as Entry[]) {
      expect(schema.problems(entry.resource), entry.fullUrl).toEqual([]);
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
    }
    expect(new Set(bundle.entry.map((entry: Entry) => entry.fullUrl)).size).toBe(
      bundle.entry.length,
    );
  });

  it('resolves every reference and every QuestionnaireResponse.questionnaire inside the bundle', async () => {
    const { bundle } = await fhirExport();
    expect(unresolvedReferences(bundle)).toEqual([]);
    const [patient] = ofType(bundle.entry, 'Patient');
    expect(patient?.resource.id).toBe(person.user.id);
    for (const response of ofType(bundle.entry, 'QuestionnaireResponse'))
      expect(response.resource.subject).toEqual({ reference: patient?.fullUrl });
  });

  it('holds as many responses and check-ins as were saved, with the answers, notes and unicode intact', async () => {
    const { bundle } = await fhirExport();
    const entries = bundle.entry as Entry[];
    expect(ofType(entries, 'Patient')).toHaveLength(1);
    expect(ofType(entries, 'Questionnaire')).toHaveLength(1);
    expect(ofType(entries, 'Questionnaire')[0]?.resource.version).toBe(String(definition.version));
    const responses = ofType(entries, 'QuestionnaireResponse');
    expect(responses).toHaveLength(3);
    const stored = await selectRows(
      testApp.database,
      'closeness_check_responses',
      'user_id',
      person.user.id,
    );
    expect(new Set(responses.map((entry) => entry.resource.id))).toEqual(
      new Set(stored.map((row) => row.id)),
    );
    // Answers: all of them for a full Check, the five given for the partial one.
    expect(responses.map((entry) => entry.resource.item.length)).toEqual([
      definition.items.length + definition.safetyQuestions.length,
      definition.items.length + definition.safetyQuestions.length,
      5,
    ]);
    const partial = responses[2]!.resource;
    const given = partialAnswers(5);
    for (const item of partial.item)
      expect(item.answer[0].valueCoding.code).toBe(String(given[item.linkId]));

    const observations = ofType(entries, 'Observation');
    const scores = observations.filter(
      (entry) => entry.resource.code.coding[0].code === 'closeness-check-scores',
    );
    // The partial Check has too few answers for any score.
    expect(scores).toHaveLength(2);
    const checkins = observations.filter(
      (entry) => entry.resource.code.coding[0].code === 'checkin',
    );
    expect(checkins).toHaveLength(notes.length);
    expect(checkins.map((entry) => entry.resource.note?.[0]?.text ?? null)).toEqual(notes);
    expect(checkins.map((entry) => entry.resource.component[0].valueInteger)).toEqual([0, 3, 6, 9]);
    expect(entries).toHaveLength(1 + 1 + 3 + 2 + notes.length);
  });

  it('never holds anyone else’s data', async () => {
    const { text } = await fhirExport();
    expect(text).not.toContain(otherNote);
    const theirs = await fhirExport(other);
    expect(theirs.text).not.toContain(notes[0]!);
    expect(ofType(theirs.bundle.entry, 'QuestionnaireResponse')).toHaveLength(1);
    expect(ofType(theirs.bundle.entry, 'Patient')[0]?.resource.id).not.toBe(person.user.id);
    expect(schema.problems(theirs.bundle)).toEqual([]);
  });

  it('is audited like the other formats, and needs a session', async () => {
    await fhirExport();
    const audit = await selectRows(testApp.database, 'audit_events', 'user_id', person.user.id);
    expect(
      audit.some(
        (row) => row.event === 'export' && JSON.parse(String(row.details)).format === 'fhir',
      ),
    ).toBe(true);
    const anonymous = new TestClient(testApp.app);
    expect((await anonymous.get('/api/me/export?format=fhir')).status).toBe(401);
    expect((await client.get('/api/me/export?format=hl7')).status).toBe(400);
  });

  it('an account with nothing saved exports only the person, still valid', async () => {
    const empty = new TestClient(testApp.app);
    await signUpWithConsent(empty);
    const { bundle } = await fhirExport(empty);
    expect(bundle.entry.map((entry: Entry) => entry.resource.resourceType)).toEqual(['Patient']);
    expect(schema.problems(bundle)).toEqual([]);
  });
});
