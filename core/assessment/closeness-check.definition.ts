/**
 * The Closeness Check: Closer's own self-assessment of the four signs and four roots of a fear
 * of closeness, plus three safety questions. Every word here was written for Closer; none
 * comes from a published questionnaire.
 *
 * This file is the instrument. It is data, versioned: the wording, which subscale each item
 * belongs to, which items are reverse-keyed, the answer labels, the band cut-offs and the
 * explanations on the profile. Each saved response records the version it answered, and every
 * published version stays in `CLOSENESS_CHECK_VERSIONS` exactly as it was, so an old response
 * can always be scored and shown with the words the person actually read. To change anything
 * a person sees or anything that changes a score, add a new version and make it current;
 * never edit a published one.
 *
 * Design notes for reviewers:
 * - 32 scored items: 5 for each sign, 3 for each root. 12 of them (37.5 %) are reverse-keyed
 *   (agreeing means *less* difficulty): 2 in each sign and 1 in each root, so that someone
 *   who tends to agree with everything does not get a high score everywhere. Reverse-keyed
 *   items are worded positively, never with "not", so nobody has to untangle a double
 *   negative.
 * - Items are listed in the order they are shown: one from each subscale in turn, so that
 *   items of the same subscale are not bunched together.
 * - The safety questions are not part of any score. They ask about facts (has this
 *   happened?), so they are answered Yes / No / I would rather not say rather than on the
 *   agreement scale: "neither agree nor disagree" has no clear meaning for "have you had
 *   thoughts of hurting yourself?", and a plain yes lets the rule for showing help be one the
 *   person can predict. "I would rather not say" respects someone who is not ready to answer
 *   without forcing a false "no"; it raises no alarm, but it never counts as "safe" either
 *   (see `assessSafetyAnswers` in scoring.ts).
 * - Band cut-offs sit at the middle of the answer scale, not on data about other people. They
 *   are provisional and are described as such to the person.
 */
import type { TopicId } from '../content/topics';

export const CLOSENESS_CHECK_ID = 'closeness-check' as const;

export const SIGN_IDS = ['avoidance', 'trust', 'sharing', 'anxiety'] as const;
export const ROOT_IDS = ['childhood', 'relational-trauma', 'self-esteem', 'coping'] as const;
/** The scored subscales, signs first, in the order the profile shows them. */
export const SCORED_SUBSCALE_IDS = [...SIGN_IDS, ...ROOT_IDS] as const;

export type SignId = (typeof SIGN_IDS)[number];
export type RootId = (typeof ROOT_IDS)[number];
export type ScoredSubscaleId = SignId | RootId;
export type SubscaleId = ScoredSubscaleId | 'safety';
export type SubscaleKind = 'sign' | 'root' | 'safety';

/** The answer scale of the scored items: whole numbers from `min` to `max`, each labelled. */
export interface AgreementScale {
  min: number;
  max: number;
  labels: Readonly<Record<number, string>>;
}

export interface Subscale {
  id: SubscaleId;
  kind: SubscaleKind;
  title: string;
}

/** A scored item. When `reverse` is true, agreeing means less difficulty. */
export interface ScoredItem {
  id: string;
  text: string;
  subscale: ScoredSubscaleId;
  reverse: boolean;
}

/** Which help a worrying answer leads to; the same level names as core/safety/risk.ts. */
export type SafetyConcern = 'crisis' | 'safeguarding';

/** `declined` marks "I would rather not say": no alarm, and never read as "safe". */
export interface SafetyOption {
  value: number;
  label: string;
  worrying: boolean;
  declined: boolean;
}

/** A safety question: never averaged into any score. */
export interface SafetyQuestion {
  id: string;
  text: string;
  subscale: 'safety';
  concern: SafetyConcern;
  options: readonly SafetyOption[];
}

/** What the profile says about one subscale. */
export interface SubscaleGuide {
  /** What a higher score means, in plain words. */
  higherMeans: string;
  /** What tends to help. */
  whatHelps: string;
  /** Learn topics on the same subject, the subscale's own topic first. */
  learnTopics: readonly TopicId[];
}

export type Band = 'lower' | 'some' | 'marked';

export interface BandDescription {
  id: Band;
  label: string;
  description: string;
}

/**
 * Where the bands start on the 0–100 index. Index 37.5 is a mean of 2.5 on the 1–5 scale
 * (half-way between "Disagree" and "Neither"); 62.5 is a mean of 3.5 (half-way between
 * "Neither" and "Agree"). So "marked" means agreeing, on average, with the items that describe
 * the difficulty.
 */
export interface BandThresholds {
  someFrom: number;
  markedFrom: number;
}

export interface ClosenessCheckDefinition {
  id: typeof CLOSENESS_CHECK_ID;
  version: number;
  /** ISO date the version was first shown to people. */
  publishedOn: string;
  title: string;
  introduction: string;
  /** About five minutes for 32 items and 3 safety questions. */
  minutes: number;
  scale: AgreementScale;
  subscales: readonly Subscale[];
  /** The scored items, in the order they are shown. */
  items: readonly ScoredItem[];
  safetyIntroduction: string;
  safetyQuestions: readonly SafetyQuestion[];
  guides: Readonly<Record<ScoredSubscaleId, SubscaleGuide>>;
  bands: readonly BandDescription[];
  bandThresholds: BandThresholds;
  /** Said wherever bands are shown. */
  bandNote: string;
  /** What the Check is not, one short statement a line. */
  whatItIsNot: readonly string[];
}

/** Freezes the definition all the way down, so no caller can change a published version. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Yes / No / I would rather not say. Values are codes, not scores. */
const YES_NO_OPTIONS: readonly SafetyOption[] = [
  { value: 1, label: 'Yes', worrying: true, declined: false },
  { value: 0, label: 'No', worrying: false, declined: false },
  { value: 2, label: 'I would rather not say', worrying: false, declined: true },
];

const VERSION_1: ClosenessCheckDefinition = deepFreeze<ClosenessCheckDefinition>({
  id: CLOSENESS_CHECK_ID,
  version: 1,
  publishedOn: '2026-12-01',
  title: 'The Closeness Check',
  introduction:
    'These questions ask how closeness feels for you. There are no right or wrong answers. Think about how things have been for you lately. It takes about five minutes, and you can stop and come back.',
  minutes: 5,
  scale: {
    min: 1,
    max: 5,
    labels: {
      1: 'Strongly disagree',
      2: 'Disagree',
      3: 'Neither agree nor disagree',
      4: 'Agree',
      5: 'Strongly agree',
    },
  },
  subscales: [
    { id: 'avoidance', kind: 'sign', title: 'Avoiding closeness' },
    { id: 'trust', kind: 'sign', title: 'Finding it hard to trust' },
    { id: 'sharing', kind: 'sign', title: 'Finding it hard to share thoughts and feelings' },
    { id: 'anxiety', kind: 'sign', title: 'Feeling anxious in close moments' },
    { id: 'childhood', kind: 'root', title: 'Growing up' },
    { id: 'relational-trauma', kind: 'root', title: 'Past relationships and family ways' },
    { id: 'self-esteem', kind: 'root', title: 'How you see yourself' },
    { id: 'coping', kind: 'root', title: 'Ways of coping' },
    { id: 'safety', kind: 'safety', title: 'Your safety' },
  ],
  items: [
    // Round 1
    {
      id: 'avoidance-1',
      text: 'When someone starts to get close to me, I pull away.',
      subscale: 'avoidance',
      reverse: false,
    },
    {
      id: 'trust-1',
      text: 'I expect people to let me down sooner or later.',
      subscale: 'trust',
      reverse: false,
    },
    {
      id: 'sharing-1',
      text: 'I keep my feelings to myself, even with people I trust.',
      subscale: 'sharing',
      reverse: false,
    },
    {
      id: 'anxiety-1',
      text: 'I feel nervous in close or loving moments.',
      subscale: 'anxiety',
      reverse: false,
    },
    {
      id: 'childhood-1',
      text: 'When I was growing up, people at home rarely talked about feelings.',
      subscale: 'childhood',
      reverse: false,
    },
    {
      id: 'relational-trauma-1',
      text: 'Someone I was close to hurt me, and it still affects me today.',
      subscale: 'relational-trauma',
      reverse: false,
    },
    {
      id: 'self-esteem-1',
      text: 'I often feel I am not good enough for the people I care about.',
      subscale: 'self-esteem',
      reverse: false,
    },
    {
      id: 'coping-1',
      text: 'When things get hard, I shut myself away from everyone.',
      subscale: 'coping',
      reverse: false,
    },
    // Round 2
    {
      id: 'avoidance-2',
      text: 'I like it when a friendship or relationship grows deeper.',
      subscale: 'avoidance',
      reverse: true,
    },
    {
      id: 'trust-2',
      text: 'I watch for signs that someone is going to hurt me.',
      subscale: 'trust',
      reverse: false,
    },
    {
      id: 'sharing-2',
      text: 'I can tell the people close to me how I really feel.',
      subscale: 'sharing',
      reverse: true,
    },
    {
      id: 'anxiety-2',
      text: 'My body goes tense when someone wants to be physically close.',
      subscale: 'anxiety',
      reverse: false,
    },
    {
      id: 'childhood-2',
      text: 'As a child, I sometimes felt scared or alone at home.',
      subscale: 'childhood',
      reverse: false,
    },
    {
      id: 'relational-trauma-2',
      text: 'My past relationships have shown me that being close can be safe.',
      subscale: 'relational-trauma',
      reverse: true,
    },
    {
      id: 'self-esteem-2',
      text: "I feel I have to earn my place in other people's lives.",
      subscale: 'self-esteem',
      reverse: false,
    },
    {
      id: 'coping-2',
      text: 'When I am stressed, I have healthy ways to calm down.',
      subscale: 'coping',
      reverse: true,
    },
    // Round 3
    {
      id: 'avoidance-3',
      text: 'I keep some distance from people, even people I like.',
      subscale: 'avoidance',
      reverse: false,
    },
    {
      id: 'trust-3',
      text: 'When someone says they care about me, I believe them.',
      subscale: 'trust',
      reverse: true,
    },
    {
      id: 'sharing-3',
      text: 'When a talk gets personal, I change the subject.',
      subscale: 'sharing',
      reverse: false,
    },
    {
      id: 'anxiety-3',
      text: 'I feel calm when I am close to someone I care about.',
      subscale: 'anxiety',
      reverse: true,
    },
    {
      id: 'childhood-3',
      text: 'When I was a child, I could go to an adult for comfort.',
      subscale: 'childhood',
      reverse: true,
    },
    {
      id: 'relational-trauma-3',
      text: 'In my family, needing other people was seen as weak.',
      subscale: 'relational-trauma',
      reverse: false,
    },
    {
      id: 'self-esteem-3',
      text: 'I believe I deserve love and care.',
      subscale: 'self-esteem',
      reverse: true,
    },
    {
      id: 'coping-3',
      text: 'When I am upset, I use drink, drugs or other things to block out how I feel.',
      subscale: 'coping',
      reverse: false,
    },
    // Round 4: signs only
    {
      id: 'avoidance-4',
      text: 'I am happy to let someone become an important part of my life.',
      subscale: 'avoidance',
      reverse: true,
    },
    {
      id: 'trust-4',
      text: 'I feel safer when I rely only on myself.',
      subscale: 'trust',
      reverse: false,
    },
    {
      id: 'sharing-4',
      text: 'Telling someone my hopes or worries feels too risky.',
      subscale: 'sharing',
      reverse: false,
    },
    {
      id: 'anxiety-4',
      text: 'I can relax and enjoy a hug or holding hands.',
      subscale: 'anxiety',
      reverse: true,
    },
    // Round 5: signs only
    {
      id: 'avoidance-5',
      text: 'I tend to end things before they get too serious.',
      subscale: 'avoidance',
      reverse: false,
    },
    {
      id: 'trust-5',
      text: 'I can count on the people who are close to me.',
      subscale: 'trust',
      reverse: true,
    },
    {
      id: 'sharing-5',
      text: 'I find it easy to talk about things that matter to me.',
      subscale: 'sharing',
      reverse: true,
    },
    {
      id: 'anxiety-5',
      text: 'I worry for a long time before a date or a deep talk.',
      subscale: 'anxiety',
      reverse: false,
    },
  ],
  safetyIntroduction:
    'These last questions are about your safety. They are not part of your scores. If you answer yes, we will show you where to find help straight away.',
  safetyQuestions: [
    {
      id: 'safety-self-harm',
      text: 'In the last two weeks, have you had thoughts of hurting yourself or ending your life?',
      subscale: 'safety',
      concern: 'crisis',
      options: YES_NO_OPTIONS,
    },
    {
      id: 'safety-partner-fear',
      text: 'Do you feel afraid of a partner or an ex-partner?',
      subscale: 'safety',
      concern: 'safeguarding',
      options: YES_NO_OPTIONS,
    },
    {
      id: 'safety-partner-control',
      text: 'Does a partner or an ex-partner try to control you? For example, who you see, where you go or what you spend.',
      subscale: 'safety',
      concern: 'safeguarding',
      options: YES_NO_OPTIONS,
    },
  ],
  guides: {
    avoidance: {
      higherMeans:
        'A higher score means you often step back when people get close. This can be a way of keeping yourself safe. It can also leave you feeling lonely.',
      whatHelps:
        'Small steps towards people, at a pace you choose, tend to help. So does noticing what you feel just before you pull away.',
      learnTopics: ['sign:avoidance', 'pillar:vulnerability'],
    },
    trust: {
      higherMeans:
        'A higher score means it is hard for you to count on other people. You may expect to be let down, even when someone has been kind to you.',
      whatHelps:
        'Trust tends to grow slowly, through small promises that are kept. It can help to notice the times someone did what they said they would.',
      learnTopics: ['sign:trust', 'pillar:trust-empathy', 'strategy:trust-communication'],
    },
    sharing: {
      higherMeans:
        'A higher score means you tend to keep your thoughts and feelings to yourself. The people around you may not know what is going on for you.',
      whatHelps:
        'Sharing a little at a time, with someone you feel fairly safe with, tends to help. Starting a sentence with "I feel" can make it easier.',
      learnTopics: ['sign:sharing', 'pillar:communication'],
    },
    anxiety: {
      higherMeans:
        'A higher score means close moments, like a hug or a deep talk, can make you tense or worried. Your body may react before you have time to think.',
      whatHelps:
        'Slow breathing can calm your body in the moment. Over time, it helps to look gently at the worried thoughts and test them in small ways.',
      learnTopics: ['sign:anxiety', 'strategy:reframing'],
    },
    childhood: {
      higherMeans:
        'A higher score means your early years may have taught you that closeness was not always warm or safe. That was never your fault.',
      whatHelps:
        'It can help to understand what you learned as a child and how it shows up now. Many people find it useful to explore this with a therapist.',
      learnTopics: ['root:childhood', 'strategy:professional-help'],
    },
    'relational-trauma': {
      higherMeans:
        'A higher score means past relationships, or the way your family did things, may still shape how safe closeness feels today.',
      whatHelps:
        'Noticing old patterns, and how today can be different, tends to help. If an old hurt still feels heavy, talking to a professional can make a real difference.',
      learnTopics: ['root:relational-trauma', 'strategy:professional-help'],
    },
    'self-esteem': {
      higherMeans:
        'A higher score means you may doubt that you are good enough or easy to love. That doubt can make closeness feel risky.',
      whatHelps:
        'Doing things that give you a sense of achievement can help. So can speaking to yourself the way you would speak to a good friend.',
      learnTopics: ['root:self-esteem', 'strategy:self-esteem'],
    },
    coping: {
      higherMeans:
        'A higher score means that when life gets hard, you may cope in ways that shut feelings out or keep people away. These ways can help for a while, but they often cost you later.',
      whatHelps:
        'Learning a few calmer ways to handle stress tends to help. If drink or drugs are part of the picture, a GP or a support service can help you take the next step.',
      learnTopics: ['root:coping', 'strategy:reframing', 'strategy:professional-help'],
    },
  },
  bands: [
    {
      id: 'lower',
      label: 'Lower',
      description: 'This seems to be less of a difficulty for you at the moment.',
    },
    {
      id: 'some',
      label: 'Some',
      description: 'This seems to be a difficulty for you some of the time.',
    },
    {
      id: 'marked',
      label: 'Marked',
      description: 'This seems to be a clear difficulty for you at the moment.',
    },
  ],
  bandThresholds: { someFrom: 37.5, markedFrom: 62.5 },
  bandNote:
    'The bands are only a rough guide. We set them at the middle of the answer scale, because we do not yet know how most people answer. They are not a diagnosis.',
  whatItIsNot: [
    'The Closeness Check is not a test. You cannot pass or fail it.',
    'It is not a diagnosis. Only a qualified professional who knows you well can give one.',
    'It is not a crisis service. If you are in danger now, use Get help now.',
    'It does not replace therapy. It is a starting point for knowing yourself and choosing what to practise.',
    'Your answers show how things feel for you today. They can change, and for many people they do.',
  ],
});

/**
 * Every published version, by version number. Old versions stay here unchanged so that old
 * responses can still be scored and shown with the words the person read.
 */
export const CLOSENESS_CHECK_VERSIONS: Readonly<Record<number, ClosenessCheckDefinition>> =
  Object.freeze({ [VERSION_1.version]: VERSION_1 });

/** The version new responses answer. */
export const CURRENT_CLOSENESS_CHECK: ClosenessCheckDefinition = VERSION_1;
