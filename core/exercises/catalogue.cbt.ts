/**
 * CBT exercises: noticing thoughts, testing them, and taking small steps. The closeness
 * ladder is graded exposure (step by step towards closeness) and the confidence builders are
 * behavioural activation (doing things that give a sense of achievement or enjoyment).
 */
import type { Exercise } from './catalogue.model';

const FEELING_STRENGTH = {
  kind: 'rating-0-100',
  lowLabel: 'Not at all',
  highLabel: 'As strong as it gets',
} as const;

const BELIEF = {
  kind: 'rating-0-100',
  lowLabel: 'Not at all',
  highLabel: 'Completely',
} as const;

const DISTRESS = {
  kind: 'rating-0-100',
  lowLabel: 'Easy',
  highLabel: 'The hardest I can imagine',
} as const;

export const THOUGHT_RECORD: Exercise = {
  id: 'thought-record',
  version: 1,
  title: 'Thought record',
  nameInSentence: 'a thought record',
  modality: 'cbt',
  targets: ['anxiety', 'trust', 'self-esteem'],
  minutes: 15,
  intensity: 2,
  exposure: false,
  questionsFears: true,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: [],
  summary:
    'Catch a thought that upset you, look at the facts for and against it, and find a fairer way to see things.',
  steps: [
    {
      id: 'situation',
      title: 'What happened?',
      prompt:
        'Pick a moment when your mood changed. A small upset is best to start with, not the hardest thing in your life.',
      fields: [
        {
          id: 'situation',
          kind: 'long-text',
          label: 'Where were you, who was there, and what happened?',
          help: 'Write just the facts, as a camera would see them.',
        },
      ],
    },
    {
      id: 'feelings',
      title: 'How did you feel?',
      prompt: 'Name each feeling, and say how strong it was from 0 to 100.',
      fields: [
        {
          id: 'feelings',
          kind: 'rows',
          label: 'Your feelings',
          help: 'For example: worried, sad, embarrassed, angry, lonely.',
          minRows: 1,
          maxRows: 6,
          columns: [
            { id: 'feeling', kind: 'text', label: 'Feeling' },
            { id: 'strength', label: 'How strong', ...FEELING_STRENGTH },
          ],
        },
      ],
    },
    {
      id: 'thought',
      title: 'What went through your mind?',
      prompt: 'Write down the thought that upset you most, in the words it came to you.',
      fields: [
        { id: 'thought', kind: 'long-text', label: 'The thought' },
        { id: 'belief', label: 'How much do you believe it right now?', ...BELIEF },
        {
          id: 'traps',
          kind: 'thinking-traps',
          label: 'Thinking traps that might fit',
          help: 'We suggest some from your words. You decide which fit, if any.',
          from: { step: 'thought', field: 'thought' },
        },
      ],
    },
    {
      id: 'evidence',
      title: 'Look at the facts',
      prompt: 'List what supports the thought and what does not fit it. Stick to things you know.',
      fields: [
        {
          id: 'for',
          kind: 'list',
          label: 'Facts that support the thought',
          minItems: 1,
          maxItems: 8,
        },
        {
          id: 'against',
          kind: 'list',
          label: 'Facts that do not fit the thought',
          help: 'What would a kind friend point out?',
          minItems: 1,
          maxItems: 8,
        },
      ],
    },
    {
      id: 'balanced',
      title: 'A fairer thought',
      prompt: 'Write a thought that takes in all the facts, not only the worrying ones.',
      fields: [
        { id: 'balanced', kind: 'long-text', label: 'Your fairer thought' },
        { id: 'balancedBelief', label: 'How much do you believe the fairer thought?', ...BELIEF },
      ],
    },
    {
      id: 'rerate',
      title: 'How do you feel now?',
      prompt: 'Rate your feelings again, and how much you now believe the first thought.',
      fields: [
        {
          id: 'feelingsAfter',
          kind: 'rows',
          label: 'Your feelings now',
          minRows: 1,
          maxRows: 6,
          columns: [
            { id: 'feeling', kind: 'text', label: 'Feeling' },
            { id: 'strength', label: 'How strong now', ...FEELING_STRENGTH },
          ],
        },
        {
          id: 'originalBelief',
          label: 'How much do you believe the first thought now?',
          ...BELIEF,
        },
        { id: 'nextTime', kind: 'text', label: 'Anything you might do next time?' },
      ],
    },
  ],
  keepInView: [
    { step: 'situation', field: 'situation' },
    { step: 'thought', field: 'thought' },
  ],
  safetyNotes: [
    'Start with a small upset. You can work up to bigger ones later.',
    'If you are afraid of someone, your fear may be telling you something true. This exercise is not for that: please use Get help now to find people who can help you stay safe.',
    'If a thought is about hurting yourself, stop here and use Get help now.',
  ],
  workedExample: {
    intro:
      'Priya, 29, sent her friend Maya a message saying she was feeling low. Hours went by with no reply.',
    answers: {
      situation: {
        situation:
          'Tuesday evening at home. I messaged Maya to say I was having a rough week. Five hours later she still had not replied.',
      },
      feelings: {
        feelings: [
          { feeling: 'Worried', strength: 70 },
          { feeling: 'Embarrassed', strength: 60 },
        ],
      },
      thought: {
        thought: 'I have said too much. She thinks I am needy and she is backing off.',
        belief: 80,
        traps: ['mind-reading', 'fortune-telling'],
      },
      evidence: {
        for: ['She usually replies within an hour.', 'She cancelled our coffee last month.'],
        against: [
          'On Monday she told me she had a big work deadline this week.',
          'She has said more than once that she wants me to tell her when I am struggling.',
          'When she cancelled coffee, she rebooked it for the same week.',
        ],
      },
      balanced: {
        balanced:
          'Maya is probably busy with her deadline. She has shown me many times that she cares. If I still feel worried tomorrow, I can ask her how she is.',
        balancedBelief: 65,
      },
      rerate: {
        feelingsAfter: [
          { feeling: 'Worried', strength: 35 },
          { feeling: 'Embarrassed', strength: 25 },
        ],
        originalBelief: 25,
        nextTime:
          'Wait a little before deciding what a silence means, and think of other reasons for it.',
      },
    },
  },
};

export const BEHAVIOURAL_EXPERIMENT: Exercise = {
  id: 'behavioural-experiment',
  version: 1,
  title: 'Behavioural experiment',
  nameInSentence: 'a behavioural experiment',
  modality: 'cbt',
  targets: ['trust', 'anxiety', 'avoidance'],
  minutes: 20,
  intensity: 3,
  exposure: true,
  questionsFears: true,
  needsPartner: false,
  involvesSomeone: true,
  pausedWhenUnsafe: true,
  topics: ['facing-fears', 'talking-to-someone'],
  summary:
    'Test a fear in a small, safe way, and find out what really happens instead of what you expect.',
  steps: [
    {
      id: 'belief',
      title: 'The belief to test',
      prompt: 'Write down a belief that holds you back from being close to people.',
      fields: [
        { id: 'belief', kind: 'text', label: 'What do you believe will happen?' },
        { id: 'beliefRating', label: 'How much do you believe it, from 0 to 100 %?', ...BELIEF },
      ],
    },
    {
      id: 'plan',
      title: 'Plan the experiment',
      prompt: 'Think of a small, safe way to test the belief this week.',
      fields: [
        {
          id: 'experiment',
          kind: 'long-text',
          label: 'What will you do, when, and with whom?',
          help: 'Choose something small enough that you could really do it this week.',
        },
        {
          id: 'safetyHabit',
          kind: 'text',
          label: 'What do you usually do to protect yourself that you could try without this time?',
          help: 'For example: making a joke straight away, or keeping it very short.',
        },
      ],
    },
    {
      id: 'prediction',
      title: 'Your prediction',
      prompt: 'Say exactly what you expect to happen, so you can check it afterwards.',
      fields: [
        { id: 'prediction', kind: 'long-text', label: 'What do you predict will happen?' },
        { id: 'howToTell', kind: 'text', label: 'How will you know if it happened?' },
      ],
    },
    {
      id: 'outcome',
      title: 'What happened',
      prompt: 'After the experiment, write what really happened.',
      fields: [{ id: 'outcome', kind: 'long-text', label: 'What actually happened?' }],
    },
    {
      id: 'learned',
      title: 'What you learned',
      prompt: 'Compare what happened with what you predicted.',
      fields: [
        { id: 'learned', kind: 'long-text', label: 'What did you learn?' },
        { id: 'beliefAfter', label: 'How much do you believe the first belief now?', ...BELIEF },
        { id: 'next', kind: 'text', label: 'What could you test next?' },
      ],
    },
  ],
  keepInView: [
    { step: 'belief', field: 'belief' },
    { step: 'prediction', field: 'prediction' },
  ],
  safetyNotes: [
    'Choose an experiment that is safe. Never test a fear that someone might hurt you.',
    'Feeling nervous is normal. If the feeling gets too much, stop, breathe slowly, and try a smaller step another time.',
    'This exercise is paused while your answers or notes suggest things are very hard, or that you feel unsafe with someone.',
  ],
  workedExample: {
    intro: 'Tom, 41, keeps his worries to himself, even with friends he has known for years.',
    answers: {
      belief: {
        belief:
          'If I tell my friends I am having a hard time, they will think I am weak and drift away.',
        beliefRating: 80,
      },
      plan: {
        experiment:
          'On Saturday after football, tell Dan that work has been tough and I have been feeling flat.',
        safetyHabit: 'Making a joke straight after, so it does not sound serious.',
      },
      prediction: {
        prediction:
          'Dan will look awkward, change the subject, and message me less over the next week.',
        howToTell: 'Whether he changes the subject, and whether he gets in touch this week.',
      },
      outcome: {
        outcome:
          'Dan listened. He said he had a rough patch last year too. On Tuesday he texted to ask how I was doing.',
      },
      learned: {
        learned:
          'Opening up a little did not push him away. It made us talk more honestly than we have in ages.',
        beliefAfter: 35,
        next: 'Tell my sister how I have really been.',
      },
    },
  },
};

export const CLOSENESS_LADDER: Exercise = {
  id: 'closeness-ladder',
  version: 1,
  title: 'Closeness ladder',
  nameInSentence: 'the closeness ladder',
  modality: 'cbt',
  targets: ['avoidance', 'sharing', 'anxiety'],
  minutes: 15,
  intensity: 3,
  exposure: true,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: true,
  pausedWhenUnsafe: true,
  topics: ['facing-fears', 'talking-to-someone'],
  summary:
    'Build a ladder of small steps towards closeness, from easy to hard, and climb it one rung at a time over the weeks.',
  steps: [
    {
      id: 'goal',
      title: 'Where the ladder leads',
      prompt:
        'Think about the kind of closeness you would like, and who feels safe to practise with.',
      fields: [
        { id: 'goal', kind: 'text', label: 'Where would you like the ladder to take you?' },
        {
          id: 'person',
          kind: 'text',
          label: 'Who feels safe enough to practise with?',
          help: 'A friend, a relative or a partner who treats you kindly.',
        },
      ],
    },
    {
      id: 'ladder',
      title: 'Build your ladder',
      prompt:
        'Write 8 to 15 steps, from easiest to hardest. Rate how hard each one feels, from 0 to 100.',
      fields: [
        {
          id: 'rungs',
          kind: 'rows',
          label: 'Your steps',
          help: 'Start with steps that feel about 10 to 30. Keep the gaps between steps small.',
          minRows: 8,
          maxRows: 15,
          columns: [
            { id: 'step', kind: 'text', label: 'The step' },
            { id: 'expected', label: 'How hard it feels', ...DISTRESS },
          ],
        },
      ],
    },
    {
      id: 'before',
      title: 'Before you try a step',
      prompt: 'Choose the lowest step you have not yet managed, and predict how it will feel.',
      fields: [
        {
          id: 'rung',
          kind: 'pick-row',
          label: 'Which step will you try?',
          from: { step: 'ladder', field: 'rungs' },
        },
        { id: 'predicted', label: 'How hard do you think it will be?', ...DISTRESS },
        { id: 'when', kind: 'text', label: 'When will you try it?' },
      ],
    },
    {
      id: 'after',
      title: 'After you try it',
      prompt: 'Rate how hard it really was, and notice what happened.',
      fields: [
        { id: 'actual', label: 'How hard was it really?', ...DISTRESS },
        { id: 'happened', kind: 'long-text', label: 'What happened?' },
        { id: 'learned', kind: 'text', label: 'What did you notice or learn?' },
        {
          id: 'nextStep',
          kind: 'choice',
          label: 'What next?',
          options: [
            { id: 'repeat', label: 'Do this step again' },
            { id: 'next', label: 'Move up to the next step' },
            { id: 'smaller', label: 'Add a smaller step first' },
          ],
        },
      ],
    },
  ],
  keepInView: [
    { step: 'goal', field: 'goal' },
    { step: 'before', field: 'rung' },
  ],
  safetyNotes: [
    'Only practise with people who treat you with care. Closeness should never be forced.',
    'Physical closeness is always your choice. You can say no or stop at any time.',
    'It is fine to stay on a step, repeat it, or add a smaller one. Move up when a step starts to feel manageable.',
    'If you feel panicky, stop and try paced breathing. This exercise is paused while your answers suggest things are very hard, or that you feel unsafe with someone.',
  ],
  workedExample: {
    intro:
      'Aisha, 33, chats easily with her partner Jordan about everyday things, but freezes when it comes to her worries.',
    answers: {
      goal: {
        goal: 'To talk to Jordan about my worries, not just about what we did today.',
        person: 'Jordan',
      },
      ladder: {
        rungs: [
          { step: 'Tell Jordan one good thing about my day', expected: 10 },
          { step: 'Say "I missed you" when Jordan gets home', expected: 20 },
          { step: 'Tell Jordan about a small worry at work', expected: 30 },
          { step: 'Hold hands while we talk about our week', expected: 35 },
          { step: 'Share a school memory I usually keep quiet', expected: 45 },
          { step: 'Say when something Jordan said hurt a little', expected: 55 },
          { step: 'Say what I am afraid of in our relationship', expected: 70 },
          { step: 'Talk about my parents splitting up and how it still affects me', expected: 85 },
        ],
      },
      before: {
        rung: 'Tell Jordan about a small worry at work',
        predicted: 40,
        when: 'Sunday evening, on our walk',
      },
      after: {
        actual: 20,
        happened:
          'Jordan listened and asked a kind question. I felt shaky for the first minute, then it passed.',
        learned: 'The build-up was harder than the doing.',
        nextStep: 'next',
      },
    },
  },
};

export const CONFIDENCE_BUILDERS: Exercise = {
  id: 'confidence-builders',
  version: 1,
  title: 'Confidence builders',
  nameInSentence: 'confidence builders',
  modality: 'cbt',
  targets: ['self-esteem', 'coping', 'avoidance'],
  minutes: 10,
  intensity: 1,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: [],
  summary:
    'Plan a few activities that give you a sense of achievement or enjoyment, then log how they went.',
  steps: [
    {
      id: 'plan',
      title: 'Plan your week',
      prompt:
        'Choose a few activities for the week. Mix things you enjoy with things that make you feel capable.',
      fields: [
        {
          id: 'activities',
          kind: 'rows',
          label: 'Your activities',
          help: 'Ideas: a walk or a swim, cooking something new, an hour of volunteering, a class, calling a friend.',
          minRows: 1,
          maxRows: 7,
          columns: [
            { id: 'activity', kind: 'text', label: 'Activity' },
            { id: 'when', kind: 'text', label: 'When' },
            {
              id: 'kind',
              kind: 'choice',
              label: 'What it gives you',
              options: [
                { id: 'mastery', label: 'A sense of achievement' },
                { id: 'enjoyment', label: 'Enjoyment' },
                { id: 'both', label: 'Both' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'log',
      title: 'Log how it went',
      prompt:
        'After each activity, rate how capable you felt (mastery) and how much you enjoyed it, from 0 to 10.',
      fields: [
        {
          id: 'log',
          kind: 'rows',
          label: 'What you did',
          minRows: 1,
          maxRows: 7,
          columns: [
            { id: 'activity', kind: 'text', label: 'Activity' },
            {
              id: 'done',
              kind: 'choice',
              label: 'Did you do it?',
              options: [
                { id: 'yes', label: 'Yes' },
                { id: 'partly', label: 'Partly' },
                { id: 'no', label: 'Not this time' },
              ],
            },
            {
              id: 'mastery',
              kind: 'rating-0-10',
              label: 'Mastery',
              lowLabel: 'Not capable at all',
              highLabel: 'Very capable',
            },
            {
              id: 'enjoyment',
              kind: 'rating-0-10',
              label: 'Enjoyment',
              lowLabel: 'No enjoyment',
              highLabel: 'Loved it',
            },
          ],
        },
      ],
    },
    {
      id: 'reflect',
      title: 'Looking back',
      prompt: 'Notice what lifted you, even a little.',
      fields: [
        { id: 'noticed', kind: 'long-text', label: 'What did you notice?' },
        { id: 'next', kind: 'text', label: 'One thing to plan for next week' },
      ],
    },
  ],
  keepInView: [{ step: 'plan', field: 'activities' }],
  safetyNotes: [
    'Start small. A ten-minute walk counts.',
    'If you cannot get going at all for weeks at a time, or you lose interest in everything, please talk to your GP.',
  ],
  workedExample: {
    intro: 'Marcus, 52, has felt flat since his divorce and has stopped doing much outside work.',
    answers: {
      plan: {
        activities: [
          { activity: 'Swim 20 lengths', when: 'Tuesday before work', kind: 'both' },
          { activity: 'Help at the food bank', when: 'Saturday morning', kind: 'mastery' },
          { activity: "Cook my gran's curry recipe", when: 'Sunday afternoon', kind: 'enjoyment' },
        ],
      },
      log: {
        log: [
          { activity: 'Swim 20 lengths', done: 'yes', mastery: 7, enjoyment: 6 },
          { activity: 'Help at the food bank', done: 'yes', mastery: 6, enjoyment: 8 },
          { activity: "Cook my gran's curry recipe", done: 'partly', mastery: 4, enjoyment: 7 },
        ],
      },
      reflect: {
        noticed:
          'I felt better on the days I did something, even when I did not want to start. Chatting at the food bank was easier than I expected.',
        next: 'Ask about the Thursday shift at the food bank.',
      },
    },
  },
};
