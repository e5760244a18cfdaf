/**
 * Psychodynamic exercises: understanding how old relationships shape closeness today. The
 * pattern reflection follows what a person wished for, how the other person responded, and
 * how they responded in turn, so that repeating patterns can show across episodes.
 */
import type { Exercise } from './catalogue.model';

export const RELATIONSHIP_PATTERN: Exercise = {
  id: 'relationship-pattern',
  version: 1,
  title: 'Relationship pattern reflection',
  nameInSentence: 'a relationship pattern reflection',
  modality: 'psychodynamic',
  targets: ['relational-trauma', 'trust', 'avoidance'],
  minutes: 20,
  intensity: 2,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: ['past-relationships'],
  summary:
    'Look at a recent moment with someone close: what you wished for, how they responded, and how you responded. Over time, patterns start to show.',
  steps: [
    {
      id: 'episode',
      title: 'A recent moment',
      prompt: 'Choose a recent moment with someone close that left you feeling stirred up.',
      fields: [
        {
          id: 'episode',
          kind: 'long-text',
          label: 'What happened?',
          help: 'A partner, a friend or a relative. Just the main events.',
        },
      ],
    },
    {
      id: 'wish',
      title: 'What you wished for',
      prompt: 'Under the surface, what did you want from them?',
      fields: [{ id: 'wish', kind: 'text', label: 'What did you wish for?' }],
    },
    {
      id: 'other',
      title: 'How they responded',
      prompt: 'Write what they did, or what you expected them to do.',
      fields: [
        {
          id: 'other',
          kind: 'text',
          label: 'How did they respond, or how did you expect them to?',
        },
      ],
    },
    {
      id: 'me',
      title: 'How you responded',
      prompt: 'Notice what you felt inside, and what you did.',
      fields: [{ id: 'me', kind: 'text', label: 'How did you respond?' }],
    },
    {
      id: 'pattern',
      title: 'Looking for a pattern',
      prompt:
        'Think of other times, now or long ago, when something similar happened. Your earlier reflections can help.',
      fields: [
        {
          id: 'otherTimes',
          kind: 'list',
          label: 'Other times something like this happened',
          minItems: 1,
          maxItems: 5,
        },
        { id: 'pattern', kind: 'long-text', label: 'What pattern do you notice?' },
        { id: 'different', kind: 'text', label: 'What might you try differently next time?' },
      ],
    },
  ],
  keepInView: [{ step: 'episode', field: 'episode' }],
  safetyNotes: [
    'This is about understanding, not blame: not of you, and not of anyone else.',
    'If a moment you think about involves someone hurting or frightening you, please look at Get help now. You deserve support, not only reflection.',
  ],
  workedExample: {
    intro: 'Hannah, 28, often goes quiet when she feels let down.',
    answers: {
      episode: {
        episode:
          'My boyfriend Kai said he was too tired to come to my friend’s birthday. I said "fine" and went alone. The next day I barely spoke to him.',
      },
      wish: { wish: 'To feel that I matter to him and that he wants to be part of my life.' },
      other: {
        other:
          'He stayed at home. I expected him to think my friends are boring and that I am too needy.',
      },
      me: { me: 'I felt rejected but hid it. I went cold and kept my distance.' },
      pattern: {
        otherTimes: [
          'When my dad missed my school play, I told him I did not care.',
          'When my best friend moved away, I stopped replying to her first.',
        ],
        pattern:
          'When I feel let down, I act as if I do not need anyone, so I cannot be hurt again. Then people do not see that I wanted them.',
        different: 'Tell Kai I was disappointed, and that I would love him to come next time.',
      },
    },
  },
};

export const ATTACHMENT_HISTORY: Exercise = {
  id: 'attachment-history',
  version: 1,
  title: 'Attachment history prompts',
  nameInSentence: 'the attachment history prompts',
  modality: 'psychodynamic',
  targets: ['childhood', 'relational-trauma', 'trust'],
  minutes: 20,
  intensity: 3,
  exposure: false,
  questionsFears: false,
  needsPartner: false,
  involvesSomeone: false,
  pausedWhenUnsafe: false,
  topics: ['childhood-memories'],
  summary:
    'Journal questions about the people who looked after you when you were young, and what those years taught you about closeness.',
  steps: [
    {
      id: 'people',
      title: 'The people who looked after you',
      prompt: 'Think about the adults who cared for you when you were small.',
      fields: [
        {
          id: 'people',
          kind: 'long-text',
          label: 'Who looked after you when you were young? What were they like?',
        },
        {
          id: 'words',
          kind: 'list',
          label: 'A few words for how it felt to be close to them',
          minItems: 1,
          maxItems: 5,
        },
      ],
    },
    {
      id: 'upset',
      title: 'When you were upset',
      prompt: 'Think of times you were hurt, scared or sad as a child.',
      fields: [
        {
          id: 'upset',
          kind: 'long-text',
          label: 'What usually happened when you were upset?',
          help: 'Who did you go to, if anyone? How did they respond?',
        },
      ],
    },
    {
      id: 'lessons',
      title: 'What you learned',
      prompt: 'Children learn quietly from how they are treated.',
      fields: [
        {
          id: 'lessons',
          kind: 'long-text',
          label: 'What did those years teach you about needing people?',
        },
      ],
    },
    {
      id: 'now',
      title: 'Those lessons today',
      prompt: 'Notice where those lessons show up in your life now.',
      fields: [
        { id: 'now', kind: 'long-text', label: 'Where do you see those lessons now?' },
        { id: 'keep', kind: 'text', label: 'What would you like to keep?' },
        { id: 'change', kind: 'text', label: 'What would you like to change?' },
      ],
    },
    {
      id: 'afterwards',
      title: 'Taking care',
      prompt: 'These questions can stir things up. Check in with yourself before you go.',
      fields: [
        {
          id: 'feeling',
          kind: 'rating-0-10',
          label: 'How are you feeling now?',
          lowLabel: 'Calm',
          highLabel: 'Very upset',
        },
        { id: 'care', kind: 'text', label: 'What will you do next to look after yourself?' },
      ],
    },
  ],
  keepInView: [],
  safetyNotes: [
    'These questions can bring back painful memories. You can skip any question and stop at any time.',
    'Choose a calm day for this, not a day when you are already very upset.',
    'If you remember being hurt or neglected and it feels like too much, please talk to a professional. Get help now can help you find support.',
  ],
  workedExample: {
    intro: 'Ben, 38, finds it hard to let his partner see him struggle.',
    answers: {
      people: {
        people:
          'Mostly my mum. She worked two jobs and was often tired. My grandad was the fun one. He took me fishing on Sundays.',
        words: ['Loving', 'Busy', 'Careful'],
      },
      upset: {
        upset:
          'I usually kept it to myself. If I cried, Mum looked so worn out that I felt guilty. Grandad would just sit with me, which helped.',
      },
      lessons: {
        lessons:
          'That my feelings were a burden, and that it was better to sort things out on my own.',
      },
      now: {
        now: 'I do not tell my partner when I am struggling. I wait until I have fixed it, then mention it as if it was nothing.',
        keep: 'Being able to cope, and Grandad’s way of just being there.',
        change: 'Letting people help me before I have worked everything out.',
      },
      afterwards: {
        feeling: 4,
        care: 'Make a cup of tea and ring my sister for a chat about something light.',
      },
    },
  },
};
