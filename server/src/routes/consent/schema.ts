import { Type } from 'typebox';
import { errorResponses } from '../schemas';

export const ConsentStatusBody = Type.Object({
  current: Type.Boolean(),
  version: Type.Union([Type.String(), Type.Null()]),
  givenAt: Type.Union([Type.String(), Type.Null()]),
  withdrawnAt: Type.Union([Type.String(), Type.Null()]),
});

export const getConsentSchema = {
  summary: 'The current privacy notice, and the person’s consent when signed in',
  tags: ['consent'],
  response: {
    200: Type.Object({
      version: Type.String(),
      publishedOn: Type.String(),
      text: Type.String(),
      consent: Type.Optional(ConsentStatusBody),
    }),
  },
};

export const giveConsentSchema = {
  summary: 'Consent to the version of the privacy notice the person read',
  tags: ['consent'],
  body: Type.Object(
    { version: Type.String({ minLength: 1, maxLength: 64 }) },
    { additionalProperties: false },
  ),
  response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409) },
};

export const withdrawConsentSchema = {
  summary: 'Withdraw consent: every health-data feature stops at once',
  tags: ['consent'],
  response: { 204: Type.Null(), ...errorResponses(401, 403) },
};

export const getResearchConsentSchema = {
  summary:
    'The research notice (an optional, separate consent to add anonymous copies of Closeness Check answers to the research pool), and whether the person has agreed',
  tags: ['consent'],
  response: {
    200: Type.Object({
      notice: Type.Object({
        version: Type.String(),
        publishedOn: Type.String(),
        text: Type.String(),
      }),
      /** False when signed out. */
      current: Type.Boolean(),
    }),
  },
};

export const giveResearchConsentSchema = {
  summary: 'Agree to the version of the research notice the person read',
  tags: ['consent'],
  body: Type.Object(
    { version: Type.String({ minLength: 1, maxLength: 64 }) },
    { additionalProperties: false },
  ),
  response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409) },
};

export const withdrawResearchConsentSchema = {
  summary:
    'Withdraw research consent: no new copies from now on; copies still waiting to join the pool are removed',
  tags: ['consent'],
  response: { 204: Type.Null(), ...errorResponses(401, 403) },
};
