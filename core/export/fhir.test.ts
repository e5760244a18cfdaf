import { describe, expect, it } from 'vitest';
import {
  CLOSENESS_CHECK_VERSIONS,
  CURRENT_CLOSENESS_CHECK,
} from '../assessment/closeness-check.definition';
import { derivedId, FHIR_SYSTEM, toFhirBundle, type FhirExportInput } from './fhir';

const person = '0b7e2f1c-3d4a-4b5c-8d6e-7f8091a2b3c4';
const responseId = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const checkinId = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

function input(overrides: Partial<FhirExportInput> = {}): FhirExportInput {
  const definition = CURRENT_CLOSENESS_CHECK;
  const answers: Record<string, number> = {};
  for (const item of definition.items) answers[item.id] = 4;
  answers[definition.safetyQuestions[0]!.id] = definition.safetyQuestions[0]!.options[0]!.value;
  return {
    personId: person,
    exportedAt: '2027-02-01T10:00:00.000Z',
    definitions: CLOSENESS_CHECK_VERSIONS,
    responses: [
      {
        id: responseId,
        version: definition.version,
        createdAt: '2027-01-10T09:00:00.000Z',
        answers,
        scores: {
          avoidance: 4,
          trust: 3.6,
          sharing: null,
          anxiety: 2,
          childhood: 1,
          'relational-trauma': 5,
          'self-esteem': 3,
          coping: 2.33,
        },
      },
    ],
    checkins: [
      {
        id: checkinId,
        createdAt: '2027-01-11T20:00:00.000Z',
        mood: 6,
        closeness: 4,
        stress: 7,
        note: 'A long day.',
      },
    ],
    ...overrides,
  };
}

describe('toFhirBundle', () => {
  it('is a collection with the person, the Check, the response, its scores and the check-in', () => {
    const bundle = toFhirBundle(input());
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2027-02-01T10:00:00.000Z',
    });
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'Patient',
      'Questionnaire',
      'QuestionnaireResponse',
      'Observation',
      'Observation',
    ]);
  });

  it('gives every entry a urn:uuid full URL that matches its id, all distinct', () => {
    const bundle = toFhirBundle(input());
    const urls = bundle.entry.map((entry) => entry.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const entry of bundle.entry) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
      expect(entry.resource.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('resolves every reference and every canonical inside the bundle', () => {
    const bundle = toFhirBundle(input());
    const urls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    const references: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'reference' && typeof inner === 'string') references.push(inner);
          else walk(inner);
        }
    };
    bundle.entry.forEach((entry) => walk(entry.resource));
    expect(references.length).toBeGreaterThanOrEqual(4);
    for (const reference of references) expect(urls).toContain(reference);

    const questionnaires = bundle.entry
      .map((entry) => entry.resource)
      .filter((resource) => resource.resourceType === 'Questionnaire')
      .map((resource) => `${String(resource.url)}|${String(resource.version)}`);
    for (const entry of bundle.entry)
      if (entry.resource.resourceType === 'QuestionnaireResponse')
        expect(questionnaires).toContain(entry.resource.questionnaire);
  });

  it('answers each question with a coding the Questionnaire offers for it', () => {
    const bundle = toFhirBundle(input());
    const questionnaire = bundle.entry[1]!.resource as unknown as {
      item: { linkId: string; answerOption: { valueCoding: { system: string; code: string } }[] }[];
    };
    const response = bundle.entry[2]!.resource as unknown as {
      item: { linkId: string; answer: { valueCoding: { system: string; code: string } }[] }[];
    };
    expect(response.item).toHaveLength(CURRENT_CLOSENESS_CHECK.items.length + 1);
    for (const answered of response.item) {
      const question = questionnaire.item.find((item) => item.linkId === answered.linkId);
      expect(question).toBeDefined();
      const offered = question!.answerOption.map(
        (option) => `${option.valueCoding.system}#${option.valueCoding.code}`,
      );
      const coding = answered.answer[0]!.valueCoding;
      expect(offered).toContain(`${coding.system}#${coding.code}`);
    }
  });

  it('keeps the scores that exist, derived from their response, and the check-in ratings and note', () => {
    const bundle = toFhirBundle(input());
    const scores = bundle.entry[3]!.resource as unknown as {
      id: string;
      derivedFrom: { reference: string }[];
      component: { code: { coding: { code: string }[] }; valueQuantity: { value: number } }[];
    };
    expect(scores.id).toBe(derivedId(responseId));
    expect(scores.derivedFrom).toEqual([{ reference: `urn:uuid:${responseId}` }]);
    expect(scores.component.map((c) => c.code.coding[0]!.code)).not.toContain('subscale-sharing');
    expect(
      scores.component.find((c) => c.code.coding[0]!.code === 'subscale-coping')?.valueQuantity
        .value,
    ).toBe(2.33);

    const checkin = bundle.entry[4]!.resource as unknown as {
      component: { code: { coding: { system: string; code: string }[] }; valueInteger: number }[];
      note: { text: string }[];
    };
    expect(checkin.component.map((c) => [c.code.coding[0]!.code, c.valueInteger])).toEqual([
      ['mood', 6],
      ['closeness', 4],
      ['stress', 7],
    ]);
    expect(checkin.component[0]!.code.coding[0]!.system).toBe(FHIR_SYSTEM.observation);
    expect(checkin.note).toEqual([{ text: 'A long day.' }]);
  });

  it('is only the person with nothing recorded, and the same input gives the same bundle', () => {
    const empty = toFhirBundle(input({ responses: [], checkins: [] }));
    expect(empty.entry.map((entry) => entry.resource.resourceType)).toEqual(['Patient']);
    expect(toFhirBundle(input())).toEqual(toFhirBundle(input()));
  });

  it('leaves out a response to a version it does not know rather than inventing its questions', () => {
    const base = input();
    const bundle = toFhirBundle({ ...base, responses: [{ ...base.responses[0]!, version: 999 }] });
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'Patient',
      'Observation',
    ]);
  });

  it('derives distinct, valid, repeatable ids', () => {
    expect(derivedId(responseId)).toBe(derivedId(responseId));
    expect(derivedId(responseId)).not.toBe(responseId);
  });
});
