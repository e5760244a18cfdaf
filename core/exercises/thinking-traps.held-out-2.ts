/**
 * A second held-out set of automatic thoughts for measuring `suggestThinkingTraps`
 * (thinking-traps.held-out-2.test.ts prints precision and recall per trap).
 *
 * Written on 2026-11-26, independently of the detector's rules and of the earlier phrases in
 * thinking-traps.phrases.ts (neither was read while writing them): only the catalogue of traps
 * and the labelling guide at the top of thinking-traps.phrases.ts were used. Labels follow that
 * guide. First person, British English, mostly about closeness, dating, partners, friends and
 * family, with some work and body image, typed as people type: contractions, missing
 * apostrophes, slips of spelling and text-speak.
 *
 * Never to be tuned against. A miss or a false suggestion here is fixed by writing a NEW
 * phrase into the tuning set (THINKING_TRAP_PHRASES) and changing a rule; the thoughts and
 * labels below are never edited to make a figure better. (One thought, a should statement
 * that turned out to repeat an earlier phrase word for word, was removed on the first run
 * rather than reworded.)
 */
import type { ThinkingTrapId } from './thinking-traps';

export interface ThinkingTrapFreshThought {
  text: string;
  /** The traps a careful reader would suggest; empty for a balanced or neutral thought. */
  traps: ThinkingTrapId[];
}

const thought = (text: string, ...traps: ThinkingTrapId[]): ThinkingTrapFreshThought => ({
  text,
  traps,
});

export const THINKING_TRAP_FRESH_THOUGHTS: readonly ThinkingTrapFreshThought[] = [
  // All or nothing
  thought('If the first date isn’t perfect then the whole thing is ruined.', 'all-or-nothing'),
  thought(
    'Either he wants all of me or he wants none of me, there’s no in between.',
    'all-or-nothing',
  ),
  thought('One awkward silence and the whole evening was a total write-off.', 'all-or-nothing'),
  thought('However hard I try, I’m never good enough.', 'all-or-nothing'),
  thought('My body is either toned or it’s gross, nothing in between.', 'all-or-nothing'),
  thought('I forgot her birthday so the friendship is completely finished.', 'all-or-nothing'),
  thought(
    'If I fluff one line of the speech, the speech is a failure, full stop.',
    'all-or-nothing',
  ),
  thought('we had one row so obvs the relationship is totally broken', 'all-or-nothing'),
  thought(
    'Either I tell him every detail of my past or I’m hiding everything from him.',
    'all-or-nothing',
  ),
  thought(
    'I’m always too much or never enough, there’s no version of me that’s just right.',
    'all-or-nothing',
  ),
  thought('If we can’t agree on where to live then we aren’t compatible at all.', 'all-or-nothing'),
  thought('If I can’t be the perfect dad I might as well not bother being one.', 'all-or-nothing'),
  thought('Unless Ive lost the weight by summer, Ive failed completley.', 'all-or-nothing'),
  thought('Either a friendship is effortless or it isnt a real friendship.', 'all-or-nothing'),
  thought('The kiss was a bit clumsy so the whole night counts for nothing.', 'all-or-nothing'),

  // One time becomes every time
  thought('Every time I let someone in, they end up leaving.', 'overgeneralising'),
  thought('Nobody ever texts me first.', 'overgeneralising'),
  thought('All women want is someone taller and richer than me.', 'overgeneralising'),
  thought('Men always lose interest after a few months.', 'overgeneralising'),
  thought('My family never listen to a word I say.', 'overgeneralising'),
  thought('Whenever I open up at work it gets used against me.', 'overgeneralising'),
  thought('ppl always ditch me when something better comes along', 'overgeneralising'),
  thought(
    'Everyone I’ve dated has cheated in the end, that’s just how it goes for me.',
    'overgeneralising',
  ),
  thought('Ghosted again. It happens every single time.', 'overgeneralising'),
  thought('No one ever asks how I’m doing.', 'overgeneralising'),
  thought('Friends always drift away once they get a partner.', 'overgeneralising'),
  thought('Every party I go to, I end up stood in the kitchen on my own.', 'overgeneralising'),
  thought('Any time I get close to someone I push them away.', 'overgeneralising'),
  thought('Family get-togethers always end in a row.', 'overgeneralising'),

  // Zooming in on the bad
  thought(
    'The date went well apart from when I knocked my drink over, and that’s all I can think about.',
    'mental-filter',
  ),
  thought(
    'He wrote loads of lovely things in the card but I keep rereading the bit where he said I can be distant.',
    'mental-filter',
  ),
  thought(
    'My appraisal was mostly glowing but all I can think about is the one line about my timekeeping.',
    'mental-filter',
  ),
  thought(
    'We had a lovely weekend but I can’t stop going over the five minutes we bickered in the car.',
    'mental-filter',
  ),
  thought(
    'Forty people liked the photo and I only see the one friend who didn’t.',
    'mental-filter',
  ),
  thought(
    'All I remember from the wedding is my voice wobbling during the toast, not the dancing or anything else.',
    'mental-filter',
  ),
  thought(
    'She hugged me, laughed at my jokes, stayed till late, but the bit that sticks is that she checked her phone once.',
    'mental-filter',
  ),
  thought('the whole call with mum i just kept hearing that one sigh', 'mental-filter'),
  thought('Looking at the holiday pics all I notice is my stomach.', 'mental-filter'),
  thought(
    'Our anniversary dinner was nice but the only thing I took away from it was the waiter’s comment.',
    'mental-filter',
  ),
  thought(
    'Everyone said the presentation went great but I can only think about the slide I stumbled on.',
    'mental-filter',
  ),
  thought(
    'Six good months together and I keep fixating on the one time he forgot to ring me back.',
    'mental-filter',
  ),
  thought(
    'The reunion was lovely really, but the only thing in my head is the moment nobody laughed at my story.',
    'mental-filter',
  ),

  // Brushing off the good
  thought(
    'He said I looked beautiful but he’s my boyfriend, he has to say that.',
    'discounting-positives',
  ),
  thought(
    'I got the promotion because nobody else applied, so it doesn’t really count.',
    'discounting-positives',
  ),
  thought(
    'She only agreed to a second date because she felt sorry for me.',
    'discounting-positives',
  ),
  thought(
    'My friends say I’m a good listener but they’re just being nice.',
    'discounting-positives',
  ),
  thought('Yes, we had a good conversation, but that was a fluke.', 'discounting-positives'),
  thought(
    'My therapist says I’ve made progress but it’s her job to say that.',
    'discounting-positives',
  ),
  thought(
    'My sister thanked me for being there but anyone would have done the same, it was nothing special.',
    'discounting-positives',
  ),
  thought(
    'I managed to tell him how I felt but only because I’d had a glass of wine, so it doesn’t count.',
    'discounting-positives',
  ),
  thought(
    'people complimenting my dress doesnt mean anything, they were just being polite',
    'discounting-positives',
  ),
  thought(
    'Getting a match was pure luck, the app shows you to everyone eventually.',
    'discounting-positives',
  ),
  thought(
    'I know I handled the disagreement calmly but it was an easy one, so it hardly counts.',
    'discounting-positives',
  ),
  thought(
    'My mate said I was brave for going on the date but it’s not brave, normal people do it all the time.',
    'discounting-positives',
  ),
  thought(
    'He remembered my favourite flowers but that’s only cos I’d mentioned them loads.',
    'discounting-positives',
  ),

  // Mind reading
  thought('She didn’t reply straight away so she’s obviously annoyed with me.', 'mind-reading'),
  thought('I can tell his parents think I’m not good enough for him.', 'mind-reading'),
  thought('My colleagues think I’m weird for eating lunch by myself.', 'mind-reading'),
  thought('He went quiet when I mentioned moving in, he doesn’t want to.', 'mind-reading'),
  thought('I know she’s only staying with me out of habit.', 'mind-reading'),
  thought('Everyone at the table was judging my outfit.', 'mind-reading'),
  thought('he looked at his watch so hes bored of me', 'mind-reading'),
  thought('My friend’s being polite but deep down she resents me for moving away.', 'mind-reading'),
  thought('They invited me out of duty, they don’t actually want me there.', 'mind-reading'),
  thought('When he kissed me he was thinking about his ex, I could tell.', 'mind-reading'),
  thought('My dad thinks I’m wasting my life being single.', 'mind-reading'),
  thought('She’s seen my message and she’s ignoring it on purpose.', 'mind-reading'),
  thought('The way my manager said “fine” means she’s disappointed in me.', 'mind-reading'),

  // Fortune telling
  thought('I’ll never find someone who wants to stay.', 'fortune-telling'),
  thought('If I tell her about my anxiety she’s going to leave.', 'fortune-telling'),
  thought('This date is bound to go badly.', 'fortune-telling'),
  thought(
    'There’s no point joining the climbing club, I won’t make any friends there.',
    'fortune-telling',
  ),
  thought('He’s going to get bored of me within a month.', 'fortune-telling'),
  thought('I know lunch with her parents will be awkward.', 'fortune-telling'),
  thought('ill end up on my own, i just know it', 'fortune-telling'),
  thought('No point in therapy, nothing’s going to change.', 'fortune-telling'),
  thought('She’ll say no if I ask her to move in.', 'fortune-telling'),
  thought('Once he sees me without make-up he won’t fancy me any more.', 'fortune-telling'),
  thought('I’m going to freeze up when it gets physical, I just know I will.', 'fortune-telling'),
  thought('My friends will forget about me once the baby arrives.', 'fortune-telling'),
  thought('The interview is going to go terribly.', 'fortune-telling'),

  // Making it a disaster
  thought('If she leaves me I won’t survive it.', 'catastrophising'),
  thought(
    'What if he’s bored, and then he cheats, and then I’m left with nothing and nobody?',
    'catastrophising',
  ),
  thought(
    'If I blush in front of him it’ll be the most humiliating thing ever and I’ll never recover.',
    'catastrophising',
  ),
  thought(
    'Getting dumped right before Christmas would be the end of the world.',
    'catastrophising',
  ),
  thought(
    'If my family find out I’m in therapy it would be an absolute catastrophe.',
    'catastrophising',
  ),
  thought(
    'what if i say the wrong thing and it all falls apart and i lose everyone',
    'catastrophising',
  ),
  thought('Meeting his friends would be unbearable, I couldn’t cope.', 'catastrophising'),
  thought('If we argue in front of the kids they’ll be scarred for life.', 'catastrophising'),
  thought(
    'A lump. What if it’s cancer and I die before I’ve ever really let anyone in?',
    'catastrophising',
  ),
  thought(
    'If I get rejected again I’ll fall to pieces and I won’t be able to bear it.',
    'catastrophising',
  ),
  thought('Losing this job would wreck my whole life.', 'catastrophising'),
  thought('If he sees my scars it’ll be a nightmare I can’t face.', 'catastrophising'),
  thought(
    'What if I panic during sex and he thinks I’m a freak and tells all his mates?',
    'catastrophising',
  ),

  // Feelings as facts
  thought('I feel so anxious about this date that it must be a mistake.', 'emotional-reasoning'),
  thought('I feel jealous, which proves he’s hiding something.', 'emotional-reasoning'),
  thought('I feel ugly today so I obviously look awful.', 'emotional-reasoning'),
  thought('I feel guilty, so I must have done something wrong.', 'emotional-reasoning'),
  thought(
    'I feel nervous around him, that must mean he’s not right for me.',
    'emotional-reasoning',
  ),
  thought('i feel so embarassed, i must have messed it up', 'emotional-reasoning'),
  thought(
    'Something feels off in my gut, so the relationship must be failing.',
    'emotional-reasoning',
  ),
  thought('Because I feel scared of commitment, I can’t really love her.', 'emotional-reasoning'),
  thought('I feel fat, so there’s no way I’m attractive to anyone.', 'emotional-reasoning'),
  thought('It feels hopeless, so it must be hopeless.', 'emotional-reasoning'),
  thought('I feel out of my depth at work, so I must be in the wrong job.', 'emotional-reasoning'),
  thought(
    'I feel so insecure, it has to mean our relationship is on shaky ground.',
    'emotional-reasoning',
  ),
  thought('I feel unsafe when he hugs me, so he must be bad for me.', 'emotional-reasoning'),

  // Shoulds and musts
  thought('I should be over my ex by now.', 'should-statements'),
  thought('A good partner must know what I need without me saying.', 'should-statements'),
  thought('I ought to be married by thirty-five.', 'should-statements'),
  thought('I have to be the one who keeps everyone happy at Christmas.', 'should-statements'),
  thought('He should just know I’m upset.', 'should-statements'),
  thought('i shud be able to handle this on my own', 'should-statements'),
  thought('I’m supposed to enjoy cuddling, what’s wrong with me?', 'should-statements'),
  thought('Friends must never let each other down.', 'should-statements'),
  thought('I mustn’t cry in front of her.', 'should-statements'),
  thought('Mum ought to have protected me and she should apologise.', 'should-statements'),
  thought('I should want sex more than I do.', 'should-statements'),
  thought('A real man has to be strong and never show he’s hurting.', 'should-statements'),
  thought('We should be further along by now, we’ve been together two years.', 'should-statements'),

  // Name-calling
  thought('I’m such an idiot for texting him three times.', 'labelling'),
  thought('I’m pathetic, crying over someone I met twice.', 'labelling'),
  thought('She’s a cold, heartless cow.', 'labelling'),
  thought('He’s a selfish pig.', 'labelling'),
  thought('I’m a failure as a daughter.', 'labelling'),
  thought('im such a loser lol', 'labelling'),
  thought('I’m unlovable, plain and simple.', 'labelling'),
  thought('My ex is a narcissist and a liar.', 'labelling'),
  thought('I’m a coward for not saying anything.', 'labelling'),
  thought('Honestly, I’m disgusting.', 'labelling'),
  thought('My boss is an absolute moron.', 'labelling'),
  thought('I’m needy and clingy, that’s what I am.', 'labelling'),
  thought('What a mug I was to think she liked me.', 'labelling'),
  thought('I’m a mess.', 'labelling'),

  // Making it my fault
  thought('My parents split up because of me.', 'personalising'),
  thought('If I’d been more fun he wouldn’t have cheated.', 'personalising'),
  thought('The party was flat and it’s my fault for inviting the wrong people.', 'personalising'),
  thought('She’s in a bad mood, I must have done something.', 'personalising'),
  thought('It’s down to me that the team missed the deadline.', 'personalising'),
  thought('my bf was quiet at dinner, its probably something i did', 'personalising'),
  thought('My brother relapsed and it’s my fault for not calling him more.', 'personalising'),
  thought('If I were a better daughter Mum wouldn’t be so lonely.', 'personalising'),
  thought('The date fell flat and that’s on me, not him.', 'personalising'),
  thought('Everyone left early, I must have made the atmosphere weird.', 'personalising'),
  thought('It’s my fault she’s stressed, I asked too much of her this week.', 'personalising'),
  thought('The group chat went quiet after my message, I killed it.', 'personalising'),
  thought('He drinks because I stress him out.', 'personalising'),

  // Two traps
  thought('I messed up one thing so I’m a complete failure.', 'all-or-nothing', 'labelling'),
  thought('I’m totally useless at relationships.', 'all-or-nothing', 'labelling'),
  thought(
    'I must get everything right on this first date or it’s ruined.',
    'all-or-nothing',
    'should-statements',
  ),
  thought(
    'Either this works out perfectly or I’m going to be alone forever.',
    'all-or-nothing',
    'fortune-telling',
  ),
  thought('Men are all liars.', 'overgeneralising', 'labelling'),
  thought('I always mess up at parties, I’m a social disaster.', 'overgeneralising', 'labelling'),
  thought(
    'Every relationship I’ve had ends after a year, and this one will too.',
    'overgeneralising',
    'fortune-telling',
  ),
  thought(
    'Nobody ever wants me around, they’re all just putting up with me.',
    'overgeneralising',
    'mind-reading',
  ),
  thought(
    'Everyone always abandons me and if it happens again I won’t be able to bear it.',
    'overgeneralising',
    'catastrophising',
  ),
  thought(
    'Every relationship I’ve had has gone wrong and it’s been my fault each time.',
    'overgeneralising',
    'personalising',
  ),
  thought(
    'All I can think about is the moment I snapped at him, I’m horrible.',
    'mental-filter',
    'labelling',
  ),
  thought(
    'Yeah he made me dinner but that doesn’t count, all I can think about is him forgetting to text.',
    'mental-filter',
    'discounting-positives',
  ),
  thought(
    'The night was fun but I keep replaying the awkward pause and it was me who caused it.',
    'mental-filter',
    'personalising',
  ),
  thought(
    'They said my poem was lovely but they’re just being kind, I’m a talentless hack.',
    'discounting-positives',
    'labelling',
  ),
  thought(
    'He only said he loves me because he felt he had to, he doesnt mean it.',
    'discounting-positives',
    'mind-reading',
  ),
  thought(
    'I shouldn’t feel proud, it was one good conversation and it was a fluke.',
    'discounting-positives',
    'should-statements',
  ),
  thought(
    'The project went well but that’s down to the others, whereas the bits that went wrong were all down to me.',
    'discounting-positives',
    'personalising',
  ),
  thought('He thinks I’m too much and he’s going to end it.', 'mind-reading', 'fortune-telling'),
  thought(
    'His mum already dislikes me and she’ll never accept me.',
    'mind-reading',
    'fortune-telling',
  ),
  thought(
    'She’s clearly furious with me and if she ends the friendship my life is over.',
    'mind-reading',
    'catastrophising',
  ),
  thought(
    'She’s annoyed with me, I can tell, and it’s my fault for being late again.',
    'mind-reading',
    'personalising',
  ),
  thought(
    'I feel left out, which means they don’t really like me.',
    'emotional-reasoning',
    'mind-reading',
  ),
  thought(
    'He’s going to leave me and I won’t be able to cope.',
    'fortune-telling',
    'catastrophising',
  ),
  thought(
    'If I go to the reunion I’m going to have a panic attack and it’ll be horrendous.',
    'fortune-telling',
    'catastrophising',
  ),
  thought('I’m a weirdo and I’ll never get a girlfriend.', 'labelling', 'fortune-telling'),
  thought(
    'I must hide how anxious I am, because she’ll leave if she sees it.',
    'should-statements',
    'fortune-telling',
  ),
  thought(
    'I feel like it’s going to go wrong, so it will.',
    'emotional-reasoning',
    'fortune-telling',
  ),
  thought('I feel so panicky, this must be a disaster.', 'emotional-reasoning', 'catastrophising'),
  thought(
    'If my son struggles at uni it’s because I failed him, and that would destroy me.',
    'personalising',
    'catastrophising',
  ),
  thought('I feel worthless, so I must be a worthless person.', 'emotional-reasoning', 'labelling'),
  thought(
    'I feel responsible, so it must be my fault she’s upset.',
    'emotional-reasoning',
    'personalising',
  ),
  thought(
    'I feel so awkward that I must be doing this wrong, I should be relaxed by now.',
    'emotional-reasoning',
    'should-statements',
  ),
  thought(
    'I should have stood up for myself, I’m such a doormat.',
    'should-statements',
    'labelling',
  ),
  thought(
    'Grown women shouldn’t get this jealous, I’m pathetic.',
    'should-statements',
    'labelling',
  ),
  thought(
    'I should have seen it coming and warned her, its my fault her marriage broke down.',
    'should-statements',
    'personalising',
  ),
  thought('It’s my fault we broke up, I’m a terrible girlfriend.', 'personalising', 'labelling'),
  thought('She thinks I’m clingy, and tbh I’m a clingy mess.', 'mind-reading', 'labelling'),
  thought(
    'I can never do anything right with him, I ruin everything.',
    'all-or-nothing',
    'personalising',
  ),
  thought(
    'Nobody at work ever invites me anywhere and I shouldnt care but I do.',
    'overgeneralising',
    'should-statements',
  ),
  thought(
    'My whole body is disgusting, the scan photo proves it, and I can’t see anything else.',
    'all-or-nothing',
    'mental-filter',
  ),

  // Balanced or neutral
  thought('I felt nervous before the date but it went alright in the end.'),
  thought('He hasn’t replied yet, he’s probably still at work.'),
  thought('I’d like to tell her how I feel, even though it’s scary.'),
  thought('We argued about money, which happens, and we sorted it out.'),
  thought('The party should be fine, I know a few people going.'),
  thought('Should I text him first or wait till tomorrow?'),
  thought('I’m a bit anxious about meeting his parents, which makes sense as it’s new.'),
  thought('Some of the date was awkward and some of it was really nice.'),
  thought('My friend cancelled because her little one is poorly, we’ll rearrange.'),
  thought('I don’t know what she thinks yet, so I’ll ask her.'),
  thought('I’ve been single a while now and I’m mostly ok with that.'),
  thought('It hurt when he left, and I’m slowly getting through it.'),
  thought('Mum and I don’t always agree but she does care about me.'),
  thought('I made a mistake at work and I’ll fix it tomorrow.'),
  thought('im nervous but im gonna go to the meetup anyway'),
  thought(
    'I noticed I wanted to pull away when she got close, which is worth bringing to therapy.',
  ),
  thought('I’m not sure yet if the relationship is right for me, I need more time.'),
  thought('My body has changed since having the baby and I’m learning to be kinder to it.'),
  thought('She said she enjoyed the evening and I’m choosing to believe her.'),
  thought('The break-up was partly me and partly him.'),
  thought('Had a rly good chat with my brother tonight.'),
  thought('If it doesn’t work out it’ll be sad, but I’ll get through it.'),
  thought('I felt jealous when he mentioned his ex, and I know feelings aren’t facts.'),
  thought('It’s ok that I needed a night in rather than seeing everyone.'),
  thought('We’re going slowly with the physical side and that feels right for us both.'),
  thought('I could ask him what he meant by that comment.'),
  thought('My dad can be critical, though he also turned up when it mattered.'),
];
