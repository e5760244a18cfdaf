/** The topic ids of the learning library. The API contract depends on these exact strings. */
export const TOPIC_IDS = [
  'root:childhood',
  'root:relational-trauma',
  'root:self-esteem',
  'root:coping',
  'sign:avoidance',
  'sign:trust',
  'sign:sharing',
  'sign:anxiety',
  'strategy:professional-help',
  'strategy:self-esteem',
  'strategy:trust-communication',
  'strategy:reframing',
  'pillar:communication',
  'pillar:vulnerability',
  'pillar:boundaries',
  'pillar:trust-empathy',
  'therapy:integrative',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

const TOPIC_SET: ReadonlySet<string> = new Set(TOPIC_IDS);

export function isTopicId(value: string): value is TopicId {
  return TOPIC_SET.has(value);
}
