/**
 * Humanistic exercises: what matters to you, and treating yourself with kindness.
 */
import type { Exercise } from './catalogue.model';

const ZERO_TO_TEN = { kind: 'rating-0-10' } as const;

export const VALUES_COMPASS: Exercise = {
  id: 'values-compass',
  version: 1,
  title: 'Values compass',
  nameInSentence: 'the values compass',
  modality: 'humanistic',
  targets: ['avoidance', 'self-esteem'],
  minutes: 15,
  intensity: 1,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: [],
  summary:
    'Rate how much each part of life matters to you, and how much you are living it now. The biggest gap shows where a small step could count.',
  steps: [
    {
      id: 'areas',
      title: 'Parts of your life',
      prompt:
        'For each area, rate how much it matters to you and how much you are living it at the moment, from 0 to 10.',
      fields: [
        {
          id: 'areas',
          kind: 'rows',
          label: 'Life areas',
          help: 'You can rename an area or add your own.',
          minRows: 8,
          maxRows: 10,
          presetRows: [
            'Close relationships',
            'Friendships',
            'Family',
            'Work or study',
            'Health and body',
            'Fun and rest',
            'Community',
            'Growing as a person',
          ],
          columns: [
            { id: 'area', kind: 'text', label: 'Area' },
            {
              id: 'importance',
              label: 'How much it matters',
              lowLabel: 'Not at all',
              highLabel: 'Very much',
              ...ZERO_TO_TEN,
            },
            {
              id: 'living',
              label: 'How much I live it now',
              lowLabel: 'Not at all',
              highLabel: 'Fully',
              ...ZERO_TO_TEN,
            },
          ],
        },
      ],
    },
    {
      id: 'gap',
      title: 'Find the gap',
      prompt:
        'Look for an area that matters a lot but that you are living less than you would like.',
      fields: [
        {
          id: 'area',
          kind: 'pick-row',
          label: 'Which area will you work on?',
          from: { step: 'areas', field: 'areas' },
        },
        { id: 'why', kind: 'text', label: 'Why does this area matter to you?' },
      ],
    },
    {
      id: 'goal',
      title: 'Turn the gap into a goal',
      prompt: 'Choose a goal, then a first step small enough to take this week.',
      fields: [
        { id: 'goal', kind: 'text', label: 'Your goal for this area' },
        { id: 'firstStep', kind: 'text', label: 'One small first step' },
        { id: 'when', kind: 'text', label: 'When will you take it?' },
      ],
    },
  ],
  keepInView: [{ step: 'gap', field: 'area' }],
  safetyNotes: [
    'There are no right answers. Your values are your own.',
    'Seeing a big gap can bring up sadness. That is normal. Be gentle with yourself and choose a tiny step.',
  ],
  workedExample: {
    intro: 'Jo, 44, is busy and well liked, but keeps everyone at arm’s length.',
    answers: {
      areas: {
        areas: [
          { area: 'Close relationships', importance: 9, living: 3 },
          { area: 'Friendships', importance: 8, living: 5 },
          { area: 'Family', importance: 6, living: 5 },
          { area: 'Work or study', importance: 7, living: 7 },
          { area: 'Health and body', importance: 7, living: 4 },
          { area: 'Fun and rest', importance: 6, living: 4 },
          { area: 'Community', importance: 4, living: 2 },
          { area: 'Growing as a person', importance: 8, living: 6 },
        ],
      },
      gap: {
        area: 'Close relationships',
        why: 'I would love someone to share ordinary days with. Keeping everyone at a distance feels safe, but lonely.',
      },
      goal: {
        goal: 'Let people get to know the real me, bit by bit.',
        firstStep: 'Say yes next time my running group goes for a drink afterwards.',
        when: 'Thursday, after running club',
      },
    },
  },
};

export const SELF_COMPASSION_BREAK: Exercise = {
  id: 'self-compassion-break',
  version: 1,
  title: 'Self-compassion break',
  nameInSentence: 'a self-compassion break',
  modality: 'humanistic',
  targets: ['self-esteem', 'anxiety'],
  minutes: 5,
  intensity: 1,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: [],
  summary: 'A five-minute pause to meet a hard moment with kindness instead of criticism.',
  steps: [
    {
      id: 'notice',
      title: 'Notice',
      prompt: 'Think of what is hard for you right now.',
      fields: [
        { id: 'hard', kind: 'text', label: 'What feels hard right now?' },
        {
          id: 'before',
          label: 'How upset do you feel?',
          lowLabel: 'Calm',
          highLabel: 'Very upset',
          ...ZERO_TO_TEN,
        },
      ],
    },
    {
      id: 'name',
      title: 'Name it',
      prompt: 'Say what you are feeling, kindly and simply.',
      fields: [
        {
          id: 'name',
          kind: 'text',
          label: 'Name what you feel',
          help: 'For example: "This really hurts right now."',
        },
      ],
    },
    {
      id: 'notAlone',
      title: 'You are not alone',
      prompt: 'Remind yourself that many people feel like this at times.',
      fields: [
        {
          id: 'notAlone',
          kind: 'text',
          label: 'What could you say to remind yourself?',
          help: 'For example: "Lots of people find this hard."',
        },
      ],
    },
    {
      id: 'kind',
      title: 'Be kind',
      prompt:
        'What would you say to a good friend who felt this way? You might rest a hand on your chest while you say it, if that feels right.',
      fields: [
        { id: 'kindWords', kind: 'text', label: 'Kind words for yourself' },
        {
          id: 'after',
          label: 'How upset do you feel now?',
          lowLabel: 'Calm',
          highLabel: 'Very upset',
          ...ZERO_TO_TEN,
        },
      ],
    },
  ],
  keepInView: [{ step: 'notice', field: 'hard' }],
  safetyNotes: [
    'Kind words can feel strange at first, or bring tears. That is common. Go slowly.',
    'If you notice thoughts of hurting yourself, use Get help now straight away.',
  ],
  workedExample: {
    intro: 'Ruth, 24, froze when a date reached for her hand, and then left early.',
    answers: {
      notice: {
        hard: 'I froze when my date tried to hold my hand, and I went home early. I keep thinking I ruin everything.',
        before: 7,
      },
      name: { name: 'This is painful. I feel ashamed and sad.' },
      notAlone: {
        notAlone:
          'Lots of people feel nervous about touch, especially early on. I am not the only one.',
      },
      kind: {
        kindWords:
          'You were scared, and you looked after yourself. You are learning, and you can go at your own pace.',
        after: 4,
      },
    },
  },
};

export const SELF_COMPASSION_LETTER: Exercise = {
  id: 'self-compassion-letter',
  version: 1,
  title: 'Self-compassion letter',
  nameInSentence: 'a self-compassion letter',
  modality: 'humanistic',
  targets: ['self-esteem', 'childhood', 'relational-trauma'],
  minutes: 20,
  intensity: 2,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: [],
  summary:
    'Write yourself a letter from a kind, wise friend about something you are hard on yourself for.',
  steps: [
    {
      id: 'topic',
      title: 'What you are hard on yourself about',
      prompt: 'Choose something you often criticise yourself for.',
      fields: [
        { id: 'about', kind: 'long-text', label: 'What are you hard on yourself about?' },
        { id: 'critic', kind: 'text', label: 'What does the critical voice in your head say?' },
      ],
    },
    {
      id: 'friend',
      title: 'A kind friend',
      prompt: 'Picture someone wise and kind, who accepts you as you are.',
      fields: [
        {
          id: 'friend',
          kind: 'text',
          label: 'Who is your kind friend, and what are they like?',
          help: 'A real person, someone from a book or film, or someone you imagine.',
        },
      ],
    },
    {
      id: 'letter',
      title: 'Write the letter',
      prompt:
        'Write to yourself as that friend. What would they understand about your story? What would they wish for you?',
      fields: [{ id: 'letter', kind: 'long-text', label: 'Your letter' }],
    },
    {
      id: 'read',
      title: 'Read it back',
      prompt: 'Read the letter slowly, as if a friend had sent it to you.',
      fields: [
        {
          id: 'kindness',
          label: 'How kind does it feel to read?',
          lowLabel: 'Not at all',
          highLabel: 'Very kind',
          ...ZERO_TO_TEN,
        },
        { id: 'keep', kind: 'text', label: 'One line to keep with you' },
      ],
    },
  ],
  keepInView: [{ step: 'topic', field: 'about' }],
  safetyNotes: [
    'Writing about old hurts can stir up strong feelings. Take a break whenever you need one.',
    'If memories of being hurt or neglected come up and feel like too much, please talk to a professional. Get help now can point the way.',
  ],
  workedExample: {
    intro: 'Lewis, 34, has never had a long relationship and blames himself for it.',
    answers: {
      topic: {
        about:
          'I never let anyone get close. I am 34 and I have never had a long relationship. I feel like I have wasted years.',
        critic: 'You are cold and broken. Nobody will ever want you.',
      },
      friend: {
        friend:
          'Mrs Okafor, my old English teacher. She was patient and always saw the best in people.',
      },
      letter: {
        letter:
          'Dear Lewis, I know you feel behind and alone. When you were a boy, home was loud and hard to predict, and keeping people at a distance kept you safe. That was clever, not cold. It hurts now because you care so much. It is not too late. Every small step you take towards people counts, and I am proud of you for trying. With love, Mrs O.',
      },
      read: {
        kindness: 7,
        keep: 'Keeping people away kept me safe once. I can learn new ways now.',
      },
    },
  },
};
