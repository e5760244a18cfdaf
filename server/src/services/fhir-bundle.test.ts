import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSENESS_CHECK_VERSIONS,
  CURRENT_CLOSENESS_CHECK,
} from '../../../core/assessment/closeness-check.definition';
import { toFhirBundle, type FhirExportInput } from '../../../core/export/fhir';
import {
  fhirValidator,
  unresolvedReferences,
  type FhirValidator,
} from '../../../tests/support/fhir-schema';

/**
 * Core's bundle against HL7's FHIR R4 JSON schema. Core stays pure, so the schema (a
 * development dependency read from disk) is used here, not in core's own tests.
 */

const definition = CURRENT_CLOSENESS_CHECK;
const fullAnswers = Object.fromEntries([
  ...definition.items.map((item) => [item.id, 4] as const),
  ...definition.safetyQuestions.map((question) => [question.id, question.options[0]!.value]),
]);

function input(): FhirExportInput {
  return {
    personId: '0b7e2f1c-3d4a-4b5c-8d6e-7f8091a2b3c4',
    exportedAt: '2027-02-01T10:00:00.000Z',
    definitions: CLOSENESS_CHECK_VERSIONS,
    responses: [
      {
        id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        version: definition.version,
        createdAt: '2027-01-10T09:00:00.000Z',
        answers: fullAnswers,
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
      {
        // A Check stopped part way: two answers and no scores.
        id: '2c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        version: definition.version,
        createdAt: '2027-01-12T09:00:00.000Z',
        answers: { [definition.items[0]!.id]: 2, [definition.items[1]!.id]: 5 },
        scores: {
          avoidance: null,
          trust: null,
          sharing: null,
          anxiety: null,
          childhood: null,
          'relational-trauma': null,
          'self-esteem': null,
          coping: null,
        },
      },
    ],
    checkins: [
      {
        id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
        createdAt: '2027-01-11T20:00:00.000Z',
        mood: 6,
        closeness: 4,
        stress: 7,
        note: 'Ein langer Tag — 長い一日 🌧️',
      },
      {
        id: '8a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
        createdAt: '2027-01-12T20:00:00.000Z',
        mood: 0,
        closeness: 10,
        stress: 0,
        note: null,
      },
    ],
  };
}

describe('the FHIR bundle against the R4 schema', () => {
  let schema: FhirValidator;
  beforeAll(() => {
    schema = fhirValidator();
  });

  it('validates as a whole, and every resource on its own', () => {
    const bundle = toFhirBundle(input());
    expect(schema.problems(bundle)).toEqual([]);
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'Patient',
      'Questionnaire',
      'QuestionnaireResponse',
      'Observation',
      'QuestionnaireResponse',
      'Observation',
      'Observation',
    ]);
    for (const entry of bundle.entry) expect(schema.problems(entry.resource)).toEqual([]);
    expect(unresolvedReferences(bundle)).toEqual([]);
  });

  it('validates notes with any whitespace a person can type (non-breaking space, vertical tab, line separator, byte-order mark)', () => {
    const base = input();
    const notes = [
      'Ça\u00a0va mieux',
      'one\u000btwo',
      'line\u2028break',
      '\ufeffstarts oddly',
      '\u00a0',
    ];
    const bundle = toFhirBundle({
      ...base,
      checkins: notes.map((note, index) => ({
        ...base.checkins[0]!,
        id: `0b7e2f1c-3d4a-4b5c-8d6e-7f8091a2b3c${index}`,
        note,
      })),
    });
    expect(schema.problems(bundle)).toEqual([]);
    const texts = bundle.entry.flatMap((entry) =>
      ((entry.resource.note as { text: string }[] | undefined) ?? []).map((note) => note.text),
    );
    expect(texts).toEqual(['Ça va mieux', 'one two', 'line break', ' starts oddly', ' ']);
  });

  it('without the clean-up, the schema itself refuses such a note (so the test above can fail)', () => {
    const base = input();
    const bundle = toFhirBundle({ ...base, checkins: [{ ...base.checkins[0]!, note: 'plain' }] });
    const observation = bundle.entry.find((entry) => entry.resource.note)!.resource;
    (observation.note as { text: string }[])[0]!.text = 'Ça\u00a0va';
    expect(schema.problems(bundle).join('\n')).toMatch(/note\/0\/text must match pattern/);
  });

  it('validates an empty export too (only the person)', () => {
    const bundle = toFhirBundle({ ...input(), responses: [], checkins: [] });
    expect(schema.problems(bundle)).toEqual([]);
  });

  it('rejects a deliberately broken resource, so the checks above can fail', () => {
    const bundle = toFhirBundle(input());
    const observation = structuredClone(bundle.entry[6]!.resource) as Record<string, unknown>;
    observation.status = 'sort-of-final';
    observation.effectiveDateTime = 'yesterday';
    expect(schema.problems(observation).join('\n')).toMatch(/status|effectiveDateTime/);
    expect(schema.problems({ resourceType: 'Observation', id: 'x', status: 'final' })).not.toEqual(
      [],
    );
    const broken = structuredClone(bundle);
    (broken.entry[1]!.resource as Record<string, unknown>).status = 7;
    expect(schema.problems(broken)).not.toEqual([]);
    expect(schema.problems({ ...bundle, type: 'pile' })).not.toEqual([]);
  });

  it('finds a reference that does not resolve', () => {
    const bundle = toFhirBundle(input());
    const response = bundle.entry[2]!.resource as Record<string, unknown>;
    response.questionnaire = 'urn:closer:questionnaire:closeness-check|99';
    bundle.entry.splice(0, 1);
    expect(unresolvedReferences(bundle).length).toBeGreaterThan(2);
  });
});
