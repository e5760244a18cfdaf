/**
 * The one risk check for every piece of free text Closer saves (`assessRisk`). Rule-based and
 * explainable: each rule is a pattern over the normalised words of one clause (see
 * risk-normalise.ts for spelling, text-speak and disguise), and each match is returned with
 * the person's own words, so anyone can see why help was shown. No network, no model; it runs
 * in the browser offline and on the server. It never blocks a save: it only decides which
 * help to show at once.
 *
 * Levels, most severe first: `crisis` (intent, plans or a wish to die or to harm oneself or
 * someone else), `safeguarding` (abuse, coercion, violence against the writer, being made to
 * do things, fear of a partner, a child at risk), `concern` (low mood, hopelessness, feeling a
 * burden; risk talk that is in the past or about someone else), `none`. When both crisis and
 * safeguarding rules fire the level is `crisis` and both reasons are kept: a person at risk of
 * harming themselves needs the emergency line first, then the specialist lines.
 */
import { normaliseForRisk, type RiskText } from './risk-normalise';

export type RiskLevel = 'none' | 'concern' | 'crisis' | 'safeguarding';

export interface RiskReason {
  level: Exclude<RiskLevel, 'none'>;
  rule: string;
  /** The words in the person's text that matched. */
  match: string;
}

export interface RiskAssessment {
  level: RiskLevel;
  reasons: RiskReason[];
}

/** Severity order: crisis, then safeguarding, then concern, then none. */
export const RISK_LEVEL_ORDER: readonly RiskLevel[] = ['none', 'concern', 'safeguarding', 'crisis'];

export function moreSevere(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVEL_ORDER.indexOf(a) >= RISK_LEVEL_ORDER.indexOf(b) ? a : b;
}

interface Rule {
  id: string;
  level: Exclude<RiskLevel, 'none'>;
  pattern: RegExp;
  /** A negation (not, never, no…) shortly before the match cancels it. */
  negatable?: boolean;
  /** Matches that are really an idiom or something else. */
  unless?: RegExp;
  /** If this also matches the clause, the finding is about the past or someone else: concern. */
  softenedBy?: RegExp;
}

const SELF = '(?:myself|me)';
const HARM_VERB = '(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|strangle|suffocate|drown|poison|stab|shoot|starve|burn|burning)';
const PARTNER =
  '(?:he|she|they|name|partner|husband|wife|boyfriend|girlfriend|ex|fiance|dad|father|mum|mother|stepdad|stepmum|brother|sister|uncle|boss|flatmate|him|her)';
const CHILD = '(?:son|daughter|child|children|kid|kids|baby|little one|stepson|stepdaughter|grandson|granddaughter)';
const PAST_OR_OTHERS =
  /\b(?:used to|years ago|when i was (?:younger|a teenager|a kid|at school|\d+)|in the past|back then|my (?:friend|cousin|uncle|aunt|brother|sister|dad|mum|colleague)s?|(?:a|the) character|in the (?:book|film|show|news)|he|she|they) /;
const NEGATION = /\b(?:not|never|no|nobody|nothing|without|neither|nor|stopped|stop)\b/;

const RULES: readonly Rule[] = [
  // Crisis: suicide, self-harm, harm to others.
  {
    id: 'suicide-wish',
    level: 'crisis',
    pattern: /\b(?:want to|wanna|wish i could|ready to|going to|plan to|planning to|need to|just want to) die(?: tonight| now| today| already| soon| so much| honestly)?(?: \|)?$/,
    negatable: true,
  },
  { id: 'suicide-wish', level: 'crisis', pattern: /\bwish i (?:was|were) (?:dead|gone|not alive|not here|never born)\b/, negatable: true },
  { id: 'suicide-wish', level: 'crisis', pattern: /\bwish i had never been born\b/ },
  {
    id: 'suicide-wish',
    level: 'crisis',
    pattern: /\bdo not want to (?:live|be alive|exist|go on|carry on)\b|\bdo not want to be here(?: anymore| at all)?$|\bdo not want to wake up(?: tomorrow| again| ever| anymore)?$/,
  },
  { id: 'suicide-wish', level: 'crisis', pattern: /\b(?:not sure|unsure|do not know if) i (?:want to|wanna|can) (?:live|be alive|be here|go on|carry on)\b/ },
  { id: 'suicide-wish', level: 'crisis', pattern: /\btired of (?:being alive|living|life|existing)\b|\bdone with (?:life|living|being alive)\b/ },
  { id: 'suicide-wish', level: 'crisis', pattern: /\b(?:better off|be better) (?:dead|without me)\b|\bwould (?:all )?be better off without me\b/, negatable: true },
  { id: 'suicide-wish', level: 'crisis', pattern: /\bnobody would (?:even )?(?:notice|care|miss me) if i (?:disappeared|died|was gone|were gone|killed)/ },
  {
    id: 'suicide-intent',
    level: 'crisis',
    pattern: new RegExp(`\\b${HARM_VERB} ${SELF}\\b`),
    negatable: true,
    unless: /\b(?:killed|killing|kill) (?:myself|me) laughing\b|\b(?:nearly|almost) (?:killed|kill) myself\b|\bkilling me\b|\bkill myself over\b|\bhurt myself (?:at the gym|playing|running|lifting)\b|\bcut myself (?:shaving|cooking|on)\b/,
    softenedBy: PAST_OR_OTHERS,
  },
  {
    id: 'suicide-intent',
    level: 'crisis',
    pattern: /\bend(?:ing)? (?:it all|my life|my own life|things|everything|it tonight)\b|\btake my (?:own )?life\b|\btaking my (?:own )?life\b/,
    negatable: true,
    softenedBy: PAST_OR_OTHERS,
  },
  {
    id: 'suicide-intent',
    level: 'crisis',
    pattern: /\bsuicid(?:e|al)\b|\bunalive\b|\bself harm(?:ing)?\b/,
    negatable: true,
    softenedBy: /\b(?:died by|committed|lost (?:him|her|them) to|(?:his|her|their) suicide|prevention|awareness|used to|years ago|in the past)\b/,
  },
  {
    id: 'overdose',
    level: 'crisis',
    pattern: /\b(?:overdose|overdosed|overdosing)\b|\b(?:took|take|taking|swallowed) (?:all|a load|loads|a lot|a handful|a bunch|the whole|all of) (?:of )?(?:my |the )?(?:pills|tablets|paracetamol|meds|medication)\b|\bhow many (?:pills|tablets|paracetamol|sleeping pills)\b|\b(?:pills|tablets|paracetamol) (?:ready|saved up|stockpiled|hidden)\b|\bgot the (?:pills|tablets) ready\b|\btook all my (?:pills|tablets)\b/,
    negatable: true,
    softenedBy: /\b(?:accidental|accidentally|years ago|used to)\b/,
  },
  {
    id: 'method',
    level: 'crisis',
    pattern: /\bnoose\b|\b(?:bought|got|found) (?:a|the) rope\b|\b(?:jump|jumping) (?:off|from) (?:the |a )?(?:bridge|roof|building|cliff|balcony|car park)\b|\bthinking about jumping\b|\bin front of (?:a|the) (?:train|bus|lorry|car)\b|\bgoodbye (?:letter|letters|note|notes)\b|\bsaid my goodbyes\b.*\b(?:decision|decided|ready)\b|\b(?:made|make) my decision\b.*\bgoodbye/,
    negatable: true,
  },
  { id: 'suicide-intent', level: 'crisis', pattern: /\bstood on the bridge\b|\bedge of the (?:bridge|roof|platform)\b/ },
  {
    id: 'harm-others',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:want to|going to|gonna|will|plan to|planning to|ready to|thinking about how to) (?:kill|hurt|stab|shoot|strangle|murder|attack|harm) (?:him|her|them|someone|somebody|people|my (?:husband|wife|partner|boyfriend|girlfriend|ex|mum|dad|boss|neighbour|brother|sister|baby|son|daughter|kids))\\b`,
    ),
    negatable: true,
  },

  // Safeguarding: violence, coercion, forced acts, fear, a child at risk.
  {
    id: 'violence',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b${PARTNER} (?:hits|hit|beats|beat|slapped|slaps|punched|punches|kicked|kicks|choked|chokes|strangled|strangles|pushed|shoved|shoves|threw|throws|grabbed|grabs|bit|bites|hurts|hurt|attacked|pinned|dragged) (?:me|my|at me|things at me)\\b`,
    ),
    negatable: true,
  },
  {
    id: 'coercion',
    level: 'safeguarding',
    pattern: /\b(?:will not|does not|would not|never) let me (?:see|go|leave|have|talk|use|spend|work|wear|eat|sleep|out|call|text)\b|\b(?:checks|reads|goes through|tracks|monitors|check|read) my (?:phone|messages|texts|location|emails|bank|whatsapp)\b|\b(?:controls|took|takes|keeps) (?:all )?(?:my|our) (?:money|bank card|wages|phone|passport|keys)\b|\bnot allowed to (?:see|go|leave|have|talk|use|spend|work|wear)\b|\b(?:gaslights|gaslighted|gaslighting)\b|\bisolat(?:e|es|ed|ing) me\b|\blocks? me (?:in|out)\b/,
    negatable: true,
  },
  {
    id: 'forced-acts',
    level: 'safeguarding',
    pattern: /\b(?:made|makes|make|forced|forces|force|pressured|pressures|pressure) me (?:to )?(?:have sex|sleep with|do things|do stuff|do sexual|watch|send (?:pictures|photos|nudes)|into sex)\b|\b(?:raped|rape|sexually assaulted|assaulted me)\b|\b(?:did not|do not) (?:want to|consent)\b.*\b(?:he|she|they) (?:did it|kept going|carried on) anyway\b|\bkept going when i said no\b/,
  },
  {
    id: 'threats',
    level: 'safeguarding',
    pattern: new RegExp(`\\b${PARTNER} (?:threatened|threatens|threaten) (?:to )?(?:kill|hurt|hit|take|leave me with nothing|me|share|post)`),
  },
  {
    id: 'fear-of-partner',
    level: 'safeguarding',
    pattern: /\b(?:afraid|scared|terrified|frightened) (?:of|of what) (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|stepdad))\b|\b(?:afraid|scared|terrified) (?:to go home|he will|she will|of going home)\b|\bwalk(?:ing)? on eggshells\b/,
    negatable: true,
  },
  {
    id: 'abuse',
    level: 'safeguarding',
    pattern: /\b(?:abuse|abused|abusive|domestic violence|coercive control)\b/,
    negatable: true,
    unless: /\b(?:substance|alcohol|drug|drugs) abuse\b|\babuse of power\b|\bverbal abuse (?:from|at) (?:customers|fans)\b/,
    softenedBy: /\b(?:used to|years ago|as a child|when i was (?:little|young|a kid|younger)|growing up|my (?:ex|childhood))\b/,
  },
  {
    id: 'child-at-risk',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b(?:hits|hit|beats|beat|hurts|hurt|touched|touches|slapped|slaps|shakes|shook|kicked|kicks|punched|burned|starves|neglects|locks) (?:my|our|the|his|her) ${CHILD}\\b|\\b${CHILD} (?:is|are|was|were|gets|got) (?:left alone|hurt|hit|hungry|not fed|scared of him|scared of her|bruised)\\b|\\bbruises on (?:my|our|the) ${CHILD}\\b`,
    ),
    negatable: true,
    unless: /\bmy (?:daughter|son) hit (?:her|his) (?:brother|sister)\b|\bbumped (?:his|her) head\b/,
  },

  // Concern: low mood, hopelessness, worthlessness; risk talk in the past or about others.
  {
    id: 'hopelessness',
    level: 'concern',
    pattern: /\b(?:hopeless|no hope|pointless|no point|what is the point|no future|give up|giving up|gave up on (?:everything|life|myself)|can not go on|can not do this anymore|can not cope|can not take (?:it|this|any more|anymore))\b/,
    negatable: true,
  },
  {
    id: 'worthlessness',
    level: 'concern',
    pattern: /\b(?:worthless|useless|a burden|such a burden|a failure|hate myself|hate who i am|nobody cares|no one cares|nobody would care|no one would care|nobody loves me|unlovable|do not deserve)\b/,
    negatable: true,
  },
  {
    id: 'low-mood',
    level: 'concern',
    pattern: /\b(?:depressed|depression|empty inside|feel empty|feel numb|so numb|so alone|so lonely|all alone|completely alone|crying every|cry every|can not stop crying|dark thoughts|dark place|so low|really low|rock bottom|falling apart|exhausted by everything|can not get out of bed)\b/,
    negatable: true,
  },
];

/** A finding is cancelled when a negation comes within four words before it. */
function negatedBefore(clause: string, index: number): boolean {
  const before = clause.slice(0, index).trim().split(' ').slice(-4).join(' ');
  return NEGATION.test(before) && !/\bnot sure\b|\bno longer want\b|\bnot want to (?:live|be)\b/.test(before);
}

/** Splits the normalised text into clauses, with the tokens of each for quoting. */
function clausesOf(normalised: RiskText): { text: string; start: number; end: number }[] {
  const clauses: { text: string; start: number; end: number }[] = [];
  let words: string[] = [];
  let clause = -1;
  let start = 0;
  let end = 0;
  for (const token of normalised.tokens) {
    if (token.clause !== clause && words.length > 0) {
      clauses.push({ text: words.join(' '), start, end });
      words = [];
    }
    if (words.length === 0) start = token.start;
    clause = token.clause;
    words.push(token.name ? 'name' : token.word);
    end = token.end;
  }
  if (words.length > 0) clauses.push({ text: words.join(' '), start, end });
  return clauses;
}

/** Assesses one text. Never throws; linear in the text's length for ordinary input. */
export function assessRisk(text: string): RiskAssessment {
  const reasons: RiskReason[] = [];
  let level: RiskLevel = 'none';
  let normalised: RiskText;
  try {
    normalised = normaliseForRisk(text);
  } catch {
    return { level: 'none', reasons: [] };
  }
  const clauses = clausesOf(normalised);
  // Sentences too: some findings span a comma ("I made my decision, and I said my goodbyes").
  for (const [index, clause] of clauses.entries()) {
    const wider = clauses
      .slice(Math.max(0, index - 1), index + 1)
      .map((part) => part.text)
      .join(' ');
    for (const rule of RULES) {
      const match = rule.pattern.exec(clause.text) ?? (rule.id === 'method' ? rule.pattern.exec(wider) : null);
      if (!match) continue;
      if (rule.unless?.test(clause.text)) continue;
      if (rule.negatable && negatedBefore(clause.text, match.index)) continue;
      let found: Exclude<RiskLevel, 'none'> = rule.level;
      if (rule.softenedBy?.test(clause.text.slice(0, match.index + match[0].length + 40))) found = 'concern';
      const quote = text.slice(clause.start, clause.end).trim().slice(0, 200);
      if (!reasons.some((reason) => reason.rule === rule.id && reason.match === quote)) {
        reasons.push({ level: found, rule: rule.id, match: quote });
      }
      level = moreSevere(level, found);
    }
  }
  return { level, reasons };
}
