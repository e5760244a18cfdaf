/**
 * Relational exercises: saying what you feel and need, setting limits, and listening. They
 * are practised with real people, so each safety note says: only with people who feel safe.
 */
import type { Exercise } from './catalogue.model';

const CONFIDENCE = {
  kind: 'rating-0-10',
  lowLabel: 'Not at all',
  highLabel: 'Very',
} as const;

export const I_STATEMENT_BUILDER: Exercise = {
  id: 'i-statement-builder',
  version: 1,
  title: 'I-statement builder',
  nameInSentence: 'the I-statement builder',
  modality: 'relational',
  targets: ['sharing', 'trust'],
  minutes: 10,
  intensity: 1,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: true,
  pausedWhenUnsafe: true,
  topics: ['talking-to-someone'],
  summary:
    'Turn a hard feeling into calm words: what happened, how you felt, and what you need. A gentle start makes a talk far more likely to go well.',
  steps: [
    {
      id: 'situation',
      title: 'What happened',
      prompt: 'Think of something someone did that left you with a hard feeling.',
      fields: [
        {
          id: 'who',
          kind: 'text',
          label: 'Who is this for?',
          help: 'Choose someone who treats you with care.',
        },
        {
          id: 'what',
          kind: 'text',
          label: 'What did they do or say?',
          help: 'Describe it as a camera would, without judging.',
        },
      ],
    },
    {
      id: 'parts',
      title: 'Your feeling and your need',
      prompt: 'Name the feeling, then think about what would help.',
      fields: [
        {
          id: 'feeling',
          kind: 'text',
          label: 'How did you feel?',
          help: 'One or two words, such as hurt, lonely, worried or left out.',
        },
        {
          id: 'need',
          kind: 'text',
          label: 'What do you need?',
          help: 'Something the other person could actually do.',
        },
      ],
    },
    {
      id: 'startup',
      title: 'Your gentle start',
      prompt:
        'Put it together: "When …, I felt …, and I would like …". Start softly, talk about yourself, and ask for one thing.',
      fields: [
        {
          id: 'statement',
          kind: 'long-text',
          label: 'What you will say',
          help: 'We point out words like "always", "never" or "you make me", which can sound like blame. You decide whether to change them.',
          checks: 'blame-words',
        },
        { id: 'calm', label: 'How calm and kind does it sound to you?', ...CONFIDENCE },
      ],
    },
    {
      id: 'when',
      title: 'Choosing a moment',
      prompt: 'A calm moment works better than the middle of an argument.',
      fields: [{ id: 'moment', kind: 'text', label: 'When could you say it?' }],
    },
  ],
  keepInView: [{ step: 'situation', field: 'what' }],
  safetyNotes: [
    'Writing it down is already useful practice. Saying it out loud is your choice.',
    'If you feel afraid of someone, you do not owe them this talk. Practise with people who feel safe, and look at Get help now for support.',
  ],
  workedExample: {
    intro: 'Sam, 26, felt ignored when their partner Alex scrolled on the phone during a chat.',
    answers: {
      situation: {
        who: 'Alex, my partner',
        what: 'Alex looked at their phone while I was telling them about my day.',
      },
      parts: {
        feeling: 'Unimportant and a bit lonely',
        need: 'Ten minutes to talk in the evening, with our phones put away',
      },
      startup: {
        statement:
          'When you looked at your phone while I was talking about my day, I felt unimportant and a bit lonely. Could we have ten minutes each evening to talk with our phones put away?',
        calm: 8,
      },
      when: { moment: 'Tonight after dinner, when we are both relaxed' },
    },
  },
};

export const BOUNDARY_SCRIPT_BUILDER: Exercise = {
  id: 'boundary-script-builder',
  version: 1,
  title: 'Boundary script builder',
  nameInSentence: 'the boundary script builder',
  modality: 'relational',
  targets: ['self-esteem', 'trust', 'relational-trauma'],
  minutes: 15,
  intensity: 2,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: true,
  pausedWhenUnsafe: true,
  topics: ['talking-to-someone'],
  summary:
    'Work out what you need, what you will do, and the words you will use to say it kindly and clearly.',
  steps: [
    {
      id: 'need',
      title: 'What you need',
      prompt: 'Think of a situation where your limits are not being respected.',
      fields: [
        { id: 'who', kind: 'text', label: 'Who is it with?' },
        { id: 'situation', kind: 'text', label: 'What keeps happening?' },
        { id: 'need', kind: 'text', label: 'What do you need?' },
      ],
    },
    {
      id: 'action',
      title: 'What you will do',
      prompt: 'A boundary is about your own actions. You cannot control how someone else reacts.',
      fields: [
        {
          id: 'willDo',
          kind: 'text',
          label: 'What will you do if it keeps happening?',
          help: 'For example: end the call, leave the room, or say no to the next request.',
        },
      ],
    },
    {
      id: 'words',
      title: 'How you will say it',
      prompt: 'Keep it short, kind and clear. You do not need to give lots of reasons.',
      fields: [
        {
          id: 'script',
          kind: 'long-text',
          label: 'Your words',
          help: 'We point out words that can sound like blame. You decide whether to change them.',
          checks: 'blame-words',
        },
        { id: 'confidence', label: 'How confident do you feel about saying it?', ...CONFIDENCE },
      ],
    },
    {
      id: 'aftercare',
      title: 'Looking after yourself',
      prompt: 'Setting a limit can feel wobbly, even when it goes well.',
      fields: [{ id: 'care', kind: 'text', label: 'How will you look after yourself afterwards?' }],
    },
  ],
  keepInView: [{ step: 'need', field: 'need' }],
  safetyNotes: [
    'If someone might become angry or dangerous when you set a limit, please do not do this alone. Get help now lists services that can help you plan safely.',
    'Boundaries are about what you will do. How the other person reacts is not your responsibility.',
  ],
  workedExample: {
    intro: 'Elena, 37, loves her mum but dreads her nightly phone calls.',
    answers: {
      need: {
        who: 'My mum',
        situation:
          'Mum rings every evening and asks if I am seeing anyone. I end up feeling judged.',
        need: 'To talk a few times a week, about other things too.',
      },
      action: {
        willDo:
          'If the questions start, I will change the subject once. If they carry on, I will say goodbye kindly and end the call.',
      },
      words: {
        script:
          'Mum, I love talking to you. I would like us to chat on Wednesdays and Sundays. If I meet someone, I will tell you when I am ready. If the questions start, I will say goodbye and we can talk another day.',
        confidence: 6,
      },
      aftercare: { care: 'Go for a short walk after the call and message my friend Rosa.' },
    },
  },
};

export const SPEAKER_LISTENER: Exercise = {
  id: 'speaker-listener',
  version: 1,
  title: 'Speaker–listener practice',
  nameInSentence: 'speaker–listener practice',
  modality: 'relational',
  targets: ['sharing', 'trust', 'avoidance'],
  minutes: 20,
  intensity: 2,
  exposure: false,
  questionsFears: false,
  needsPartner: true,
  involvesSomeone: true,
  pausedWhenUnsafe: true,
  topics: ['talking-to-someone'],
  summary:
    'Take turns to speak and to listen, and practise saying back what you heard without rushing to fix it. For now you rehearse on your own; later you can invite a partner.',
  steps: [
    {
      id: 'topic',
      title: 'Choose a topic',
      prompt: 'Pick something small to practise with, not the biggest problem between you.',
      fields: [{ id: 'topic', kind: 'text', label: 'What would you like to talk about?' }],
    },
    {
      id: 'speak',
      title: 'Your turn to speak',
      prompt: 'Say how you feel in short pieces, so it is easy to take in. Talk about yourself.',
      fields: [
        {
          id: 'points',
          kind: 'list',
          label: 'What you want to say, one piece at a time',
          minItems: 1,
          maxItems: 4,
        },
      ],
    },
    {
      id: 'listen',
      title: 'Your turn to listen',
      prompt:
        'Imagine what your partner might say. Then say back what you heard, without arguing or solving it yet.',
      fields: [
        { id: 'theirWords', kind: 'long-text', label: 'What might your partner say?' },
        {
          id: 'paraphrase',
          kind: 'long-text',
          label: 'Say back what you heard',
          help: 'Start with "What I heard you say is…" and end by checking: "Did I get that right?"',
        },
      ],
    },
    {
      id: 'reflect',
      title: 'Looking back',
      prompt: 'Listening without fixing is hard for most people. Notice how it went.',
      fields: [
        {
          id: 'stayed',
          kind: 'choice',
          label: 'Did you stay with listening, without fixing?',
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'mostly', label: 'Mostly' },
            { id: 'not-yet', label: 'Not yet' },
          ],
        },
        { id: 'hardest', kind: 'text', label: 'What was the hardest part?' },
      ],
    },
  ],
  keepInView: [{ step: 'topic', field: 'topic' }],
  safetyNotes: [
    'Only practise this with a partner who treats you with care. If you feel afraid of a partner, this is not the right exercise: please look at Get help now.',
    'Before practising together, agree a word either of you can say to pause.',
    'Practising with a partner comes later, after a short safety check. For now this is a solo rehearsal.',
  ],
  workedExample: {
    intro: 'Dev, 31, wants to talk to his partner Nina about weekends without it becoming a row.',
    answers: {
      topic: { topic: 'How we spend our weekends' },
      speak: {
        points: [
          'I love our time together, and I also need a little time on my own.',
          'When every weekend is full of plans, I get tired and snappy.',
          'I would like one quiet morning each weekend.',
        ],
      },
      listen: {
        theirWords:
          'Nina might say: "I worry that when you want time alone, you do not want to be with me. Weekends are the only time we really see each other."',
        paraphrase:
          'What I heard you say is that weekends matter to you because we are both busy in the week, and when I ask for time alone, you worry I am pulling away. Did I get that right?',
      },
      reflect: {
        stayed: 'mostly',
        hardest:
          'Not jumping in to explain that I am not pulling away. I wanted to fix her worry straight away.',
      },
    },
  },
};
