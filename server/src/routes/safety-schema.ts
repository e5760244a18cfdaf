import { Type } from 'typebox';

/** The safety part of every answer to a save of free text. */
export const SafetyBody = Type.Object({
  level: Type.Union([
    Type.Literal('none'),
    Type.Literal('concern'),
    Type.Literal('crisis'),
    Type.Literal('safeguarding'),
  ]),
  reasons: Type.Array(
    Type.Object({ level: Type.String(), rule: Type.String(), match: Type.String() }),
  ),
  resources: Type.Array(
    Type.Object({
      id: Type.String(),
      group: Type.String(),
      need: Type.String(),
      service: Type.String(),
      contacts: Type.Array(
        Type.Object({
          kind: Type.String(),
          number: Type.String(),
          keyword: Type.Optional(Type.String()),
        }),
      ),
      noteKey: Type.Optional(Type.String()),
      lastChecked: Type.String(),
    }),
  ),
});

/** Whole numbers in a query string (query strings are not coerced: see app.ts). */
export const QueryInteger = Type.String({ pattern: '^[0-9]{1,6}$' });
