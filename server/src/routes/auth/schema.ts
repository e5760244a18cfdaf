import { Type } from 'typebox';
import { errorResponses, UserBody } from '../schemas';

// Generous outer limits: the precise rules (and kind messages) live in core's policies.
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const SignUpBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 320 })),
    username: Type.Optional(Type.String({ maxLength: 64 })),
    password: Password,
  },
  { additionalProperties: false },
);

export const SignInBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 320 }),
    password: Password,
  },
  { additionalProperties: false },
);

export const SessionBody = Type.Object({ user: UserBody, csrfToken: Type.String() });

export const signUpSchema = {
  summary: 'Create an account with an email address or a made-up name',
  tags: ['auth'],
  body: SignUpBody,
  response: { 201: SessionBody, ...errorResponses(400, 403, 409) },
};

export const signInSchema = {
  summary: 'Sign in; answers the same whether or not the account exists',
  tags: ['auth'],
  body: SignInBody,
  response: { 200: SessionBody, ...errorResponses(400, 401, 403, 429) },
};

export const signOutSchema = {
  summary: 'Sign out and end the session on the server',
  tags: ['auth'],
  response: { 204: Type.Null(), ...errorResponses(403) },
};

export const sessionSchema = {
  summary: 'The current session and its CSRF token',
  tags: ['auth'],
  response: { 200: SessionBody, ...errorResponses(401) },
};
