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
import { requiredSubstrings, SubstringIndex } from './regex-anchors';
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

/**
 * How the rules read. Each sentence becomes one line of canonical words, clauses separated by
 * ' | ' (so a pattern built from words and spaces never spans a comma; `[^|]{0,80}` spans a few words
 * of one clause). A rule is a regex over that line plus three checks around each match:
 * - `negatable`: a negation in the same part of the clause, just before the match, cancels it
 *   ("I would never kill myself"); the scope stops at and/but/why/if…, so "I'm not okay and I
 *   want to die" still counts, and "can't stop", "not sure" and "no longer" are not negations.
 * - `unless`: an idiom or an accident reading of the same clause ("cut myself shaving").
 * - `softenable`: the same words about the past ("years ago", "when I was 15") or about someone
 *   else ("my friend … she wants to die") are a concern, not a crisis.
 */
interface Rule {
  id: string;
  level: Exclude<RiskLevel, 'none'>;
  pattern: RegExp;
  negatable?: boolean;
  unless?: RegExp;
  softenable?: boolean;
  /** A negated match of this rule that still tells of a history (“not … in two years”). */
  negatedConcern?: RegExp;
}

/** Up to a few words of the same clause. */
const W = (n: number): string => `(?:[a-z0-9]+ ){0,${n}}`;
const SELF_HARM_VERB =
  '(?:kill|killing|killed|kil|hurt|hurting|harm|harming|harmed|cut|cutting|burned|burnt|hang|hanging|hanged|hung|strangle|strangling|suffocate|suffocating|drown|drowning|poison|poisoning|stab|stabbing|shoot|shooting|starve|starving|burn|burning|top|topping|topped|unalive|unaliving|end|ending|gas|gassing|electrocute)';
const BODY =
  '(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach|belly|hips?|body|throat|veins?|chest|ankles?|face)';
const MEDS =
  '(?:pills?|tablets?|paracetamol|cocodamol|codeine|meds|medication|medicine|sleeping pills|antidepressants|sertraline|insulin|painkillers|ibuprofen|aspirin|tramadol|diazepam)';
const PERSON =
  '(?:he|she|they|name|partner|husband|wife|boyfriend|girlfriend|ex|fiance|fiancee|dad|father|mum|mother|stepdad|stepmum|stepfather|stepmother|brother|sister|uncle|aunt|grandad|granddad|cousin|him|her|them|coach|teacher|neighbour|landlord|carer|man|guy|someone|somebody|boss)';
const ABUSER = `(?:my |our |her |his |the |mum |mums |dad |dads )?${PERSON}`;
const AUX =
  '(?:(?:has|had|have|always|often|sometimes|keeps|kept|even|then|just|also|still|literally|actually|once|again|is|was|has been) )*';
const CHILD =
  '(?:son|daughter|child|children|kid|kids|baby|babies|toddler|little one|stepson|stepdaughter|grandson|granddaughter|niece|nephew|(?:little|baby|younger|teenage|step|half) (?:brother|sister|son|daughter|one|boy|girl)|little (?:boy|girl))';
const TARGET = `(?:him|her|them|someone|somebody|people|everyone|anyone|my ${W(1)}(?:husband|wife|partner|boyfriend|girlfriend|ex|mum|dad|boss|neighbour|brother|sister|flatmate|colleague|teacher|baby|newborn|son|daughter|kids|children|child|family|toddler|little one)|the baby|name)`;
const NEGATION = /\b(?:not|never|no|nobody|nothing|without|neither|nor|stopped|stop|none)\b/;
/**
 * A negation that is itself denied or withheld ("I can't promise I won't…", "I never said I
 * wasn't going to…") does not cancel what follows: the person is not ruling it out.
 */
const WITHHELD_NEGATION =
  /\b(?:can not|could not|will not|wo not|do not|did not|never|not) (?:honestly |really |even )?(?:promise|guarantee|swear|say|said|claim|claimed|be sure|told (?:anyone|anybody|them|you|people)|tell (?:anyone|anybody|them|you|people))\b[^|]{0,40}\b(?:not|never)\b/;
/** Negation scope breakers: a negation before one of these does not reach past it. */
const SCOPE_BREAK =
  /\b(?:and|but|so|because|why|if|when|though|although|until|that|which|who|cos|then|or|yet)\b/g;
const NOT_A_NEGATION =
  /\bnot not\b|\b(?:can|could|cannot) not stop\b|\bnot sure\b|\bno longer\b|\bnot going to lie\b|\bnot okay\b|\bnot ok\b|\bnot coping\b|\bnot well\b|\bnot sure if\b|\bno idea\b|\bno matter\b|\bnot even\b/g;
const PAST =
  /\b(?:used to|years ago|a long time ago|ages ago|in the past|back then|back in|as a (?:teenager|teen|kid|child)|when i was (?:younger|little|a teenager|a teen|a kid|a child|at school|at uni|in (?:year|school|sixth form|college)|\d+|[a-z]+teen|twelve|eleven|ten)|at school|in my teens|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a few) years (?:ago|back|since)|(?:a )?better place now|i am (?:doing )?(?:better|well) now|not anymore|once(?= \||$)|once (?:tried|thought|planned|took))\b/;
const OTHERS =
  /^(?:he|she|they|him|her|his|them|their|name|friend|friends|mate|mates|cousin|uncle|aunt|auntie|brother|sister|dad|mum|father|mother|nan|gran|granddad|grandad|grandma|grandpa|colleague|character|someone|somebody|person|people|boyfriend|girlfriend|husband|wife|partner|son|daughter|kid|child|patient|client|student)$/;
const SELF_WORD = /^(?:i|me|my|myself)$/;

const RULES: readonly Rule[] = [
  // ——— Crisis: a wish to die or not to exist ———
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:want|wants|wanted|wanting|need|needs|ready|going|plan|planning|deserve|deserves|should|tempted|longing|desperate|prefer|trying|i hope|i just want|i would like) (?:to )?(?:just |really |actually |finally |simply )?(?:die|be dead|not be alive|stop living|stop existing|cease to exist|not exist|not wake up|not be here anymore)\\b`,
    ),
    negatable: true,
    softenable: true,
    unless:
      /\bdie (?:if i do not|if i have to|of (?:embarrassment|boredom|laughter|shame)|laughing|for (?:a|my|the|some)|to see|alone)\b|\bgoing to die (?:if|of|when|at)\b/,
  },
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:wish|wishing|wished|hope|hoping|pray|praying) (?:that )?i (?:would |could |was |were |might |will |just |did |had )*(?:die|died|dead|be dead|gone|not alive|not here|stop existing|not exist|just not exist|never wake up|not wake up|do not wake up|did not wake up|go to sleep|fall asleep|disappear forever)\\b`,
    ),
    negatable: true,
    unless: /\b(?:go to sleep|fall asleep)\b(?! (?:and|forever))/,
  },
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern:
      /\bdo not want to (?:live|be alive|exist|go on living|carry on living|keep living|keep going|carry on|go on)\b|\bdo not want to (?:be here|wake up)(?: anymore| at all| tomorrow| again| ever| tonight| any longer)?(?= \||$)|\bdo not want to exist\b|\bdo not want to be alive\b/,
    negatable: true,
  },
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern:
      /\b(?:not sure|unsure|do not know if|do not know whether|wonder if|no longer) i (?:want to|wanna|can|should|will) (?:live|be alive|be here|go on|carry on|keep going|stay alive)\b|\bno longer want to (?:live|be alive|be here|exist)\b|\b(?:can not|could not|do not think i can|not sure i can|do not know if i can|do not know how to) (?:stay|keep myself|keep) (?:alive|safe|going) (?:much |any )?(?:longer|anymore|tonight|through)\b|\b(?:can not|could not) (?:stay|keep myself) alive\b/,
  },
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern:
      /\b(?:tired|sick) of (?:being alive|living|life|existing|being here)\b|\bdone with (?:life|living|being alive|it all|everything)\b|\bexhausted (?:of|from) (?:being alive|living)\b/,
    negatable: true,
  },
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern:
      /\b(?:go to sleep|fall asleep|sleep) (?:and |then )?(?:never|not) wake up\b|\b(?:sleep|go to sleep) forever\b|\bnever wake up again\b|\brather (?:be dead|die|not be here|not exist|not be alive) than (?:feel|feeling|live|living|go on|carry on|keep|be like|be me)\b|\bwant (?:it all|my life|everything|this|life|it|the pain|all of this|all of it) to (?:end|be over|stop)(?: \|)? (?:for good|forever|permanently|for ever)\b|\bwant (?:it all|my life|this life|life|it) to (?:end|be over)\b|\b(?:(?:do|can|could) not )?(?:see|seeing|imagine) (?:a |any )?future (?:where|in which|with) (?:i am|me) (?:alive|still here|here|in it)\b|\bdisappear(?:ed|ing)? (?:forever|for good|permanently|and (?:never|not) come back)\b/,
    negatable: true,
  },
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?(?:i (?:get|got|would get|will get|could get) (?:hit|run over|knocked down|killed)|(?:a|the|some) (?:car|bus|lorry|train|truck|van) (?:would |will |could )?(?:hit|hits|run|runs|knock|knocks|kill|kills) (?:me|over me)|(?:something|someone|somebody) (?:would |will )?kill(?:s)? me|i (?:have|had|get|got) (?:an|a) (?:accident|crash|fatal)|i (?:crash|crashed) (?:the car|my car))`,
    ),
    negatable: true,
  },
  {
    id: 'no-reason-to-live',
    level: 'crisis',
    pattern:
      /\b(?:no|(?:do|can|could) not (?:see|find|think of|have) (?:a|any)) (?:reason|point|purpose|will) (?:to|in|of|for) (?:me |my )?(?:keep |keeping |go on |going on |carry on |carrying on )?(?:live|living|being alive|life|going on|carrying on|staying alive|be alive|stay alive|existing|be here|being here)\b|\b(?:might|may) as well (?:be dead|die|not exist|not be here|not be alive|kill myself|end it)\b|\bnothing (?:left )?to live for\b|\bnothing left for me\b|\bwhat is the point (?:in|of) (?:living|being alive|life|going on|carrying on|staying alive|me being here)\b|\bnot worth (?:living|being alive|staying alive|it anymore)\b|\b(?:can not|could not) (?:go on|carry on|keep) (?:living|being alive)\b|\b(?:death|dying|suicide|killing myself|ending it) (?:is|feels like|seems like|seems|would be|looks like) (?:the |my )?(?:only|best|easiest|last) (?:way out|option|answer|solution|escape|choice)\b|\bonly (?:way out|option|answer|solution|escape) (?:is|would be|left is|seems|seems to be) (?:to die|death|dying|suicide|to end it|ending it|to kill myself)\b|\bbetter off (?:dead|gone|without me|not (?:alive|here|existing))\b|\b(?:better|happier|easier|fine|free|relieved) (?:off )?(?:for (?:everyone|everybody|them|all of them|my family|my kids|the world) )?(?:without me|if i (?:was|were|had|would) (?:dead|gone|never born|not here|not around|not alive|died)|if i (?:died|disappeared|killed myself|was not here|was not around|were not around|were not here|did not exist))\b|\b(?:world|everyone|everybody|they|family) would be better without me\b|\bnobody would (?:even )?(?:notice|care|miss me) if i (?:disappeared|died|was gone|were gone|killed|was dead|was not here)\b/,
    negatable: true,
    softenable: true,
  },
  {
    id: 'death-thoughts',
    level: 'crisis',
    pattern:
      /\b(?:picturing|picture|imagining|imagine|planning|plan|planned|thinking about|think about|thought about|dreaming about|writing) my (?:own )?(?:funeral|death|suicide|last words)\b|\b(?:suicide|goodbye) (?:note|notes|letter|letters)\b|\b(?:wrote|written|writing|write|left) (?:my )?(?:goodbye|goodbyes)\b|\bsaid my goodbyes\b[^|]{0,80}\b(?:decision|decided|ready|tonight)\b|\b(?:made|make|making) my decision\b[^|]{0,80}\bgoodbye|\bgiving (?:away )?my (?:things|stuff|belongings) away\b/,
    negatable: true,
  },

  // ——— Crisis: suicide and self-harm, in any common phrasing ———
  {
    id: 'suicide',
    level: 'crisis',
    pattern: new RegExp(
      `\\b${SELF_HARM_VERB} (?:myself|me self)\\b|\\b(?:do|doing|did|done) myself in\\b|\\bunalive\\b`,
    ),
    negatable: true,
    softenable: true,
    unless:
      /\bmyself (?:laughing|up|shaving|cooking|chopping|on (?:a|the|my|some)|falling|tripping|slipping|at (?:the gym|work|football|training|netball)|playing|running|lifting|by accident|with (?:work|revision|exercise|training|all (?:these|this|the)|these|late nights|overtime|stress|worry|worrying)|out|over (?:a|an|one|this|that|it|the)|trying to|to (?:finish|get|make|meet|pass))\b|\b(?:nearly|almost|accidentally|practically) (?:killed|kill|hurt|cut|burnt|burned|drowned|strangled)\b|\b(?:cut|cutting) myself (?:off|some slack|a slice|a piece)\b|\bhung myself up\b|\b(?:top|topped|topping) myself up\b|\bend myself\b/,
    negatedConcern:
      /\bin (?:[a-z0-9]+ )?(?:days|weeks|months|years|ages|a while)\b|\bstill think\b|\bsince\b|\bthink(?:ing)? about (?:it|that|doing it|it a lot)\b/,
  },
  {
    id: 'suicide',
    level: 'crisis',
    pattern:
      /\bend(?:ing|ed)? (?:it all|my (?:own )?life|my own life|everything|things for good|myself|my suffering)\b|\b(?:take|taking|took|taken) my (?:own )?life\b|\bend(?:ing)? things(?= \||$| tonight| now| today| for good| once and for all| soon)|\bend(?:ing)? it(?: all)?(?: tonight| now| today| soon| already| for good| once and for all| this weekend| this week| tomorrow)?(?= \||$| and no one| and nobody)|\b(?:someone|somebody|anyone|please|just|god) (?:please |just |please just |would |will |to |come and |should )?kill me\b/,
    negatable: true,
    softenable: true,
    unless:
      /\bend(?:ing|ed)? (?:it|things) with\b|\b(?:we|they) (?:ended|end|are ending)\b|\bend(?:ing)? things (?:amicably|on good terms)\b|\bend(?:ing)? it (?:there|here)\b|\b(?:threat[a-z]*|will|going to|says he will|says she will)\b[^|]{0,60}\bif i (?:end it|end things)\b/,
  },
  {
    id: 'suicide',
    level: 'crisis',
    pattern:
      /\bsuicid(?:e|al)\b|\bself (?:harm|harming|harmed|injury|injuring|injured|hurt)\b|\bkill myself\b/,
    negatable: true,
    softenable: true,
    unless:
      /\b(?:career|social|political|commercial|professional|electoral|financial|fashion|tactical) suicide\b|\bsuicide (?:squad|mission|run|runs|sprints?|drills?|doors|king|blonde|bomber|bombers|bombing|pact film|lane)\b/,
    negatedConcern:
      /\bin (?:[a-z0-9]+ )?(?:days|weeks|months|years|ages|a while)\b|\bstill think\b|\bsince\b|\bthink(?:ing)? about (?:it|that|doing it|it a lot)\b/,
  },
  {
    id: 'self-harm',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:cut|cuts|cutting|slit|slitting|slice|slicing|slash|slashing|carve|carved|carving|burn|burned|burnt|burning|scratch|scratched|scratching|scratches|punch|punching|hit|hitting|bang|banging|stab|stabbing|open|opening) (?:up )?(?:my|me|into my) (?:own )?(?:left |right |upper |inner )?${BODY}\\b|\\b(?:cutting|self harming|harming|burning myself|hurting myself|hitting myself|scratching) again\\b|\\bstarted (?:cutting|harming|burning)\\b|\\b(?:smash|smashing|smashed|bang|banging|banged|hit|hitting) my head (?:against|into|on) (?:the |a )?(?:wall|floor|door|desk|mirror)s?\\b[^|]{0,40}\\b(?:until|till|so|to feel|hard|again)\\b|\\burges? to (?:cut|hurt myself|harm|burn myself|self harm)\\b|\\b(?:razor|blade|blades) (?:to|on|across) my\\b`,
    ),
    negatable: true,
    softenable: true,
    unless:
      /\b(?:on (?:the|a) (?:oven|iron|kettle|hob|pan|tray|stove|grill)|cooking|shaving|chopping|baking|by accident|accidentally|ironing|with the (?:iron|kettle|oven)|in the sun|sunburn|curling)\b|\bcut my (?:hair|fringe|nails)\b|\bhit my (?:head|knee|elbow|leg|arm|shin) on\b|\bcutting (?:back|down|out) again\b/,
    negatedConcern:
      /\bin (?:[a-z0-9]+ )?(?:days|weeks|months|years|ages|a while)\b|\bstill think\b|\bsince\b|\bthink(?:ing)? about (?:it|that|doing it|it a lot)\b/,
  },

  // ——— Crisis: methods, means and stockpiling ———
  {
    id: 'method',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:overdose|overdosed|overdosing)\\b|\\b(?:take|took|taking|taken|swallow|swallowed|swallowing|down|downed|neck|necked|have|had) (?:all|a load|loads|a lot|a handful|handfuls|a bunch|the whole|the lot|all of|too many|every one|every|each|the rest|enough|the entire|lots|dozens|double|triple|an entire)(?: of)?(?: my| the| these| those| them| a)?(?: [a-z]+)?(?: of)? (?:${MEDS}|box|boxes|packet|packets|bottle|bottles|strip|strips|lot)\\b|\\b(?:stockpil\\w*|hoard\\w*|stash\\w*|saving up|saved up|been saving|collecting|keeping back|squirrelling away|topping up|topped up) (?:all )?(?:my |the |some |up )?(?:${MEDS}|prescriptions?|(?:stash|stockpile|supply|collection|hoard|store) of (?:my )?(?:${MEDS}))\\b|\\b(?:stash|stockpile|hoard) of (?:my |the )?(?:${MEDS})\\b|\\b(?:${MEDS}) (?:ready|saved up|stockpiled|hidden|stashed|lined up|counted out)\\b|\\bgot the ${MEDS} ready\\b|\\bhow (?:many|much) ${W(1)}(?:${MEDS}|it) (?:${W(2)})?(?:would|will|does it|do i need|to|it would|it takes)? ?(?:take|be enough|enough|kill|be lethal|to die|to overdose|is lethal|is fatal)\\b|\\b(?:lethal|fatal) (?:dose|amount|overdose)\\b`,
    ),
    negatable: true,
    softenable: true,
    unless:
      /\baccidental(?:ly)?\b|\btoo many (?:tabs|tablets) open\b|\b(?:on time|as prescribed|like i am supposed to|every (?:day|morning|night)|with (?:breakfast|lunch|dinner|food|water)|remembered to)\b|\boverdos(?:e|ed|ing) on (?!(?:my|the|his|her|all|a|some|pills|tablets|paracetamol|meds|medication|insulin|drugs|heroin|sleeping|painkillers|antidepressants|sertraline|cocodamol|codeine|them|it)\b)/,
  },
  {
    id: 'method',
    level: 'crisis',
    pattern:
      /\bnoose\b|\b(?:bought|got|found|buy|get|tied|tie|tying) (?:a|the|some) (?:rope|ligature)\b|\b(?:jump|jumping|jumped|throw myself|throwing myself|leap|leaping) (?:off|from|in front of|under|into) (?:the |a |an |that )?(?:[a-z]+ ){0,2}?(?:bridge|roof|rooftop|building|cliff|balcony|car park|tower|block|flats|motorway|platform|train|bus|lorry|traffic|river|window|overpass|viaduct|quarry)\b|\b(?:step|stepping|stepped|walk|walking|lie|lying|lay) (?:out )?(?:in front of|under|onto) (?:a|the) (?:train|bus|lorry|car|truck|traffic|tracks|railway line|motorway)\b|\bthinking (?:about|of) jumping\b|\bstood on the (?:bridge|ledge|roof|edge)\b|\bedge of the (?:bridge|roof|platform|cliff|building)\b|\b(?:drive|driving|crash|crashing|steer|steering|swerve|swerving) (?:my car |the car |myself )?(?:into|off|in front of) (?:a |the |an )?(?:wall|tree|lorry|bridge|motorway|river|cliff|oncoming traffic|traffic|truck|bus|barrier)\b|\b(?:ways|how|best way|easiest way|quickest way|painless way|methods?) (?:to|of) (?:kill myself|die|end it|end my life|commit suicide|overdose|hang myself)\b/,
    negatable: true,
    softenable: true,
  },

  // ——— Crisis: harming someone else ———
  {
    id: 'harm-others',
    level: 'crisis',
    pattern: new RegExp(
      `\\bi (?:(?!(?:he|she|they|you|we|it|name|not|never|no) )[a-z0-9]+ ){0,3}(?:want to|going to|will|plan to|planning to|ready to|am going to|feel like|could|might|would|need to|am about to|am gonna) (?:really )?(?:kill|hurt|stab|shoot|strangle|murder|attack|harm|smother|suffocate|drown|batter|beat up|glass) ${TARGET}\\b|\\b(?:thoughts?|urges?|images?|pictures?|fantasies|fantasising|thinking) (?:about|of) (?:hurting|harming|killing|smothering|drowning|stabbing|shaking|shooting|strangling|suffocating|attacking|murdering) ${TARGET}\\b|\\b(?:urge|want|wanting) to (?:hurt|harm|kill|shake|smother) (?:my |the )?(?:baby|newborn|son|daughter|child|kids|children)\\b|\\b(?:imagining|picturing|imagine|picture|seeing myself|keep seeing myself) (?:myself )?(?:hurting|dropping|drowning|smothering|shaking|harming|killing|stabbing|suffocating|strangling) ${TARGET}\\b|\\b(?:use|using) (?:it|the knife|a knife|the gun|a gun|the blade|the hammer) on ${TARGET}\\b|\\b(?:knife|gun|blade|hammer|weapon)\\b[^|]{0,60}\\bi (?:am going to|will|want to|am gonna) (?:get|hurt|kill|stab|use)\\b`,
    ),
    negatable: true,
    unless:
      /\bkill (?:him|her|them) (?:with kindness|off)\b|\bcould (?:kill|murder) (?:him|her|them)\b(?! (?:tonight|now|for real|and))/,
  },

  // ——— Safeguarding: violence, threats, fear ———
  {
    id: 'violence',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b${ABUSER} ${AUX}(?:hits|hit|hitting|beats|beat|beating|beaten|slapped|slaps|slapping|punched|punches|punching|kicked|kicks|kicking|choked|chokes|choking|strangled|strangles|strangling|pushed|pushes|shoved|shoves|threw|throws|grabbed|grabs|bit|bites|hurts|hurt|hurting|attacked|attacks|pinned|pins|dragged|drags|spat|spits|headbutted|burned|burnt|stamped|shook|shakes|smacked|smacks|whacked|battered|batters|raised (?:a|his|her) hand) (?:me|my (?:face|head|throat|neck|hair|wrists?|arms?|body|stomach|chest|back|ribs)|at me|on me|(?:${W(2)})at me|things at me|me down|me against)\\b|\\b(?:pinned|held|holds) me down\\b|\\b(?:his|her|their) (?:hands?|fingers|arm|arms|belt|knee) (?:around|round|on|over|across|against) my (?:neck|throat|mouth|face|windpipe)\\b|\\bspat (?:at|on) me\\b|\\b(?:punched|punches|kicked|kicks|smashed|smashes) (?:the |a )?(?:wall|door|window)s? (?:next to|by|near|beside) (?:me|my)\\b|\\bsmash(?:es|ed|ing)? (?:things|stuff|the place|everything|plates|my (?:phone|things|stuff))\\b|\\bnext time it will be me\\b|\\bbruis\\w*\\b[^|]{0,60}\\b(?:said sorry|apologised|apologized|promised|was drunk|lost (?:his|her) temper)\\b|\\b(?:${PERSON}) (?:${W(2)})?(?:beats|hits|hurts|punches|kicks|batters|abuses|strangles|chokes|touches|hurting|beating|abusing) (?:her|my mum|my mother|mum|my (?:little |younger |big |older )?(?:sister|brother))\\b`,
    ),
    negatable: true,
    unless:
      /\bbeat me (?:at|in|to|again at|on)\b|\bkicked me (?:under the table|out of bed|off)\b|\bpushed me (?:to (?!the )|into (?:applying|going|trying|doing)|forward)\b|\bhit me (?:up|with (?:the news|a question|a joke))\b|\b(?:it|this|that|reality|realisation|realization|news|wave|feeling|thought|song|ball|door|car) (?:suddenly |really |just )?hit me\b|\bthe (?:kids|boys|girls) (?:were |are )?(?:hitting|kicking)\b|\b(?:pillow|cushion|snowball|water pistol|water balloon|pool noodles?|nerf|playfully|play fight|play fighting|messing about|messing around|tickle|tickling)\b/,
  },
  {
    id: 'threats',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\bthreat(?:en|ens|ened|ening) (?:to )?(?:me|us|kill|hurt|hit|harm|take|leave me|share|post|send|tell|report|throw|kick|ruin|stab|burn|end|show|expose|leak|have me|make me|my)\\b|\\bthreat(?:en|ens|ened|ening) me\\b|\\b(?:${PERSON}) (?:${W(1)})?(?:said|says|told me|swore|keeps saying|promised|warned me|warns me)(?: that)?(?: if i ${W(4)})? (?:he|she|they) (?:would|will|is going to|going to|was going to|could) (?:kill|hurt|harm|hit|beat|stab|shoot|strangle|take|ruin|find|come after|burn) (?:me|my|us|the kids|the children|her|him)\\b|\\bif i (?:ever )?(?:leave|left|tell|told|go|went|report|call|called|speak|spoke|leave him|leave her)\\b[^|]{0,60}\\b(?:he|she|they) (?:will|would|is going to|going to|said he would|said she would) (?:kill|hurt|harm|hit|take|ruin|find|come after)\\b`,
    ),
    unless: /\bthreatening to (?:rain|snow|pour|storm|boil over|spill|collapse|overwhelm)\b/,
    negatable: true,
  },
  {
    id: 'fear-at-home',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b(?:afraid|scared|terrified|frightened|petrified) (?:of|of what) (?:my )?(?:partner|husband|wife|boyfriend|girlfriend|ex|dad|stepdad|father|stepfather|mum|mother|stepmum|brother|uncle|him|her)(?: will| would| might| is going to| when| if)?\\b(?! (?:to|and|in|too)\\b)|\\b(?:afraid|scared|terrified|frightened|petrified) (?:to go home|of going home|to be at home|to be home|of being at home)\\b|\\b(?:afraid|scared|terrified|frightened|petrified|worried) (?:that )?(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|stepdad)) (?:will|would|might|could|is going to|is gonna) (?:kill|hurt|hit|harm|attack|beat|find|come after|do something)\\b|\\b(?:afraid|scared|terrified|frightened) of what (?:he|she|they) (?:will|would|might|could|is going to) do\\b|\\b(?:afraid|scared|terrified|frightened) for (?:my )?(?:little |baby |younger )?(?:sister|brother|son|daughter|kids|children|baby|life|safety)\\b|\\bwalk(?:ing)? on eggshells\\b|\\bhide\\b[^|]{0,40}\\bwhen (?:he|she|they|my ${PERSON}) (?:gets|is|starts|comes)\\b|\\b(?:locks|locked|lock) me (?:in|out)\\b`,
    ),
    negatable: true,
    unless: /\bafraid of (?:him|her) (?:leaving|finding out i like)\b/,
  },

  // ——— Safeguarding: coercive control, stalking, image abuse ———
  {
    id: 'coercive-control',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b(?:will not|does not|would not|never|wo not|won t) let me (?:see|go (?:out|anywhere|to)|out|leave (?:the (?:house|flat|room|home)|him|her|them)|leave(?= \\||$)|have (?:my own|a|any|friends)|talk to|speak to|use|spend|work|get a job|wear|eat|sleep|call|text|visit|drive|keep|contact|see a doctor|go)\\b|\\b(?:stops|stopped|stop|prevents|prevented) me (?:from )?(?:seeing|going|leaving|talking|working|having|using|contacting|getting|calling|visiting|eating|sleeping)\\b|\\bnot allowed (?:to )?(?:see|go|leave|have|talk|use|spend|work|wear|out|visit|speak|eat|contact)\\b|\\b(?:have to|need to|must|got to) ask (?:his |her |their |for )?(?:permission|before i|to leave|to go|for anything|for money)\\b|\\b(?:checks|check|checking|checked|reads|read|reading|goes through|went through|tracks|tracked|tracking|monitors|monitoring|monitored|controls|controlling|controlled) (?:all )?(?:of )?my (?:phone|messages|texts|location|emails?|bank|whatsapp|social media|spending|calls|post|diary|car|laptop|browser history)\\b|\\b(?:controls|controlled|controlling|takes|took|keeps|kept|has|holds|confiscated|hides|hid) (?:all )?(?:of )?(?:the |my |our )(?:money|finances|bank cards?|cards?|wages|salary|pay|benefits|passport|documents|papers|phone|keys|car keys)\\b|\\bcontrols (?:everything|what i|who i|where i|how i|when i)\\b|\\bgives me (?:an allowance|pocket money)\\b|\\b(?:will not|does not|would not|never|refuses to) give me (?:any )?(?:money|food|my (?:money|wages|card|phone|passport|medication|meds))\\b|\\b(?:tracks|tracking|monitors|monitoring|checks|checking|knows) (?:where|who|what) i (?:go|am|see|talk|spend|text|message)\\b[^|]{0,40}\\b(?:app|phone|tracker|location|all the time|every)\\b|\\bso (?:that )?i (?:could not|can not|would not be able to|was not able to) (?:call|leave|contact|ring|get help|get out|escape|tell|go)\\b|\\b(?:says|said|tells me|told me|keeps saying|keeps telling me)(?: that)? (?:no one|nobody) (?:would|will) (?:ever )?believe (?:me|you)\\b|\\b(?:changed|changes|knows|demands|took|wants) (?:all )?my (?:passwords?|pin|logins?)\\b|\\b(?:gaslights|gaslighted|gaslighting|gaslight)\\b|\\bisolat(?:e|es|ed|ing) me\\b|\\bcut me off from (?:my )?(?:family|friends|everyone)\\b|\\b(?:gets|goes|get|got|went|gone) (?:angry|mad|furious|violent|nasty|jealous|crazy|ballistic|off on one) (?:if|when) i (?:do not|am|go|see|talk|text|reply|wear|spend|leave|come home|speak|look)\\b|\\b(?:hundreds|dozens|loads|tons|hundred) of (?:messages|texts|calls) (?:a|every) (?:day|night|hour)\\b|\\b(?:calls|called|calling) me (?:a |an )?${W(2)}(?:bitch|slag|whore|slut|cunt|worthless|useless|pathetic|fat cow|piece of)\\b`,
    ),
    negatable: true,
    unless:
      /\b(?:boss|manager|work|teacher|school|job|gym|doctor|coach) (?:${W(2)})?(?:will not|does not|would not) let me\b|\blet me (?:leave before|leave until|leave early|forget)\b|\bnot allowed (?:to )?(?:eat|use) (?:in|at) (?:the |work|school)\b/,
  },
  {
    id: 'stalking',
    level: 'safeguarding',
    pattern:
      /\b(?:following|follows|followed|stalking|stalks|stalked|watching|watches) me (?:home|everywhere|around|to work|from work|to school|all the time|when i)\b|\bstalk(?:ing|s|ed)? me\b|\b(?:turn|turns|turned|turning|show|shows|showed|showing) up (?:at|outside) my (?:work|house|flat|home|door|school|uni|college|gym|office)\b|\b(?:keeps|kept) (?:turning up|showing up|waiting outside|calling me|driving past)\b|\btracker on my (?:car|phone)\b/,
    negatable: true,
  },
  {
    id: 'image-abuse',
    level: 'safeguarding',
    pattern:
      /\b(?:posted|shared|posting|sharing|leaked|leaking|spread|spreading|uploaded|sent|sends|showed|showing|threatens to (?:post|share|send|show)) (?:[a-z]+ ){0,2}?(?:intimate|naked|nude|private|sexual|explicit|sexy) (?:pictures|photos|pics|images|videos|video|photo|picture)\b|\b(?:filmed|recorded|photographed|filming|recording|photographing) (?:me|us)\b[^|]{0,40}\bwithout (?:my |me |our |us )?(?:consent|permission|knowing|me knowing|us knowing|asking)\b|\b(?:photos|pictures|pics|videos|video|images|filmed|recorded|filming|recording) (?:of me )?without (?:my )?(?:consent|permission|knowing|me knowing)\b|\b(?:make|makes|made|forces|forced|pressures|pressured|asks|asked|keeps asking) me (?:to )?(?:send|sending) (?:him |her |them )?(?:nudes|naked|pictures|photos|pics)\b|\bsextort\w*\b|\brevenge porn\b/,
    negatable: true,
  },

  // ——— Safeguarding: sexual violence, forced acts, forced marriage, grooming ———
  {
    id: 'sexual-violence',
    level: 'safeguarding',
    pattern:
      /\b(?:raped|rape|raping|rapes|sexually assaulted|sexually abused|sexual assault|sexual abuse|molested|molesting|molests|assaulted me|indecently)\b|\bforced (?:himself|herself|themselves) on me\b|\b(?:had to|have to|made to|expected to|forced to|being made to) (?:sleep with|have sex with|do sexual)\b|\b(?:makes|made|forces|forced|tells|told|wants|wanted) me (?:to )?(?:sit on (?:his|her) (?:lap|knee)|sleep in (?:his|her) bed|get undressed|undress|take (?:my )?clothes off|touch (?:him|her|his|it)|kiss (?:him|her))\b|\b(?:forced|forces|force|forcing|made|makes|make|pressured|pressures|pressuring|coerced|coerces|blackmailed|blackmails|bullied) me (?:to |into )?(?:have sex|having sex|sex|sleep with|sleeping with|do things|doing things|do stuff|do sexual|sexual|perform|give him|touch|watch porn|watch|send|have an abortion|get an abortion|an abortion|have a baby|take drugs|marry)\b|\b(?:i )?(?:did not|never|do not) (?:consent|agree to (?:it|that|sex))\b|\bwithout (?:my consent|consent|asking)\b[^|]{0,30}(?:sex|touch|photo|pictures|film)?|\bagainst my will\b|\bsaid no\b[^|]{0,60}\b(?:kept going|carried on|did it anyway|did not stop|would not stop|continued|went ahead|he did|she did)\b|\bkept going when i said no\b|\b(?:woke up|asleep|passed out|unconscious|too drunk)\b[^|]{0,60}\b(?:sex with me|having sex|on top of me|touching me|inside me)\b|\bsex with me\b[^|]{0,40}\b(?:asleep|passed out|unconscious|drunk|said no|did not want)\b|\b(?:comes|came|coming|gets|got|creeps) into my (?:room|bed)\b[^|]{0,40}\btouch|\btouch(?:es|ed|ing)? (?:me|her|him|my [a-z]+) (?:[a-z]+ ){0,4}?(?:in ways|inappropriately|where|in places|at night|private|down there|under)\b|\bin ways that (?:are|were) not (?:right|okay|ok|normal)\b/,
    unless: /\bwithout asking\b(?![^|]{0,40}\b(?:sex|during|touch|choked))/,
  },
  {
    id: 'forced-marriage',
    level: 'safeguarding',
    pattern:
      /\b(?:forced|forcing|being forced|made|making|pressured|pressuring|pushing) (?:me )?(?:to |into )?(?:marry|get married|marriage|a marriage)\b|\bmarry (?:someone|a man|a woman|him|her|a stranger|my cousin) i (?:do not|did not|have never)\b|\bforced marriage\b|\b(?:taking|take|sending|send) me (?:abroad|back home|overseas) to (?:get married|marry|be married)\b/,
  },
  {
    id: 'grooming',
    level: 'safeguarding',
    pattern:
      /\b(?:being|been|was|were|is|are|get|got|getting) groomed\b|\bgrooming (?:me|him|her|them|my|children|kids|a child|young)\b|\b(?:asking|asked|asks|ask|told|tells|tell|makes|made|wants|wanted) (?:me|him|her|my (?:son|daughter|child)) (?:to )?keep (?:secrets|it (?:a )?secret|our (?:[a-z]+ ){0,2}?(?:a )?secrets?|things secret|this secret|a secret|(?:it|this|things|what we do) (?:a )?secret from (?:my|your|mum|dad|everyone))\b|\bour (?:little )?secret\b|\b(?:older|grown) (?:man|men|woman|guy|bloke) (?:online )?(?:keeps|is|has been) (?:messaging|texting|sending|asking)\b|\b(?:coach|teacher|tutor|uncle|stepdad|man online|stranger online)\b[^|]{0,60}\bsends? (?:me|him|her) (?:pictures|photos|pics|gifts|money|presents)\b/,
    negatable: true,
  },
  {
    id: 'abuse',
    level: 'safeguarding',
    pattern:
      /\b(?:abuse|abused|abusing|abuses|abusive|domestic violence|domestic abuse|coercive control|coercive|controlling relationship)\b/,
    negatable: true,
    unless:
      /\b(?:substance|alcohol|drug|drugs|solvent|power|data|privilege|position|system|ticket|trust fund) abuse\b|\babuse of (?:power|the system|trust|position|privilege)\b|\babus(?:e|ed|ing) (?:the|my) (?:system|power|credit card|privileges?|body with)\b|\bverbal abuse (?:from|at) (?:customers|fans|the crowd)\b/,
  },

  // ——— Safeguarding: a child at risk ———
  {
    id: 'child-at-risk',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b(?:hits|hit|hitting|beats|beat|beating|hurts|hurt|hurting|touched|touches|touching|slapped|slaps|shakes|shook|shaking|kicked|kicks|punched|punches|burned|burnt|starves|starved|neglects|neglected|neglecting|locks|locked|smacks|smacked|throws|threw|abuses|abused) (?:my|our|the|his|her|their) ${CHILD}\\b|\\b${CHILD} (?:is|are|was|were|gets|got|being|been|keep being|keeps being) (?:left (?:alone|on (?:their|his|her) own|home alone)|hurt|hit|hungry|starving|not fed|scared of (?:him|her|them)|bruised|covered in bruises|beaten|locked in|shouted at and hit)\\b|\\bbruises on (?:my|our|the|his|her) ${CHILD}\\b|\\b(?:never|no|not enough|not any|never any) food (?:${W(4)})?for (?:the|my|our) (?:children|kids|baby|little ones)\\b|\\b(?:children|kids|baby) (?:have|has|had) (?:no|not had any|gone without) (?:food|dinner|meals)\\b|\\b(?:sister|brother) is (?:being )?(?:hurt|hit|abused)\\b|\\b(?:shakes|shook|shaking|shake|hits|hit|smacks|smacked) (?:him|her|them)\\b[^|]{0,40}\\b(?:crying|cries|cry|screaming|wet (?:himself|herself|the bed)|will not (?:stop crying|sleep|settle))\\b`,
    ),
    unless:
      /\b(?:son|daughter|kids|children|brother|sister) (?:hit|hits|kicked|kicks) (?:her|his|their|each|the other)\b|\bbumped (?:his|her|their) head\b|\b(?:hit|hitting|kicked) (?:each other|the ball)\b|\bhurt (?:his|her|their) (?:knee|arm|leg|ankle|wrist|head|finger)\b|\bkids are with\b/,
  },

  // ——— Concern: somebody else's suicide or self-harm, or a threat used to control ———
  {
    id: 'others-at-risk',
    level: 'concern',
    pattern:
      /\b(?:killed|kills|killing|kill|hanged|hung|hurt|hurts|hurting|harmed|harms|harming|cut|cuts|cutting|overdosed) (?:himself|herself|themselves)\b|\b(?:took|takes|taken|take) (?:his|her|their) own life\b|\bused to (?:cut|self harm|harm myself|hurt myself|burn myself|starve myself)\b|\b(?:died by|committed|attempted|completed) suicide\b|\b(?:he|she|they) (?:is|are|was|were) suicidal\b/,
    negatable: true,
  },

  // ——— Concern: low mood, hopelessness, worthlessness, feeling a burden ———
  {
    id: 'hopelessness',
    level: 'concern',
    pattern:
      /\b(?:hopeless|no hope|lost (?:all )?hope|lost hope|no future|meaningless|pointless)\b(?! (?:at|with|romantic|case|cook|driver|ly))|\b(?:what is the point|there is no point|no point|do not see the point|can not see the point|see no point)(?=(?: (?:anymore|in (?:anything|everything|trying|even trying|me|any of (?:it|this)|it all|going on|carrying on|getting up|life)|of (?:anything|everything|trying|even trying|me|any of (?:it|this)|it all|going on|carrying on|getting up|life)|in trying))? ?(?:\||$|anymore))|\bpoint of even trying\b|\b(?:can not|could not) (?:go on|carry on|keep going|do this|take (?:it|this|any more|anymore|much more)|cope)(?: (?:like this|anymore|any longer|much longer))?(?= \||$| anymore| any longer| like this| with)|\b(?:can not|could not|do not) see (?:a|any) way out\b|\bno way out\b|\bnothing (?:matters|means anything|feels real|is worth it|seems worth it)(?: anymore| to me)?\b|\btrapped in (?:my (?:own )?)?(?:head|mind|life|body)\b|\bfeel(?:ing|s)? (?:so |really |completely |totally )?trapped\b|\bnothing (?:is )?(?:ever )?(?:going to|will) (?:ever )?(?:get|be|feel) better\b|\b(?:never|not ever) (?:going to )?(?:get|gets|getting) better\b|\b(?:give|giving|gave) up(?: on (?:myself|life|everything|me|living|hope|trying|it all))?(?= \||$| now| already| completely| on (?:myself|life|everything))|\b(?:tired|sick|exhausted) (?:of|by) (?:everything|it all|trying|fighting|feeling like this|life|this)\b|\bexhausted by (?:life|everything)\b/,
    negatable: true,
  },
  {
    id: 'worthlessness',
    level: 'concern',
    pattern:
      /\b(?:worthless|a burden|such a burden|unlovable|a waste of space|waste of oxygen|a failure|a disappointment|a let down|pathetic)\b|\buseless\b(?! (?:at|with|for|in)\b)|\bi am (?:so |just |completely |totally |utterly |a )?(?:broken|a mess|a complete mess|a total mess|a wreck|nothing|not enough|unlovable|disgusting)\b|\bhate (?:myself|who i (?:have become|am)|what i (?:have become|am)|everything about me|my (?:self|body|face))\b|\b(?:nobody|no one|noone) (?:cares|loves me|likes me|wants me|would (?:care|notice|miss me|even notice))\b|\b(?:everyone|everybody) (?:hates|is sick of|would be happier without) me\b|\bnot good enough\b|\bdo not deserve (?:to be|anything|love|happiness|help|to feel|good)\b/,
    negatable: true,
  },
  {
    id: 'low-mood',
    level: 'concern',
    pattern:
      /\b(?:depressed|depression|depressive)\b|\bempty inside\b|\bdead inside\b|\b(?:feel|felt|feeling|feels|am|been) (?:so |really |very |completely |totally |just |a bit |quite |pretty )?(?:empty|numb|hollow|flat|lonely|alone|low|down|sad|miserable|awful|dreadful|invisible|lost|broken|nothing|dark)\b|\b(?:so|really|very|always|constantly|completely|all) (?:alone|lonely|numb|low|empty|sad|down)\b(?! (?:the|on|in|there|street|from))|\bsad all the time\b|\b(?:crying|cry|cried) (?:every|myself to sleep|all the time|all day|all night)\b|\b(?:can not|could not) stop crying\b|\bdark (?:thoughts|place|times|cloud)\b|\bthe darkness\b|\b(?:rock bottom|falling apart|can not get out of bed|barely get out of bed|struggling to get out of bed)\b|\bdo not (?:enjoy|care about|feel) (?:anything|things|life|anyone)\b|\bfeel(?:ing)? like i am (?:drowning|disappearing|sinking|suffocating|fading|invisible|nothing|a ghost|going under)\b|\b(?:wish i could|want to|wanna) disappear\b|\bwish i (?:had|would|would have|was|were) never (?:been born|born|existed)\b|\bisolating myself\b|\blet(?:ting)? (?:everyone|everybody|them|my family|people|you all) down\b|\bhide from (?:the world|everyone|everything)\b|\b(?:everything|life|it all|the world) (?:feels|is|seems|looks) (?:so |really |just )?(?:heavy|grey|gray|bleak|dark|hard|too much|pointless)\b|\b(?:have not|not|did not|can not|could not|barely) (?:left|get out of|got out of|leave|gotten out of) (?:my |the )?(?:bed|room|house|flat)\b(?: (?:in|for) (?:[a-z0-9]+ )?(?:days|weeks))?|\b(?:do not|can not) see why i (?:bother|try|even try|keep trying)\b|\bwhy (?:do i|should i|even) bother\b|\bmy mood (?:has been|is) (?:really |so |very )?(?:low|bad|terrible)\b|\bnumb\b|\blonely\b/,
    negatable: true,
    unless:
      /\b(?:down|alone|low) (?:the|on|in|there|with|to|at)\b(?! (?:myself|me|the world|everyone))|\bdark (?:times|place) (?:are|is) (?:behind|over)\b|\bthe (?:film|book|show|song|ending|news) (?:was|is) so sad\b|\bbattery (?:is |was )?low\b|\bdown (?:to earth|for)\b|\blonely (?:planet|hearts)\b|\bnumb (?:from|with) (?:the )?(?:cold|anaesthetic|dentist)\b|\bmy (?:feet|fingers|hands|toes|lip|leg|arm) (?:is |are |was |were |went |feel |felt )?(?:numb|dead)\b|\bnumbing cream\b/,
  },

  // ——— Added after an independent, untuned phrase set (core/safety/risk-phrases.held-out.ts)
  // showed what the rules above missed: euphemisms, plans and means without a risk word,
  // goodbyes, financial control, threats about children, a child at risk. Each has new
  // phrases of its own in the tuning set (risk-phrases.ts). ———
  {
    id: 'wish-to-die',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:will not|wo not|not going to|not gonna|do not plan on|do not intend on|do not intend to|not planning on|not planning to) (?:be|being) (?:around|here|alive)(?: for| by| to see)? (?:much longer|long|any longer|for long|anymore|any more|after (?:tonight|today|this week|the weekend)|my birthday|christmas|next week|the new year|the end of the (?:week|month))\\b|\\b(?:do not|can not|could not) see myself (?:making it|lasting|getting|being (?:here|alive)|surviving) (?:to|till|until|through|past|much)\\b|\\b(?:could|might|would|should) (?:so easily |easily |just |so )*not be here (?:anymore|any more|any longer)\\b|\\bhope(?:s)? i (?:do not|will not|wo not|never) (?:wake up|make it|survive|be (?:here|alive|around))\\b|\\bnot wanting to be (?:here|alive) (?:anymore|any more|any longer)\\b|\\b(?:would|had) rather (?:be dead|not be alive|not exist|not be here) than\\b|\\brather die than (?:go on|carry on|keep going|live|wake up|feel)\\b|\\b(?:do not think|not sure|doubt) i will be (?:around|here|alive) (?:much longer|long|for long|any longer|anymore|any more)\\b|\\b(?:world|everyone|everybody|they|my family|the kids) would be (?:better|lighter|easier|happier) without me\\b|\\bwake up\\b[^]{0,60}?\\bhope i (?:do not|will not|wo not)\\b(?= \\||$)|\\balive\\b[^]{0,80}?\\bhopes? i (?:will not|wo not) be\\b(?= \\||$)|\\b(?:waste of (?:space|oxygen)|a burden|worthless|useless)\\b[^]{0,60}?\\bgoing to (?:fix|sort|deal with) (?:that|it|this)\\b`,
    ),
    softenable: true,
  },
  {
    id: 'goodbye',
    level: 'crisis',
    pattern:
      /\b(?:this is|this will be|that was) (?:my|the) (?:last|final) (?:entry|post|message|note|goodbye|day|night)\b|\bi am checking out(?: now| tonight| for good)?(?= \||$)|\bchecking out (?:for good|permanently|of life)\b|\b(?:will not|wo not) (?:be )?need(?:ing)? (?:them|it|these|those|any of (?:it|this|them)) (?:where|when) i am going\b|\b(?:sorted|sorting|put|putting|got) my affairs(?: in order| sorted)?\b|\bsorry for everything\b[^|]{0,40}\bgoodbye\b|\b(?:written|wrote|left|leaving) (?:a|the|my) (?:note|letter)\b[^|]{0,60}\b(?:find it|when i am gone|after i am gone|for after)\b|\bmade my peace with (?:it|dying|death|going)\b|\blife insurance\b[^|]{0,60}\b(?:pays out|will pay|would pay|suicide)\b/,
    negatable: true,
    softenable: true,
  },
  {
    id: 'plan-with-means',
    level: 'crisis',
    pattern: new RegExp(
      `\\b(?:which|what|the highest|the tallest) (?:bridge|building|car park|multi storey|cliff|tower|block)\\b[^|]{0,60}\\b(?:highest|tallest|high enough)\\b|\\b(?:top of|edge of|off) (?:the|a) (?:multi storey|car park|bridge|cliff|tower|building|roof)\\b[^|]{0,30}\\b(?:step|stepping|jump|jumping|fall|falling) off\\b|\\b(?:step|stepping|jump|jumping) off (?:the|a) (?:top|edge|roof|bridge|cliff|multi storey)\\b|\\bwalk(?:ing|ed)? into the (?:sea|river|water|lake|canal)\\b[^|]{0,40}\\b(?:not stop|not stopping|never come back|not come back|keep going|keep walking)\\b|\\b(?:know|knew) (?:exactly )?where i (?:would|will|d) stand\\b|\\b(?:which|what|how much|how many) (?:dose|pills|tablets)\\b[^|]{0,40}\\b(?:would|will|to) (?:actually )?(?:do it|kill|be enough|be fatal)\\b|\\bhow long (?:it takes|does it take|it would take) to (?:bleed out|die|drown|suffocate)\\b|\\b(?:lethal|fatal) dose\\b|\\bengine running\\b[^]{0,40}?\\bgarage\\b|\\bhose(?:pipe)? (?:to|from|on|through) the exhaust\\b|\\b(?:beam|loft hatch|banister|bannister)\\b[^]{0,80}?\\b(?:rope|tow rope|cord|belt|ligature|noose)\\b|\\b(?:rope|tow rope|cord|ligature|noose)\\b[^]{0,80}?\\b(?:beam|loft hatch|banister|bannister)\\b|\\b(?:tablets|pills|paracetamol|meds|medication)\\b[^|]{0,30}\\b(?:lined up|counted|stockpiled|saved up)\\b|\\bcounted (?:out )?(?:my |the |all my |all the )?(?:tablets|pills)\\b|\\b(?:paracetamol|pills|tablets|meds|vodka|rope|blades?)\\b[^]{0,80}?\\bwaiting for (?:the house|everyone|them|the flat|the kids|him|her) to (?:be empty|go out|leave|be asleep|go to sleep|fall asleep|go away)\\b|\\b(?:took|taken|swallowed) everything in the (?:medicine|bathroom|first aid) (?:cupboard|cabinet|box|drawer)\\b|\\b(?:(?:i have|i ve|i) decided|made up my mind)\\b[^]{0,40}?\\b(?:is |will be )?the (?:day|night)\\b|\\btonight is the night\\b[^]{0,80}?\\b(?:tablets|pills|rope|end it|say goodbye)\\b|\\b(?:finally|going to|gonna|ready to|about to) (?:do it|go through with it)\\b[^]{0,120}?\\b(?:have|got|bought|saved|collected|hidden|counted) (?:the |my |some |enough |all the )?(?:tablets|pills|paracetamol|rope|blades?|razors?|meds|medication)\\b|\\b(?:stopped believing|no point|given up|give up|can not do this)\\b[^]{0,120}?\\b(?:got|have|made) a plan\\b|\\b(?:voice|voices|head|thoughts?) (?:keeps? |keep )?(?:saying|telling me) (?:to )?(?:just )?(?:do it|end it|kill myself|jump|get it over with)\\b|\\b(?:might|could|going to|gonna|afraid i will|scared i will|worried i will|can not promise i will not|can not (?:honestly |really )?say i will not) (?:do something (?:stupid|silly|drastic|i will regret)|act on (?:it|them|the thoughts|these thoughts|my thoughts))\\b|\\btried to (?:end it|end my life|kill myself|take my (?:own )?life)\\b|\\b(?:cut|cutting|burnt|burned) again\\b[^|]{0,30}\\b(?:deeper|last night|tonight|arm|arms|wrist|wrists|leg|legs|thigh|thighs)\\b|\\bdeeper than (?:before|last time)\\b|\\bsteri ?strips\\b|\\bplan to end it\\b`,
    ),
    negatable: true,
    softenable: true,
  },
  {
    id: 'ambivalence',
    level: 'crisis',
    // "I don't want to die, I just want the pain to stop": the wish for the pain to end is
    // the risk, whatever the first half says.
    pattern:
      /\bnot (?:really |actually )?want to die\b[^]{0,120}?\bwant (?:the|this|all the|all this|it all|it|everything|my) ?(?:pain |hurt |hurting |suffering )?to (?:stop|end)\b/,
  },
  {
    id: 'low-mood',
    level: 'concern',
    pattern:
      /\bwant (?:the|this|all the|all this|my) pain to (?:stop|end|go away)\b|\bnothing (?:ever )?(?:gets|is getting|will get|will ever get|seems to get|seem to get) (?:any )?better\b|\bnothing is (?:ever )?going to change\b|\beveryone is better (?:at [a-z]+ )?than me\b|\bi am drowning\b(?! in (?:work|paperwork|emails|laundry|washing|admin))|\bdreading (?:every|each) day\b|\bnot (?:sleeping|eating)\b[^|]{0,40}\bnot (?:sleeping|eating)\b|\bcan not concentrate on anything\b|\bwhat is wrong with me\b|\bwhy can not i (?:just )?be normal\b|\b(?:a )?(?:weight|millstone) (?:round|around) (?:everyone|everybody|their|my family)\b|\ba drain on (?:everyone|everybody|people|my family)\b|\bnice to (?:just )?not exist\b|\bnot exist for a (?:bit|while)\b|\bgoing through the motions\b|\bno light at the end of the tunnel\b|\bdrinking (?:more|too much)\b[^|]{0,40}\bget through\b|\b(?:cried|crying) (?:in|at) (?:the )?(?:loos|toilets|toilet|work|bathroom|car)\b|\bgrief is (?:heavy|unbearable|too much)\b/,
    negatable: true,
  },
  {
    id: 'coercive-control',
    level: 'safeguarding',
    pattern:
      /\b(?:has|got|knows|demands|takes|wants) (?:all )?(?:the |my )?passwords? (?:to|for) (?:all )?my\b|\breads (?:every|all) (?:my )?(?:message|messages|texts|emails)\b|\bnot allowed (?:my own|a|to have a) (?:bank account|money|card|phone|key)\b|\baccount for every (?:penny|pound)\b|\b(?:checks|check|checking) (?:the |my )?(?:banking app|bank account|bank statements?) (?:every|each)\b|\b(?:took|taken|takes|taking) out (?:a |some )?(?:loans?|credit cards?|debts?) in my name\b|\b(?:takes|took|taking) (?:money|cash) (?:out of|from) my (?:purse|wallet|account|bank)\b|\b(?:takes|took|taking|keeps|kept|has taken) (?:all )?(?:of )?my (?:pension|wages|benefits|bank card|bank cards|salary|savings|passport|pin)\b|\b(?:makes|made|forces|forced|pressures|pressured) me (?:to )?(?:hand over|give (?:him|her|them)|hand (?:him|her|them)) (?:over )?(?:all )?(?:of )?(?:my )?(?:bank cards?|cards?|wages|salary|money|pay|pin|benefits|passwords?|savings)\b|\blocation (?:sharing|tracking)\b[^|]{0,40}\bnot allowed\b|\bnot allowed to turn (?:it|location|sharing|tracking) off\b|\bask (?:his|her|their) permission (?:to|before)\b|\bkeeps? me (?:up|awake) all night\b|\bshout(?:s|ing)? (?:at me )?until i (?:agree|say sorry|apologise|give in)\b|\bflinch(?:es|ed|ing)? (?:whenever|when|every time) (?:he|she|they|my partner)\b/,
    negatable: true,
  },
  {
    id: 'threats',
    level: 'safeguarding',
    pattern:
      /\bthreat(?:en|ens|ened|ening) (?:to )?(?:leave|run off|disappear|move away|go) with (?:the|my|our) (?:kids|children|child|baby|son|daughter|little ones?)\b|\bif i (?:leave|go|tell|split up|break up)\b[^|]{0,40}\b(?:make sure i never|never see (?:the|my|our) (?:kids|children|son|daughter|baby))\b|\b(?:threat(?:en|ens|ened|ening)|said|says|swore|warned me)\b[^|]{0,60}\bif i (?:ever )?tell (?:anyone|anybody|someone|the police|a teacher|my )|\b(?:threat(?:en|ens|ened|ening) to|going to|will) (?:put|post|share|send|upload|leak) (?:my )?(?:nudes|naked|intimate|private) ?(?:photos|pictures|pics|images|videos)?\b|\b(?:said|says|threatened) (?:they|he|she) (?:would|will) (?:hurt|kill|harm|get) my (?:mum|dad|family|brother|sister|kids|children|son|daughter)\b|\bif (?:he|she|they) (?:finds|find|reads|read|sees|see) this\b[^|]{0,40}\b(?:trouble|dead|kill|hurt)\b|\b(?:cover|hide|covering|hiding) (?:up )?(?:the )?(?:marks|bruises|bruising) on my\b|\bbruises to show for it\b|\b(?:kill|hurt|hit|batter|beat) me if (?:he|she|they) (?:finds|find|found|ever finds|ever find|ever found) out (?:that )?i (?:told|talked|spoke|went to|called|rang|have told|have been to|reported|saw a|asked)\b|\block(?:ed)? (?:myself|me|us|myself and the kids) in (?:the )?(?:bathroom|bedroom|toilet|car)\b[^|]{0,40}\b(?:till|until|away from) (?:he|she|him|her)\b/,
    negatable: true,
  },
  {
    id: 'exploitation',
    level: 'safeguarding',
    pattern:
      /\b(?:make|makes|made|forcing|force|forces) me (?:to )?(?:carry|deliver|move|hold|drop off|sell) (?:packages|parcels|drugs|bags|stuff|things)\b|\b(?:if|as long as) i (?:sleep with|have sex with|sleep with him|sleep with her)\b|\bwithout paying rent if i\b/,
    negatable: true,
  },
  {
    id: 'child-at-risk',
    level: 'safeguarding',
    pattern: new RegExp(
      `\\b(?:goes|comes|went|came|creeps|crept) into (?:my |her |his |our )?(?:little |younger )?(?:sister|brother|daughter|son|kids|child|children|stepdaughter|stepson) (?:room|bed|bedroom)\\b|\\b(?:left|leaves|leaving) (?:him|her|them|my (?:son|daughter|kids|child|baby)) (?:on (?:his|her|their) own|alone|home alone)\\b[^]{0,80}?\\b(?:he is|she is|they are|aged?|only) (?:[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b|\\b(?:came|comes|come|back) (?:back |home )?(?:from [a-z ]{0,24})?with (?:bruises|marks|burns)\\b|\\bbruises on (?:her|his|their) (?:arms|legs|back|face|body)\\b|\\b(?:is|was|are|were) (?:not allowed|told not|never allowed) to tell\\b|\\bgrabbed (?:our|my|the) (?:toddler|baby|son|daughter|child|kid|little one)\\b|\\bworried about (?:my|our) (?:son|daughter|child|kids|children) (?:going home|at home|being at|being home|safety)\\b`,
    ),
    negatable: true,
  },
];

/** Words that, after a capitalised word at the start of a sentence, make it a person's name. */
const NAME_VERBS =
  /^(?:hit|hits|beat|beats|slapped|slaps|punched|punches|kicked|kicks|choked|chokes|strangled|pushed|shoved|threw|grabbed|hurt|hurts|attacked|pinned|spat|threatened|threatens|said|says|told|tells|made|makes|forced|forces|will|would|keeps|kept|checks|controls|tracks|reads|raped|touched|touches|locks|locked|took|takes)$/;

const HARM_BEFORE_NAME =
  /^(?:kill|hurt|stab|shoot|strangle|murder|attack|harm|smother|suffocate|drown|hurting|killing|harming|stabbing)$/;

interface Line {
  text: string;
  /** For each token of the line: its offset in `text` and its index in `normalised.tokens`. */
  at: number[];
  token: number[];
}

/**
 * The whole text as one line of canonical words: clauses separated by ' | ', sentences by
 * ' || ' (no rule spans either; one pass per rule over the text is cheaper than one per sentence).
 */
function linesOf(normalised: RiskText): Line[] {
  const lines: Line[] = [];
  const { tokens } = normalised;
  let current: Line | null = null;
  let text = '';
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    const previous = index > 0 ? tokens[index - 1] : undefined;
    if (!current || !previous) {
      current = { text: '', at: [], token: [] };
      text = '';
    } else if (previous.sentence !== token.sentence) {
      text += ' || ';
    } else {
      text += previous.clause !== token.clause ? ' | ' : ' ';
    }
    // A capitalised word reads as "name" only where a person would stand: before a verb of
    // harm or control ("Tom hit me") or after one ("I want to hurt Tom").
    const next = tokens[index + 1];
    const isName =
      token.name &&
      ((next !== undefined && next.clause === token.clause && NAME_VERBS.test(next.word)) ||
        (previous !== undefined &&
          previous.clause === token.clause &&
          HARM_BEFORE_NAME.test(previous.word)));
    current.at.push(text.length);
    current.token.push(index);
    text += isName ? 'name' : token.word;
  }
  if (current) {
    current.text = text;
    lines.push(current);
  }
  return lines;
}

/** The clause of `text` around [start, end). */
function clauseAround(text: string, start: number, end: number): { text: string; offset: number } {
  const from = text.lastIndexOf('|', start - 1) + 1;
  const stop = text.indexOf('|', end);
  const to = stop === -1 ? text.length : stop;
  return { text: text.slice(from, to), offset: from };
}

/** The words shortly before a match that a negation could govern. */
function negationScope(clauseBefore: string): string {
  const cleaned = clauseBefore.replace(NOT_A_NEGATION, ' ');
  let cut = 0;
  SCOPE_BREAK.lastIndex = 0;
  for (let found = SCOPE_BREAK.exec(cleaned); found; found = SCOPE_BREAK.exec(cleaned)) {
    cut = found.index + found[0].length;
  }
  return cleaned.slice(cut).trim().split(' ').slice(-4).join(' ');
}

/** Whether the nearest subject before the match is someone else (he, she, my friend…). */
function aboutSomeoneElse(clauseBefore: string): boolean {
  const words = clauseBefore.trim().split(' ');
  for (let i = words.length - 1; i >= 0 && i >= words.length - 6; i -= 1) {
    const word = words[i] ?? '';
    if (SELF_WORD.test(word)) return false;
    if (OTHERS.test(word)) return true;
  }
  return false;
}

const MAX_MATCHES_PER_RULE = 200;
const GLOBAL_PATTERNS: readonly RegExp[] = RULES.map(
  (rule) => new RegExp(rule.pattern.source, 'g'),
);
/** Per rule, strings one of which any match must contain (null: always run the rule). */
let precheckTables: { anchors: readonly (string[] | null)[]; index: SubstringIndex } | null = null;

/**
 * Built on the first check, not when the module loads (about a tenth of a second and a couple
 * of megabytes): a server starting up, or a browser opening a page that may never check a
 * text, does not pay for it.
 */
function precheckTablesOf(): { anchors: readonly (string[] | null)[]; index: SubstringIndex } {
  if (!precheckTables) {
    const anchors = RULES.map((rule) => requiredSubstrings(rule.pattern));
    precheckTables = { anchors, index: new SubstringIndex(anchors.map((list) => list ?? [])) };
  }
  return precheckTables;
}
/**
 * Study, training or media about these subjects ("we learned how to do self-harm risk
 * assessments", "a documentary about refuges"): a match in a clause that says nothing about
 * the writer (no I, me or myself) is about the subject, not the person.
 */
const STUDY_CONTEXT =
  /\b(?:revising|revision|lecture|lectures|module|placement|training|course|documentary|textbook|seminar|we learned|we learnt|we practised|we practiced|studying|case study)\b/;
const ABOUT_THE_WRITER = /\b(?:i|me|myself)\b/;
/** "On purpose" overrides an accident reading ("burnt myself with the iron on purpose"). */
const DELIBERATE =
  /\b(?:on purpose|deliberately|intentionally|to punish myself|to feel something|so it would hurt)\b/;

/** Assesses one text. Never throws; linear in the text's length for ordinary input. */
export function assessRisk(text: string): RiskAssessment {
  return assess(text, true);
}

/**
 * The same assessment with every rule run on every text, for the tests that prove the quick
 * pre-check (regex-anchors.ts) never changes a result.
 */
export function assessRiskWithoutPrecheck(text: string): RiskAssessment {
  return assess(text, false);
}

function assess(text: string, precheck: boolean): RiskAssessment {
  const reasons: RiskReason[] = [];
  let level: RiskLevel = 'none';
  let lines: Line[];
  let tokens: RiskText['tokens'];
  try {
    const normalised = normaliseForRisk(text);
    tokens = normalised.tokens;
    lines = linesOf(normalised);
  } catch {
    return { level: 'none', reasons: [] };
  }
  const add = (reason: RiskReason): void => {
    if (!reasons.some((seen) => seen.rule === reason.rule && seen.match === reason.match))
      reasons.push(reason);
    level = moreSevere(level, reason.level);
  };
  for (const line of lines) {
    const tables = precheck ? precheckTablesOf() : null;
    const possible = tables ? tables.index.find(line.text) : null;
    const study = STUDY_CONTEXT.test(line.text);
    for (const [ruleIndex, rule] of RULES.entries()) {
      if (possible && tables?.anchors[ruleIndex] && !possible[ruleIndex]) continue;
      const pattern = GLOBAL_PATTERNS[ruleIndex] ?? rule.pattern;
      pattern.lastIndex = 0;
      let count = 0;
      for (let match = pattern.exec(line.text); match; match = pattern.exec(line.text)) {
        if (match[0].length === 0) {
          pattern.lastIndex += 1;
          continue;
        }
        count += 1;
        if (count > MAX_MATCHES_PER_RULE) break;
        const start = match.index;
        const end = start + match[0].length;
        const clause = clauseAround(line.text, start, end);
        if (
          rule.unless?.test(clause.text) &&
          !(rule.level === 'crisis' && DELIBERATE.test(clause.text))
        )
          continue;
        if (study && !ABOUT_THE_WRITER.test(clause.text)) continue;
        const before = line.text.slice(clause.offset, start);
        let found: Exclude<RiskLevel, 'none'> = rule.level;
        if (
          rule.negatable &&
          NEGATION.test(negationScope(before)) &&
          !WITHHELD_NEGATION.test(before)
        ) {
          if (!rule.negatedConcern?.test(clause.text)) continue;
          found = 'concern';
        }
        if (rule.softenable && (PAST.test(clause.text) || aboutSomeoneElse(before)))
          found = 'concern';
        add({ level: found, rule: rule.id, match: quote(text, tokens, line, start, end) });
      }
    }
  }
  return { level, reasons };
}

/** The person's own words behind [start, end) of a line. */
function quote(
  text: string,
  tokens: RiskText['tokens'],
  line: Line,
  start: number,
  end: number,
): string {
  // Token offsets ascend: binary search, since one line holds the whole text.
  const atOrAfter = (offset: number): number => {
    let low = 0;
    let high = line.at.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((line.at[middle] ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const last = atOrAfter(end) - 1;
  const startIndex = atOrAfter(start);
  const first = startIndex <= last ? startIndex : last;
  const from = tokens[line.token[first] ?? 0]?.start ?? 0;
  const to = tokens[line.token[last] ?? 0]?.end ?? text.length;
  return text.slice(from, Math.max(from, to)).slice(0, 200);
}
