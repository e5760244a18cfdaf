/**
 * Body-based exercises: calming the body so closeness feels less alarming. The breathing
 * patterns are data; the screen animates them (with a still, text-only version for people who
 * prefer reduced motion) and never needs sound.
 */
import type { BreathingPattern, Exercise } from './catalogue.model';

/**
 * Slow breathing at about six breaths a minute (a 10-second breath with a longer out-breath),
 * and box breathing (four equal sides of 4 seconds).
 */
export const BREATHING_PATTERNS: readonly BreathingPattern[] = [
  {
    id: 'six-a-minute',
    title: 'Slow breathing',
    description: 'About six breaths a minute: in for 4 seconds, out for 6.',
    phases: [
      { action: 'in', seconds: 4, cue: 'Breathe in gently through your nose' },
      { action: 'out', seconds: 6, cue: 'Breathe out slowly, letting your shoulders drop' },
    ],
  },
  {
    id: 'box',
    title: 'Box breathing',
    description: 'Four equal sides: in for 4, hold for 4, out for 4, hold for 4.',
    phases: [
      { action: 'in', seconds: 4, cue: 'Breathe in' },
      { action: 'hold', seconds: 4, cue: 'Hold gently' },
      { action: 'out', seconds: 4, cue: 'Breathe out' },
      { action: 'hold', seconds: 4, cue: 'Hold gently' },
    ],
  },
];

const TENSION = {
  kind: 'rating-0-10',
  lowLabel: 'Calm',
  highLabel: 'Very tense',
} as const;

export const PACED_BREATHING: Exercise = {
  id: 'paced-breathing',
  version: 1,
  title: 'Paced breathing',
  nameInSentence: 'paced breathing',
  modality: 'body',
  targets: ['anxiety', 'coping'],
  minutes: 5,
  intensity: 1,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: ['body-focus'],
  summary:
    'Slow your breathing to about six breaths a minute, or try box breathing, to help your body settle.',
  breathingPatterns: BREATHING_PATTERNS,
  steps: [
    {
      id: 'before',
      title: 'Get ready',
      prompt: 'Sit or lie somewhere comfortable. Choose a way to breathe and how long to go for.',
      fields: [
        {
          id: 'pattern',
          kind: 'choice',
          label: 'Which kind of breathing?',
          options: BREATHING_PATTERNS.map((pattern) => ({
            id: pattern.id,
            label: `${pattern.title}: ${pattern.description}`,
          })),
        },
        {
          id: 'length',
          kind: 'choice',
          label: 'How long?',
          options: [
            { id: '2', label: '2 minutes' },
            { id: '3', label: '3 minutes' },
            { id: '5', label: '5 minutes' },
          ],
        },
        { id: 'tensionBefore', label: 'How tense do you feel right now?', ...TENSION },
      ],
    },
    {
      id: 'breathe',
      title: 'Breathe along',
      prompt:
        'Follow the guide. If you prefer, turn off the moving circle and follow the words instead.',
      fields: [
        {
          id: 'finished',
          kind: 'choice',
          label: 'How did it go?',
          options: [
            { id: 'all', label: 'I did the whole time' },
            { id: 'some', label: 'I did some of it' },
            { id: 'stopped', label: 'I stopped early, and that is fine' },
          ],
        },
      ],
    },
    {
      id: 'after',
      title: 'Notice the difference',
      prompt: 'Take a moment before you move on.',
      fields: [
        { id: 'tensionAfter', label: 'How tense do you feel now?', ...TENSION },
        { id: 'noticed', kind: 'text', label: 'What did you notice?' },
      ],
    },
  ],
  keepInView: [],
  safetyNotes: [
    'Breathe gently and never force it. If you feel dizzy or light-headed, stop and breathe normally.',
    'Holding your breath is optional. If the holds feel uncomfortable, leave them out.',
    'If paying attention to your breath makes you feel worse, open your eyes and name five things you can see instead.',
  ],
  workedExample: {
    intro: 'Kim, 35, feels her heart race before dates.',
    answers: {
      before: { pattern: 'six-a-minute', length: '3', tensionBefore: 7 },
      breathe: { finished: 'all' },
      after: {
        tensionAfter: 4,
        noticed:
          'My shoulders dropped and my hands stopped shaking. The long out-breath helped most.',
      },
    },
  },
};

export const STRESS_RELAXATION: Exercise = {
  id: 'stress-relaxation',
  version: 1,
  title: 'Stress check and relaxation',
  nameInSentence: 'a stress check and relaxation',
  modality: 'body',
  targets: ['coping', 'anxiety'],
  minutes: 10,
  intensity: 1,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: ['body-focus'],
  summary:
    'Check how stressed you are and where you feel it in your body, then try a short way to relax.',
  steps: [
    {
      id: 'check',
      title: 'Stress check',
      prompt: 'Pause and notice how you are right now.',
      fields: [
        {
          id: 'stress',
          kind: 'rating-0-10',
          label: 'How stressed do you feel?',
          lowLabel: 'Not at all',
          highLabel: 'Extremely',
        },
        {
          id: 'body',
          kind: 'multi-choice',
          label: 'Where do you feel it in your body?',
          options: [
            { id: 'head', label: 'Head' },
            { id: 'jaw', label: 'Jaw' },
            { id: 'shoulders', label: 'Neck and shoulders' },
            { id: 'chest', label: 'Chest' },
            { id: 'stomach', label: 'Stomach' },
            { id: 'hands', label: 'Hands' },
            { id: 'legs', label: 'Legs' },
            { id: 'nowhere', label: 'Nowhere I can tell' },
          ],
        },
        {
          id: 'causes',
          kind: 'list',
          label: 'What is adding to your stress today?',
          minItems: 1,
          maxItems: 5,
        },
      ],
    },
    {
      id: 'relax',
      title: 'Relax',
      prompt: 'Choose one way to relax and give it about five minutes.',
      fields: [
        {
          id: 'method',
          kind: 'choice',
          label: 'Which way will you try?',
          options: [
            {
              id: 'muscles',
              label:
                'Tense and let go: squeeze each part of your body for five seconds, then let it go loose',
            },
            {
              id: 'senses',
              label:
                'Five senses: name five things you can see, four you can touch, three you can hear, two you can smell and one you can taste',
            },
            { id: 'walk', label: 'A slow walk: ten minutes, noticing each step' },
          ],
        },
      ],
    },
    {
      id: 'after',
      title: 'Check again',
      prompt: 'Notice any change, however small.',
      fields: [
        {
          id: 'stressAfter',
          kind: 'rating-0-10',
          label: 'How stressed do you feel now?',
          lowLabel: 'Not at all',
          highLabel: 'Extremely',
        },
        { id: 'helped', kind: 'text', label: 'What helped, even a little?' },
        { id: 'easeTheLoad', kind: 'text', label: 'One thing you could change to ease the load' },
      ],
    },
  ],
  keepInView: [{ step: 'check', field: 'stress' }],
  safetyNotes: [
    'If you have pain or an injury, skip tensing that part of your body.',
    'If stress feels like too much on most days, talk to your GP or another professional.',
  ],
  workedExample: {
    intro: 'Olu, 47, has a busy week and his partner’s parents are coming to stay.',
    answers: {
      check: {
        stress: 8,
        body: ['shoulders', 'jaw'],
        causes: [
          'A deadline on Friday',
          'My partner’s parents visiting at the weekend',
          'Not sleeping well',
        ],
      },
      relax: { method: 'muscles' },
      after: {
        stressAfter: 5,
        helped: 'Letting go of my shoulders. I had not noticed how tight they were.',
        easeTheLoad: 'Ask my manager if the Friday deadline could move to Monday.',
      },
    },
  },
};
