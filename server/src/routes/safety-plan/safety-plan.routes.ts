import { Type } from 'typebox';
import {
  SAFETY_PLAN_MAX_ITEM_LENGTH,
  SAFETY_PLAN_MAX_ITEMS,
  SAFETY_PLAN_SECTIONS,
} from '../../../../core/safety/safety-plan';
import type { App } from '../../app';
import { requestRegion } from '../../http/region';
import { healthDataGuard, requireSignedIn } from '../../policies/session.policy';
import { errorResponses } from '../schemas';
import { SafetyBody } from '../safety-schema';

const Items = Type.Array(Type.String({ maxLength: SAFETY_PLAN_MAX_ITEM_LENGTH }), {
  maxItems: SAFETY_PLAN_MAX_ITEMS,
});
const Sections = Type.Object(
  Object.fromEntries(SAFETY_PLAN_SECTIONS.map((section) => [section, Items])) as Record<
    (typeof SAFETY_PLAN_SECTIONS)[number],
    typeof Items
  >,
  { additionalProperties: false },
);
const PlanBody = Type.Object({
  sections: Sections,
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});

export function safetyPlanRoutes(app: App): void {
  const { safetyPlans, consent } = app.services;
  const guard = { preHandler: healthDataGuard(consent) };

  app.get(
    '/api/safety-plan',
    {
      ...guard,
      schema: {
        summary: 'My safety plan: the six sections, empty until saved',
        tags: ['safety-plan'],
        response: { 200: Type.Object({ plan: PlanBody }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ plan: await safetyPlans.get(requireSignedIn(request)) }),
  );

  app.put(
    '/api/safety-plan',
    {
      ...guard,
      schema: {
        summary: 'Save my safety plan (all six sections at once)',
        tags: ['safety-plan'],
        body: Type.Object({ sections: Sections }, { additionalProperties: false }),
        response: {
          200: Type.Object({ plan: PlanBody, safety: SafetyBody }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) =>
      safetyPlans.save(requireSignedIn(request), request.body.sections, requestRegion(request)),
  );
}
