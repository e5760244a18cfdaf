/**
 * Labelled automatic thoughts for measuring `suggestThinkingTraps` (thinking-traps.test.ts
 * prints precision and recall per trap). All written for Closer, most of them about
 * closeness, dating, partners and family, as people type them: contractions, curly
 * apostrophes, missing apostrophes and a few slips of spelling.
 *
 * How a thought is labelled (one reader's judgement, kept the same throughout):
 * - all-or-nothing: a verdict with no middle: perfect or ruined, completely, totally, a total
 *   write-off, nothing or everything as a verdict, either/or; also "always" or "never" fused
 *   with a verdict on oneself ("I'm always wrong", "never good enough").
 * - overgeneralising: a few events stretched into a rule: always or never as a pattern, every
 *   time, everyone or nobody, all men. Not "never" inside a prediction ("I'll never…": fortune
 *   telling) or inside a rule ("I must never…": a should statement).
 * - mental filter: one bad detail fills the view and the rest is left out.
 * - discounting positives: something good is brushed aside: luck, a fluke, "just being kind",
 *   "doesn't count", "they have to say that", pity.
 * - mind reading: knowing without being told what someone else thinks, feels or intends.
 * - fortune telling: a bad future stated as certain (will, going to, bound to, no point).
 * - catastrophising: an outcome framed as a disaster or as too much to bear, and "what if…?"
 *   spirals towards the worst.
 * - emotional reasoning: a feeling used as proof ("I feel…, so it must be…").
 * - should statements: should, must, ought to, have to, supposed to, aimed at oneself or
 *   others; not "should be fine" (a likelihood) or "should I…?" (a question).
 * - labelling: the person's own one-word verdict on themselves or someone else (I'm
 *   unlovable, he's a liar). A label put into someone else's head ("she thinks I'm boring")
 *   is mind reading only.
 * - personalising: taking the blame, or the cause, for what was not only theirs.
 *
 * The held-out block was written before any rule of the detector existed and has not been
 * used to change a rule since: its figures show how the rules fare on thoughts they were not
 * tuned on.
 */
import type { ThinkingTrapId } from './thinking-traps';

export interface ThinkingTrapPhrase {
  text: string;
  /** The traps a careful reader would suggest; empty for a balanced or neutral thought. */
  traps: readonly ThinkingTrapId[];
}

const thought = (text: string, ...traps: ThinkingTrapId[]): ThinkingTrapPhrase => ({
  text,
  traps,
});

/** Thoughts the rules were tuned on. */
export const THINKING_TRAP_PHRASES: readonly ThinkingTrapPhrase[] = [
  // All or nothing
  thought('If it isn’t perfect, it’s a failure.', 'all-or-nothing'),
  thought(
    'I said one wrong thing, so the whole date was ruined.',
    'all-or-nothing',
    'mental-filter',
  ),
  thought('Either I share everything with him or I’m hiding myself completely.', 'all-or-nothing'),
  thought('I’m a complete mess.', 'all-or-nothing', 'labelling'),
  thought('Our relationship is totally broken.', 'all-or-nothing'),
  thought('Nothing I do is ever good enough for her.', 'all-or-nothing', 'overgeneralising'),
  thought('Everything between us is ruined.', 'all-or-nothing'),
  thought('Unless she’s completely sure about me, she doesn’t really want me.', 'all-or-nothing'),
  thought(
    'It was either a perfect evening or a waste of time, and it wasn’t perfect.',
    'all-or-nothing',
  ),
  thought('I’m always wrong about people.', 'all-or-nothing', 'overgeneralising'),
  thought('One bad day means I’ve failed at getting better.', 'all-or-nothing'),
  thought(
    'If I’m not 100% confident, I shouldn’t even try.',
    'all-or-nothing',
    'should-statements',
  ),
  thought('I’m completely useless at talking about feelings.', 'all-or-nothing', 'labelling'),
  thought('I either love someone totally or feel nothing at all.', 'all-or-nothing'),
  thought('Any little slip means I’m back at square one.', 'all-or-nothing'),
  thought('The weekend was a total write-off.', 'all-or-nothing'),
  thought('He’s either perfect or he’s a waste of my time.', 'all-or-nothing'),
  thought('I never get it right with partners.', 'all-or-nothing', 'overgeneralising'),

  // Overgeneralising
  thought('Everyone I get close to ends up hurting me.', 'overgeneralising'),
  thought('I always push people away.', 'overgeneralising'),
  thought('This always happens to me.', 'overgeneralising'),
  thought('Every time I open up, I get let down.', 'overgeneralising'),
  thought('Nobody ever stays.', 'overgeneralising'),
  thought('All women are the same.', 'overgeneralising'),
  thought('Men always leave in the end.', 'overgeneralising'),
  thought('No one has ever really loved me.', 'overgeneralising'),
  thought('Whenever things go well, something goes wrong.', 'overgeneralising'),
  thought('My relationships all end the same way.', 'overgeneralising'),
  thought('He forgot to call again; he never thinks about me.', 'overgeneralising', 'mind-reading'),
  thought('People always get bored of me eventually.', 'overgeneralising'),
  thought('I can’t trust anyone, because everyone lets you down.', 'overgeneralising'),
  thought('Every date I go on is awkward.', 'overgeneralising'),
  thought('It’s the same story every single time.', 'overgeneralising'),
  thought('Nobody wants to be with someone like me.', 'overgeneralising'),
  thought('Once again I’ve been let down; it’s always the way.', 'overgeneralising'),
  thought('nobody evr stays with me for long', 'overgeneralising'),

  // Mental filter
  thought('The date went well, but all I can think about is that awkward pause.', 'mental-filter'),
  thought(
    'She said lots of kind things, but I keep going over the one criticism.',
    'mental-filter',
  ),
  thought('I can’t stop replaying the moment I stumbled over my words.', 'mental-filter'),
  thought('The only thing I remember from the party is the joke that fell flat.', 'mental-filter'),
  thought(
    'We had a lovely week, apart from one argument, and that’s what counts.',
    'mental-filter',
  ),
  thought(
    'He hugged me and said he’d missed me, but he looked at his phone once and that’s all I can see.',
    'mental-filter',
  ),
  thought('The whole holiday was spoiled by one comment.', 'mental-filter', 'all-or-nothing'),
  thought('Forget the nice parts; the bit where I blushed is what matters.', 'mental-filter'),
  thought(
    'I keep thinking about the one time he raised his voice, not all the gentle times.',
    'mental-filter',
  ),
  thought(
    'My review was mostly good, but I can only focus on the one negative point.',
    'mental-filter',
  ),
  thought(
    'It doesn’t matter that the evening was fun, because I went bright red.',
    'mental-filter',
    'discounting-positives',
  ),
  thought('All I notice is what went wrong.', 'mental-filter'),
  thought('I only see my mistakes, not what I did well.', 'mental-filter'),
  thought('Dinner was nice, but I can’t get past that one awkward moment.', 'mental-filter'),
  thought('Most of the talk went well, but I’m stuck on the part where I cried.', 'mental-filter'),

  // Discounting positives
  thought('She said it was lovely but she was just being kind.', 'discounting-positives'),
  thought('He says he loves me, but he doesn’t really mean it.', 'discounting-positives'),
  thought('The date went well, but that was just luck.', 'discounting-positives'),
  thought('Anyone could have done it.', 'discounting-positives'),
  thought('They only invited me to be polite.', 'discounting-positives'),
  thought(
    'Getting through the conversation doesn’t count, because it was easy.',
    'discounting-positives',
  ),
  thought('My partner compliments me, but partners have to say that.', 'discounting-positives'),
  thought('I managed to open up once, but it was a fluke.', 'discounting-positives'),
  thought('Yes, we had a good talk, but it doesn’t mean anything.', 'discounting-positives'),
  thought('People say I’m kind, but they don’t know the real me.', 'discounting-positives'),
  thought('He texted first, but only because he was bored.', 'discounting-positives'),
  thought('I got the job, but only because they were desperate.', 'discounting-positives'),
  thought('She only said yes to a second date out of pity.', 'discounting-positives'),
  thought('The progress I’ve made hardly counts.', 'discounting-positives'),
  thought(
    'Sure, he was gentle with me, but that’s just how he is with everyone.',
    'discounting-positives',
  ),
  thought('shes only nice to me cos she feels sorry for me', 'discounting-positives'),

  // Mind reading
  thought('He didn’t text back so he’s lost interest.', 'mind-reading'),
  thought('She thinks I’m pathetic.', 'mind-reading'),
  thought('They’re all judging me.', 'mind-reading'),
  thought('I can tell he’s bored of me.', 'mind-reading'),
  thought('My partner is annoyed with me; I just know it.', 'mind-reading'),
  thought('She must think I’m too much.', 'mind-reading'),
  thought('He’s secretly planning to leave me.', 'mind-reading'),
  thought('Her friends don’t like me.', 'mind-reading'),
  thought('He doesn’t care about me any more.', 'mind-reading'),
  thought('She went quiet because she’s had enough of me.', 'mind-reading'),
  thought('Everyone at the party could see how nervous I was.', 'mind-reading'),
  thought('He’s comparing me with his ex.', 'mind-reading'),
  thought('My partner wishes she’d never met me.', 'mind-reading'),
  thought('They think I’m boring.', 'mind-reading'),
  thought('He’s just putting up with me.', 'mind-reading'),
  thought('She looked at her watch, so she wanted the date to end.', 'mind-reading'),
  thought('hes lost intrest in me i can tell', 'mind-reading'),

  // Fortune telling
  thought('If I tell her how I feel she’ll leave.', 'fortune-telling'),
  thought('I’ll end up alone.', 'fortune-telling'),
  thought('It’s going to go wrong like it always does.', 'fortune-telling', 'overgeneralising'),
  thought('He’s going to reject me.', 'fortune-telling'),
  thought('I just know the date will be awkward.', 'fortune-telling'),
  thought('If I say no, he’ll dump me.', 'fortune-telling'),
  thought('I’m going to freeze up and say something stupid.', 'fortune-telling'),
  thought('This relationship won’t last.', 'fortune-telling'),
  thought('She’s bound to find someone better.', 'fortune-telling'),
  thought('I’ll never find anyone who understands me.', 'fortune-telling'),
  thought('There’s no point trying, it won’t work out.', 'fortune-telling'),
  thought('They’ll laugh if I tell them.', 'fortune-telling'),
  thought('He’ll get bored of me soon.', 'fortune-telling'),
  thought('If I let my guard down, I’m going to get hurt.', 'fortune-telling'),
  thought('I’m sure the first night together will be a let-down.', 'fortune-telling'),
  thought('My partner will leave once she sees how anxious I get.', 'fortune-telling'),
  thought('if i tell him about my past hes gonna leave', 'fortune-telling'),

  // Catastrophising
  thought('If he leaves, my life is over.', 'catastrophising'),
  thought('If she sees me panic, it’ll be a disaster.', 'catastrophising', 'fortune-telling'),
  thought('What if I say the wrong thing and he never speaks to me again?', 'catastrophising'),
  thought('Being rejected would be the end of the world.', 'catastrophising'),
  thought('I couldn’t cope if she said no.', 'catastrophising'),
  thought('If we break up I’ll fall apart.', 'catastrophising', 'fortune-telling'),
  thought(
    'One argument and everything will come crashing down.',
    'catastrophising',
    'fortune-telling',
  ),
  thought('Being that close to someone would be unbearable.', 'catastrophising'),
  thought('If my family finds out, it will ruin my life.', 'catastrophising', 'fortune-telling'),
  thought('This is the worst thing that could have happened.', 'catastrophising'),
  thought('What if he’s hurt in a crash on the way home?', 'catastrophising'),
  thought('I’ll die of embarrassment if he sees my scars.', 'catastrophising', 'fortune-telling'),
  thought('If the date goes badly, I’ll never get over it.', 'catastrophising', 'fortune-telling'),
  thought('Telling her the truth would be a nightmare.', 'catastrophising'),
  thought('I can’t bear the thought of him seeing me without make-up.', 'catastrophising'),
  thought('A small disagreement feels like a total catastrophe.', 'catastrophising'),

  // Emotional reasoning
  thought('I feel rejected so I must have been rejected.', 'emotional-reasoning'),
  thought('I feel like a failure, so I am one.', 'emotional-reasoning', 'labelling'),
  thought('I feel anxious around him, so he must be bad for me.', 'emotional-reasoning'),
  thought(
    'It feels true that she doesn’t love me, so it must be.',
    'emotional-reasoning',
    'mind-reading',
  ),
  thought('I feel ugly, so I must look awful.', 'emotional-reasoning'),
  thought(
    'Because I feel guilty, I must have done something wrong.',
    'emotional-reasoning',
    'personalising',
  ),
  thought('I feel so scared, there must be real danger.', 'emotional-reasoning'),
  thought('My gut says he’s going to cheat, so he will.', 'emotional-reasoning', 'fortune-telling'),
  thought('I feel unwanted, which means I am unwanted.', 'emotional-reasoning'),
  thought('I feel stupid, so I must be stupid.', 'emotional-reasoning', 'labelling'),
  thought('I feel like she’s pulling away, so she is.', 'emotional-reasoning', 'mind-reading'),
  thought('I feel uneasy about us, so something must be wrong.', 'emotional-reasoning'),
  thought('I feel embarrassed, which proves I made a fool of myself.', 'emotional-reasoning'),
  thought(
    'I don’t feel attractive, so nobody could find me attractive.',
    'emotional-reasoning',
    'overgeneralising',
  ),
  thought('Since I feel like a nuisance, I must be one.', 'emotional-reasoning', 'labelling'),
  thought('I feel it in my gut: he doesn’t want me.', 'emotional-reasoning', 'mind-reading'),

  // Should statements
  thought('I should be over this by now.', 'should-statements'),
  thought('I shouldn’t feel so scared of being close.', 'should-statements'),
  thought('I must always look calm in front of her.', 'should-statements'),
  thought('She ought to have noticed I was upset.', 'should-statements'),
  thought('I have to be the perfect partner.', 'should-statements', 'all-or-nothing'),
  thought('A grown adult shouldn’t need this much reassurance.', 'should-statements'),
  thought('I’m supposed to enjoy being touched.', 'should-statements'),
  thought('I need to stop being so sensitive.', 'should-statements'),
  thought('I shouldn’t have told him about my past.', 'should-statements'),
  thought('Couples are supposed to tell each other everything.', 'should-statements'),
  thought('I ought to want sex more than I do.', 'should-statements'),
  thought('My partner must never see me cry.', 'should-statements'),
  thought('I should have known better than to trust her.', 'should-statements'),
  thought('I’ve got to stop being such a wimp.', 'should-statements', 'labelling'),
  thought('By now I ought to be married.', 'should-statements'),
  thought('He mustn’t ever find out how anxious I get.', 'should-statements'),
  thought('i shud be able to do this by now', 'should-statements'),

  // Labelling
  thought('I’m unlovable.', 'labelling'),
  thought('I’m such an idiot.', 'labelling'),
  thought('I’m pathetic for still being upset.', 'labelling'),
  thought('He’s a liar, like all of them.', 'labelling', 'overgeneralising'),
  thought('I’m damaged goods.', 'labelling'),
  thought('I’m too clingy for anyone to want.', 'labelling'),
  thought('I’m broken.', 'labelling'),
  thought('What a loser I am.', 'labelling'),
  thought('She’s heartless.', 'labelling'),
  thought('I’m a coward for not saying how I feel.', 'labelling'),
  thought('I’m boring to be with.', 'labelling'),
  thought('I’m just a needy mess.', 'labelling'),
  thought('He’s selfish, full stop.', 'labelling'),
  thought('I’m a terrible girlfriend.', 'labelling'),
  thought('I’m weird and always will be.', 'labelling', 'fortune-telling'),
  thought('I’m a disappointment to my partner.', 'labelling'),
  thought('Im such a freak', 'labelling'),
  thought("I'm unloveable", 'labelling'),

  // Personalising
  thought('It’s my fault we argued.', 'personalising'),
  thought('He’s in a bad mood, and it must be something I did.', 'personalising'),
  thought('My partner is stressed because of me.', 'personalising'),
  thought('If I’d been a better wife, he wouldn’t have strayed.', 'personalising'),
  thought('I made her cry, so I’m the problem.', 'personalising'),
  thought('The party was dull because I was there.', 'personalising'),
  thought('It’s down to me that my parents argue.', 'personalising'),
  thought('She cancelled our plans; I must have upset her.', 'personalising'),
  thought('I’m to blame for the break-up.', 'personalising'),
  thought('My ex cheated because I wasn’t enough.', 'personalising'),
  thought('Everyone was tense at dinner because of me.', 'personalising'),
  thought('I’m the reason she doesn’t trust people.', 'personalising'),
  thought('He was short with me, it must be my fault.', 'personalising'),
  thought('Our son is struggling because I’m a bad parent.', 'personalising', 'labelling'),
  thought('its all my fault he left', 'personalising'),

  // Two traps at once
  thought(
    'He didn’t say goodnight; he’s going off me and he’ll leave soon.',
    'mind-reading',
    'fortune-telling',
  ),
  thought(
    'I should be able to trust him, but I’m just a nervous wreck.',
    'should-statements',
    'labelling',
  ),
  thought('Nobody will ever love me.', 'fortune-telling', 'overgeneralising'),
  thought('She pulled her hand away because I’m disgusting.', 'personalising', 'labelling'),
  thought(
    'I always scare people off, and she’ll leave like the others did.',
    'overgeneralising',
    'fortune-telling',
  ),
  thought(
    'I should never have opened up; now he knows I’m a mess.',
    'should-statements',
    'labelling',
  ),
  thought(
    'My partner sighed, so she must be sick of me, and honestly I’m exhausting.',
    'mind-reading',
    'labelling',
  ),

  // Balanced or neutral: no trap to suggest
  thought('I’m not always wrong.'),
  thought('He hasn’t replied yet; he might be busy.'),
  thought('I felt nervous on the date, and I still went.'),
  thought('Should I text her first?'),
  thought('It wouldn’t be the end of the world if he said no.'),
  thought('We argued, and we both played a part in it.'),
  thought('I’d like to be more open, and I’m working on it.'),
  thought('She said it was lovely, and I believe her.'),
  thought('Some of my relationships have been hard, but not all of them.'),
  thought('I don’t have to be perfect to be loved.'),
  thought('The date had awkward moments and good ones.'),
  thought('I’m scared to tell him, but I can take it slowly.'),
  thought('It should be fine; we’ve talked about this before.'),
  thought('I made a mistake, and I can say sorry.'),
  thought('Not everyone I meet will hurt me.'),
  thought('I feel anxious, and that doesn’t mean anything is wrong.'),
  thought('I’m not a failure; I’m learning.'),
  thought('He asked to talk later, which is fair.'),
  thought('I felt rejected, and I’m going to ask her what she meant.'),
  thought('I have to leave for work at eight tomorrow.'),
  thought('Most days we get on well.'),
  // Trap-looking words used in a harmless way
  thought('I always feel calmer after we talk things through.'),
  thought('Everyone at the picnic was friendly to me.'),
  thought('I should ring my sister this weekend.'),
  thought('He must be tired after such a long shift.'),
  thought('I’m going to tell him how I feel tonight.'),
  thought('What if we went for a walk instead of talking at home?'),
  thought('I totally understand why she needed a night off.'),
  thought('It’s not my fault the train was late.'),
  thought('She thinks the film starts at eight.'),
  thought('I don’t think he’s lost interest; he’s just tired.'),
  thought('I’m not sure she’ll mind if I cancel.'),
  thought('There’s no way he’ll leave over something this small.'),
  thought('My partner is kind, and I’m lucky to have her.'),
  thought('That was a perfectly normal thing to feel.'),
];

/**
 * Written before the rules, never used to tune them. Their figures are printed separately
 * and held to a lower floor.
 */
export const THINKING_TRAP_HELD_OUT_PHRASES: readonly ThinkingTrapPhrase[] = [
  thought('If I let him see the real me, he’ll walk away.', 'fortune-telling'),
  thought('She took ages to reply, so she must be annoyed with me.', 'mind-reading'),
  thought('I’m just too needy for anyone to put up with.', 'labelling'),
  thought('I ought to be able to open up by now.', 'should-statements'),
  thought('Every relationship I have falls apart in the end.', 'overgeneralising'),
  thought('He was quiet at dinner, and that’s down to me.', 'personalising'),
  thought('I feel like a fraud, so I must be one.', 'emotional-reasoning', 'labelling'),
  thought('He said I looked nice, but he only said it because he had to.', 'discounting-positives'),
  thought(
    'One clumsy kiss and the whole night was a write-off.',
    'mental-filter',
    'all-or-nothing',
  ),
  thought('If she sees me cry it will be a total disaster.', 'catastrophising', 'fortune-telling'),
  thought('My friends are bound to laugh at me when they hear.', 'fortune-telling'),
  thought('Everything about this relationship is ruined now.', 'all-or-nothing'),
  thought('He’s only being nice to me because he feels sorry for me.', 'discounting-positives'),
  thought(
    'I get anxious when we’re close, which proves something is wrong between us.',
    'emotional-reasoning',
  ),
  thought('I’m not always the one who messes up.'),
  thought('Maybe he’s just busy at work this week.'),
  thought('It would hurt if she left, but I would cope.'),
  thought('I shouldn’t need reassurance this often.', 'should-statements'),
  thought('Nobody ever really listens to me.', 'overgeneralising'),
  thought('All I can think about is the awkward silence at the end.', 'mental-filter'),
  thought('It’s my fault he drinks so much.', 'personalising'),
  thought('She didn’t laugh at my joke, so she thinks I’m boring.', 'mind-reading'),
  thought('I’m a failure at relationships.', 'labelling'),
  thought('If this date goes badly I’ll never recover.', 'catastrophising', 'fortune-telling'),
  thought('I’d rather not talk about it today, and that’s allowed.'),
  thought('He must be seeing someone else; why else would he be on his phone?', 'mind-reading'),
  thought('Because I feel so unsure, we can’t be right for each other.', 'emotional-reasoning'),
  thought('She called me clever, but anyone could have done what I did.', 'discounting-positives'),
  thought('Unless I’m the perfect partner, I’m a let-down.', 'all-or-nothing', 'labelling'),
  thought('I must never let anyone see me upset.', 'should-statements'),
  thought('She seemed distant, so it must be something I said.', 'personalising'),
  thought('My last partner cheated, so all men are liars.', 'overgeneralising', 'labelling'),
  thought('When I get close to someone, I always end up getting hurt.', 'overgeneralising'),
  thought('If we argue, it means the relationship is over.', 'catastrophising'),
  thought('Telling him about my past would be unbearable.', 'catastrophising'),
  thought('I feel unlovable, so I must be.', 'emotional-reasoning', 'labelling'),
  thought(
    'They went quiet when I walked in; they were talking about me.',
    'mind-reading',
    'personalising',
  ),
  thought(
    'He forgot our anniversary, which shows he never cared.',
    'mind-reading',
    'overgeneralising',
  ),
  thought(
    'I have to be fun and easy-going all the time or she’ll get bored.',
    'should-statements',
    'fortune-telling',
  ),
  thought(
    'My hands shook on the date, so the whole thing was a disaster.',
    'mental-filter',
    'catastrophising',
  ),
  thought('I’m worried about the conversation, but I’ve planned what to say.'),
  thought('I wish I’d been braver, and I can try again next time.'),
  thought('People only date me until they find someone better.', 'overgeneralising'),
  thought('I’m the reason my parents split up.', 'personalising'),
  thought('We had one good weekend, but that was a fluke.', 'discounting-positives'),
  thought(
    'He didn’t reply to my message; he’s probably getting ready to end things.',
    'mind-reading',
    'fortune-telling',
  ),
  thought('I’m weak for still missing her.', 'labelling'),
  thought('He said he needs space, and I can give him that.'),
  thought(
    'If I can’t say it perfectly, there’s no point saying it at all.',
    'all-or-nothing',
    'fortune-telling',
  ),
  thought(
    'She mentioned one thing she’d change about me and now that’s all I hear.',
    'mental-filter',
  ),
  thought('Either he loves me completely or he doesn’t love me at all.', 'all-or-nothing'),
  thought(
    'It feels true that she’ll cheat, so it probably is.',
    'emotional-reasoning',
    'fortune-telling',
  ),
  thought(
    'My therapist says I’m making progress, but she’s paid to say that.',
    'discounting-positives',
  ),
  thought('He should know what I need without me having to ask.', 'should-statements'),
];
