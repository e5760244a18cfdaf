/**
 * A person's data as a FHIR R4 `Bundle` of type `collection`, so that other health software
 * can read it: the Closeness Check as a `Questionnaire` (one per version answered), each
 * response as a `QuestionnaireResponse`, its scores as an `Observation` derived from it, and
 * each check-in as an `Observation` with mood, closeness and stress as components.
 *
 * Choices a reviewer might question:
 * - Every resource has a `urn:uuid:` full URL and references use it, so the bundle reads on
 *   its own without a server. The person appears as a `Patient` with no name or contact: Closer
 *   accounts can be pseudonymous, and the export should not add identity the person never gave.
 * - No standard code exists for these ratings or this instrument, so codes come from Closer's
 *   own URN systems with a display text; nothing pretends to be LOINC or SNOMED.
 * - Scores are `valueQuantity` components (R4 components have no decimal type); the 1–5 scale
 *   is said in the unit.
 * Pure: the same input gives the same bundle, whatever the clock.
 */
import {
  CLOSENESS_CHECK_ID,
  SCORED_SUBSCALE_IDS,
  type ClosenessCheckDefinition,
  type ScoredSubscaleId,
} from '../assessment/closeness-check.definition';

export const FHIR_SYSTEM = {
  questionnaire: `urn:closer:questionnaire:${CLOSENESS_CHECK_ID}`,
  agreement: `urn:closer:${CLOSENESS_CHECK_ID}:agreement`,
  safetyAnswer: `urn:closer:${CLOSENESS_CHECK_ID}:safety-answer`,
  observation: 'urn:closer:observation',
} as const;

/** A check-in as the export needs it. */
export interface FhirCheckinInput {
  id: string;
  createdAt: string;
  mood: number;
  closeness: number;
  stress: number;
  note: string | null;
}

/** A Closeness Check response as the export needs it. */
export interface FhirResponseInput {
  id: string;
  version: number;
  createdAt: string;
  answers: Readonly<Record<string, number>>;
  /** The 1–5 scores per subscale; null where too few items were answered. */
  scores: Readonly<Record<ScoredSubscaleId, number | null>>;
}

export interface FhirExportInput {
  /** The person's id (a UUID). */
  personId: string;
  exportedAt: string;
  /** Every version of the Check, by number; only the versions answered are exported. */
  definitions: Readonly<Record<number, ClosenessCheckDefinition>>;
  responses: readonly FhirResponseInput[];
  checkins: readonly FhirCheckinInput[];
}

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

const CHECKIN_MEASURES = ['mood', 'closeness', 'stress'] as const;
const CHECKIN_DISPLAY: Record<(typeof CHECKIN_MEASURES)[number], string> = {
  mood: 'Mood (0–10)',
  closeness: 'Feeling close to others (0–10)',
  stress: 'Stress (0–10)',
};

/**
 * Text as FHIR's `string` and `markdown` types allow it: their pattern (`[ \r\n\t\S]+`) admits
 * no whitespace but space, tab and line breaks, so a non-breaking space (common in typed French,
 * or from a Mac's option-space), a vertical tab, a line separator or a byte-order mark is
 * turned into a plain space. Nothing else changes; the JSON export keeps the words exactly.
 */
export function fhirText(value: string): string {
  return value.replace(/[^\S \r\n\t]/gu, ' ');
}

function urn(id: string): string {
  return `urn:uuid:${id}`;
}

/**
 * The Questionnaire of a version of the Check has no database row, so it gets a fixed UUID
 * made from the version number: the same in every export, on every server.
 */
export function questionnaireUuid(version: number): string {
  return `5c1e55e0-c4ec-4000-8000-${String(version).padStart(12, '0')}`;
}

function questionnaireFor(definition: ClosenessCheckDefinition): FhirResource {
  const scale = definition.scale;
  const agreement: { valueCoding: { system: string; code: string; display: string } }[] = [];
  for (let value = scale.min; value <= scale.max; value += 1)
    agreement.push({
      valueCoding: {
        system: FHIR_SYSTEM.agreement,
        code: String(value),
        display: scale.labels[value] ?? String(value),
      },
    });
  const subscaleTitle = new Map(
    definition.subscales.map((subscale) => [subscale.id, subscale.title]),
  );
  return {
    resourceType: 'Questionnaire',
    id: questionnaireUuid(definition.version),
    url: FHIR_SYSTEM.questionnaire,
    version: String(definition.version),
    name: 'ClosenessCheck',
    title: definition.title,
    status: 'active',
    date: definition.publishedOn,
    description: definition.introduction,
    item: [
      ...definition.items.map((item) => ({
        linkId: item.id,
        text: item.text,
        prefix: subscaleTitle.get(item.subscale),
        type: 'choice',
        answerOption: agreement,
      })),
      ...definition.safetyQuestions.map((question) => ({
        linkId: question.id,
        text: question.text,
        type: 'choice',
        answerOption: question.options.map((option) => ({
          valueCoding: {
            system: FHIR_SYSTEM.safetyAnswer,
            code: String(option.value),
            display: option.label,
          },
        })),
      })),
    ],
  };
}

function answerCoding(
  definition: ClosenessCheckDefinition,
  linkId: string,
  value: number,
): { system: string; code: string; display?: string } {
  const safety = definition.safetyQuestions.find((question) => question.id === linkId);
  if (safety) {
    const option = safety.options.find((candidate) => candidate.value === value);
    return {
      system: FHIR_SYSTEM.safetyAnswer,
      code: String(value),
      ...(option ? { display: option.label } : {}),
    };
  }
  const label = definition.scale.labels[value];
  return {
    system: FHIR_SYSTEM.agreement,
    code: String(value),
    ...(label ? { display: label } : {}),
  };
}

/** Builds the bundle. Responses to a version missing from `definitions` are left out. */
export function toFhirBundle(input: FhirExportInput): FhirBundle {
  const patientId = input.personId;
  const subject = { reference: urn(patientId) };
  const entry: FhirBundle['entry'] = [
    { fullUrl: urn(patientId), resource: { resourceType: 'Patient', id: patientId, active: true } },
  ];

  const versions = [...new Set(input.responses.map((response) => response.version))]
    .filter((version) => input.definitions[version] !== undefined)
    .sort((a, b) => a - b);
  for (const version of versions) {
    const questionnaire = questionnaireFor(input.definitions[version]!);
    entry.push({ fullUrl: urn(questionnaireUuid(version)), resource: questionnaire });
  }

  const responses = [...input.responses].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const response of responses) {
    const definition = input.definitions[response.version];
    if (!definition) continue;
    const order = [
      ...definition.items.map((item) => item.id),
      ...definition.safetyQuestions.map((q) => q.id),
    ];
    entry.push({
      fullUrl: urn(response.id),
      resource: {
        resourceType: 'QuestionnaireResponse',
        id: response.id,
        questionnaire: `${FHIR_SYSTEM.questionnaire}|${response.version}`,
        status: 'completed',
        subject,
        authored: response.createdAt,
        item: order
          .filter((linkId) => Object.hasOwn(response.answers, linkId))
          .map((linkId) => ({
            linkId,
            answer: [{ valueCoding: answerCoding(definition, linkId, response.answers[linkId]!) }],
          })),
      },
    });
    const scored = SCORED_SUBSCALE_IDS.filter(
      (id) => response.scores[id] !== null && response.scores[id] !== undefined,
    );
    if (scored.length === 0) continue;
    const scoresId = derivedId(response.id);
    entry.push({
      fullUrl: urn(scoresId),
      resource: {
        resourceType: 'Observation',
        id: scoresId,
        status: 'final',
        category: [surveyCategory],
        code: {
          coding: [
            {
              system: FHIR_SYSTEM.observation,
              code: 'closeness-check-scores',
              display: 'Closeness Check scores',
            },
          ],
          text: 'Closeness Check scores (1–5, higher means more difficulty)',
        },
        subject,
        effectiveDateTime: response.createdAt,
        derivedFrom: [{ reference: urn(response.id) }],
        component: scored.map((id) => ({
          code: {
            coding: [
              {
                system: FHIR_SYSTEM.observation,
                code: `subscale-${id}`,
                display: definition.subscales.find((s) => s.id === id)?.title ?? id,
              },
            ],
          },
          valueQuantity: { value: response.scores[id]!, unit: 'score (1–5)' },
        })),
      },
    });
  }

  const checkins = [...input.checkins].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const checkin of checkins) {
    entry.push({
      fullUrl: urn(checkin.id),
      resource: {
        resourceType: 'Observation',
        id: checkin.id,
        status: 'final',
        category: [surveyCategory],
        code: {
          coding: [
            { system: FHIR_SYSTEM.observation, code: 'checkin', display: 'Closer check-in' },
          ],
          text: 'Check-in: mood, closeness and stress',
        },
        subject,
        effectiveDateTime: checkin.createdAt,
        component: CHECKIN_MEASURES.map((measure) => ({
          code: {
            coding: [
              { system: FHIR_SYSTEM.observation, code: measure, display: CHECKIN_DISPLAY[measure] },
            ],
          },
          valueInteger: checkin[measure],
        })),
        ...(checkin.note ? { note: [{ text: fhirText(checkin.note) }] } : {}),
      },
    });
  }

  return {
    resourceType: 'Bundle',
    id: derivedId(input.personId),
    type: 'collection',
    timestamp: input.exportedAt,
    entry,
  };
}

/** The standard survey category (an HL7 code system, so other software can filter on it). */
const surveyCategory = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'survey',
      display: 'Survey',
    },
  ],
};

/**
 * A second UUID derived from a first, stable across exports, for a resource made from another
 * (the scores of a response): the same hex digits reversed, with the version and variant
 * nibbles kept valid. Not secret and not random; only distinct and repeatable.
 */
export function derivedId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return `${id}-derived`;
  const reversed = [...hex].reverse();
  reversed[12] = '4';
  reversed[16] = '8';
  const text = reversed.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
