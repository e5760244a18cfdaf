import { enGBFirstPage } from './en-GB.first-page';

/**
 * Every sentence the interface shows, in British English. Keys are grouped by page.
 * `{name}` marks a value filled in at run time. Reading age about 11: short sentences,
 * everyday words, warm and never judging.
 */
export const enGB = {
  ...enGBFirstPage,

  'consent.title': 'Your privacy and your consent',
  'consent.intro':
    'Before we ask you anything about your health, please read how we look after it. It takes about two minutes.',
  'consent.version': 'Version {version}',
  'consent.agreeCheckbox':
    'I have read this and I agree that Closer may store and use my health information as described.',
  'consent.agree': 'I agree',
  'consent.mustTick':
    'Please tick the box to show you agree, or leave this page if you would rather not.',
  'consent.given': 'You agreed to version {version} on {date}.',
  'consent.notGiven':
    'You have not agreed yet, so Closer will not ask about or store your health information.',
  'consent.outdated':
    'We have updated the notice since you last agreed. Please read it again before you carry on.',
  'consent.withdraw': 'Withdraw my consent',
  'consent.withdrawHint':
    'This stops all health features straight away. Nothing is deleted, and you can agree again at any time.',
  'consent.withdrawn': 'You have withdrawn your consent. Health features are paused.',
  'consent.thanks': 'Thank you. Your consent is saved.',

  'home.title': 'Welcome, {name}',
  'home.intro': 'This is your space. Take it one small step at a time.',
  'home.consent.needed.title': 'One thing before we start',
  'home.consent.needed.text':
    'To use the health features, please read the privacy notice and agree to it.',
  'home.consent.needed.link': 'Read the privacy notice',
  'home.consent.ok': 'Your consent is in place. You can withdraw it at any time.',
  'home.consent.manage': 'Manage privacy and consent',
  'home.read.title': 'A good place to start',
  'home.read.text': 'These short articles explain where the fear of closeness comes from.',
  'home.read.all': 'See the whole library',

  'learn.title': 'Learn',
  'learn.intro':
    'Short articles about why closeness can feel hard, and what helps. Read them in any order.',
  'learn.search.label': 'Search the library',
  'learn.search.submit': 'Search',
  'learn.search.clear': 'Clear search',
  'learn.results': '{count} articles',
  'learn.results.one': '1 article',
  'learn.results.none': 'Nothing matched "{query}". Try a shorter or different word.',
  'learn.results.for': 'Results for "{query}"',
  'learn.topic.filter': 'Showing articles about: {topic}',
  'learn.topic.clear': 'Show all topics',
  'learn.minutes': '{minutes} min read',
  'learn.topics': 'Topics',
  'learn.back': 'Back to the library',
  'learn.related': 'Related reading',
  'learn.notFound': 'We could not find that article. It may have moved.',

  'topic.root:childhood': 'Childhood experiences',
  'topic.root:relational-trauma': 'Past relationships and family culture',
  'topic.root:self-esteem': 'Insecurity and self-esteem',
  'topic.root:coping': 'Ways of coping',
  'topic.sign:avoidance': 'Avoiding closeness',
  'topic.sign:trust': 'Trusting others',
  'topic.sign:sharing': 'Sharing thoughts and feelings',
  'topic.sign:anxiety': 'Anxiety when close',
  'topic.strategy:professional-help': 'Getting professional help',
  'topic.strategy:self-esteem': 'Building confidence',
  'topic.strategy:trust-communication': 'Practising trust and talking',
  'topic.strategy:reframing': 'Changing thoughts and habits',
  'topic.pillar:communication': 'Communication',
  'topic.pillar:vulnerability': 'Intimacy and vulnerability',
  'topic.pillar:boundaries': 'Boundaries',
  'topic.pillar:trust-empathy': 'Trust and empathy',
  'topic.therapy:integrative': 'Integrative therapy',

  'server.notBuilt.title': 'Closer is starting',
  'server.notBuilt.text': 'The web app has not been built yet. Run npm start, which builds it.',

  'notFound.title': 'We could not find that page',
  'notFound.text': 'The link may be old, or there may be a typing mistake.',
  'notFound.home': 'Go to the start',

  'help.title': 'Get help now',
  'help.notCrisisService':
    'Closer is not a crisis service. These services are free or low cost, and they are there for you.',
  'help.danger': 'If your life or someone else’s is in danger right now, call {number}.',
  'help.crisis.title': 'If you feel unsafe or overwhelmed',
  'help.safeguarding.title': 'If someone is hurting you, or you are worried about a child',
  'help.region.choose': 'Show help lines for',
  'help.region.show': 'Show',
  'help.region.GB': 'United Kingdom',
  'help.region.US': 'United States',
  'help.region.CA': 'Canada',
  'help.region.AU': 'Australia',
  'help.otherRegions': 'Help lines in other countries',
  'help.call': 'Call {number}',
  'help.text': 'Text {number}',
  'help.textKeyword': 'Text {keyword} to {number}',
  'help.lastChecked': 'Numbers last checked: {date}.',
  'help.safetyPlanHint':
    'If you have a safety plan, now is a good time to open it. If not, staying near other people can help.',
  'help.backToCloser': 'Back to Closer',
  'help.offline': 'This page works without an internet connection once you have opened it.',
  'help.need.emergency': 'Life in danger now',
  'help.need.crisis': 'Struggling, feeling suicidal, or need to talk',
  'help.need.crisis-text': 'In crisis and would rather text',
  'help.need.urgent': 'Urgent, but not an emergency',
  'help.need.domestic-abuse': 'Domestic violence or abuse',
  'help.need.domestic-abuse-women': 'Domestic abuse (women)',
  'help.need.domestic-abuse-men': 'Domestic abuse (men)',
  'help.need.child-worry': 'Worried about a child',
  'help.need.young-people': 'Children and young people under 19',
  'help.need.sexual-violence': 'Sexual assault',
  'help.note.free247': 'Free, day and night.',
  'help.note.free': 'Free to call.',
  'help.note.open247': 'Open day and night.',
  'help.note.englishFrench247': 'In English and French, day and night.',
  'help.note.childDanger999': 'If a child is in danger right now, call 999.',
  'help.note.childhelp': 'For advice, not for reporting. If a child is in danger, call 911.',

  'home.tools.title': 'Your tools',
  'home.tools.checkin.text':
    'Take a minute to notice your mood, how close you feel to people, and your stress.',
  'home.tools.journal.text': 'Write down what is on your mind. Only you can read it.',
  'home.tools.safetyPlan.text':
    'Make a plan for hard moments, so you know what helps and who to call.',
  'home.tools.myData.text':
    'Download everything you have written, see who has looked at it, or delete your account.',

  'health.consent.text':
    'This page holds information about your health. Before you use it, please read how we look after it, and agree if you are happy to.',

  'safety.saved.journal': 'Your journal entry is saved.',
  'safety.saved.checkin': 'Your check-in is saved.',
  'safety.saved.safetyPlan': 'Your safety plan is saved.',
  'safety.crisis.title': 'You do not have to face this alone',
  'safety.crisis.text':
    'It sounds like you are going through something very painful. If you are thinking about ending your life, or about hurting yourself or someone else, please talk to someone now. These services are there for you.',
  'safety.crisis.danger': 'If you are in danger right now, call {number}.',
  'safety.safeguarding.title': 'Help is there if you need it',
  'safety.safeguarding.text':
    'What you wrote sounds like someone may be hurting you, frightening you or controlling you, or that a child may not be safe. That is never your fault. These services know how to help. They will listen, and you can talk in confidence.',
  'safety.concern.title': 'Thank you for writing this down',
  'safety.concern.text':
    'It sounds like things feel heavy just now. You do not have to carry it on your own. If it would help to talk, these services will listen.',
  'safety.lines': 'People you can contact now',
  'safety.helpNow': 'Open Get help now',
  'safety.openPlan': 'Open my safety plan',
  'safety.dismiss': 'Close this message',
  'safety.saved.check': 'Your Closeness Check is saved.',
  'safety.saved.checkAnswer':
    'Your answer is kept. You can finish the Check whenever you are ready.',

  'check.title': 'The Closeness Check',
  'check.intro.time': '{count} questions, about {minutes} minutes in all.',
  'check.intro.private':
    'Your answers are private. We store them locked with your own key (encrypted). Nobody else sees them unless you choose to share them.',
  'check.intro.skip':
    'You can skip any question you would rather not answer. A few missing answers are fine.',
  'check.intro.saving':
    'Your answers are saved as you go. You can stop at any time and carry on later.',
  'check.intro.painful':
    'Some questions are about painful things: hard times in the past, drink or drugs, and thoughts of hurting yourself. You can skip any of them, and Get help now is always at the top of the page.',
  'check.intro.notTitle': 'What the Check is not',
  'check.start': 'Start the Check',
  'check.clearAnswer': 'Clear my answer',
  'check.answerCleared': 'Your answer to this question is cleared.',
  'check.versionChanged':
    'The questions have changed since you started, so the Check starts again from the beginning. We are sorry about that.',
  'check.resume.title': 'Carry on where you stopped',
  'check.resume.carryOn': 'Carry on',
  'check.resume.startAgain': 'Start again',
  'check.resume.confirm': 'Start again from the beginning? Your answers so far will be cleared.',
  'check.resume.confirmYes': 'Yes, clear my answers',
  'check.resume.confirmNo': 'No, keep them',
  'check.answered': 'You have answered {answered} of {total} questions.',
  'check.screen': 'Screen {screen} of {screens}',
  'check.screen.questions': 'Questions {first} to {last} of {total}.',
  'check.skipHint': 'Choose the answer that fits you best lately. You can skip any question.',
  'check.back': 'Back',
  'check.next': 'Next',
  'check.status.saving': 'Saving your answers…',
  'check.status.saved': 'Your answers are saved.',
  'check.status.offline':
    'We cannot reach Closer just now. Your answers are kept on this device, and we will keep trying.',
  'check.status.refused':
    'We could not save your answers to your account just now. They are kept on this device.',
  'check.status.keptHere': 'Your answers are kept on this device.',
  'check.safety.skip': 'You can skip these questions, or say you would rather not answer.',
  'check.safety.safeguardingText':
    'Your answer says that someone may be frightening or controlling you. That is never your fault. These services know how to help. They will listen, and you can talk in confidence.',
  'check.finish.title': 'Ready to see your results?',
  'check.finish.all': 'You have answered all the questions about closeness. Thank you.',
  'check.finish.some':
    'You have answered {answered} of the {total} questions about closeness. That is fine.',
  'check.finish.unscored':
    'Some parts need a few more answers before we can give them a score: {parts}. You can go back and answer more, or see your results without those scores.',
  'check.finish.submit': 'See my results',
  'check.finish.failed':
    'We could not send your answers just now. They are kept on this device, so nothing is lost. Please try again in a little while.',

  'check.results.title': 'Your Closeness Check results',
  'check.results.saved': 'Your Closeness Check is saved. Thank you for taking the time.',
  'check.results.notFound': 'We could not find these results. They may have been deleted.',
  'check.results.taken': 'You took this Check on {date}.',
  'check.results.lead':
    'This shows how closeness feels for you at the moment. Each part has a score from 0 to 100. A higher score means that part is harder for you right now.',
  'check.results.stoodOut': 'What stood out',
  'check.results.sign.one': 'The sign that stood out most was {name}.',
  'check.results.sign.tie': 'These signs stood out most, equally: {names}.',
  'check.results.sign.allSame':
    'All four signs came out the same, so none stood out more than the others.',
  'check.results.sign.noneStandsOut':
    'None of the four signs stood out. Each one seems to be less of a difficulty for you at the moment.',
  'check.results.sign.unknown':
    'We cannot say which sign stood out most, because some answers are missing.',
  'check.results.sign.onePartial':
    'Of the signs we could score, the one that stood out most was {name}.',
  'check.results.sign.tiePartial':
    'Of the signs we could score, these stood out most, equally: {names}.',
  'check.results.sign.allSamePartial':
    'The signs we could score all came out the same, so none stood out more than the others.',
  'check.results.sign.noneStandsOutPartial':
    'None of the signs we could score stood out. Each of them seems to be less of a difficulty for you at the moment.',
  'check.results.root.one': 'The root that seemed to matter most was {name}.',
  'check.results.root.tie': 'These roots seemed to matter most, equally: {names}.',
  'check.results.root.allSame':
    'All four roots came out the same, so none stood out more than the others.',
  'check.results.root.noneStandsOut':
    'None of the four roots stood out. Each one seems to be less of a difficulty for you at the moment.',
  'check.results.root.unknown':
    'We cannot say which root mattered most, because some answers are missing.',
  'check.results.root.onePartial':
    'Of the roots we could score, the one that seemed to matter most was {name}.',
  'check.results.root.tiePartial':
    'Of the roots we could score, these seemed to matter most, equally: {names}.',
  'check.results.root.allSamePartial':
    'The roots we could score all came out the same, so none stood out more than the others.',
  'check.results.root.noneStandsOutPartial':
    'None of the roots we could score stood out. Each of them seems to be less of a difficulty for you at the moment.',
  'check.results.stoodOutHint':
    'This is not a label. It is just where closeness seems hardest for you right now, and it can be a good place to start.',
  'check.results.signs': 'The four signs',
  'check.results.signsIntro':
    'Signs are the ways a fear of closeness can show up in your life today.',
  'check.results.overall': 'The four signs together: {index} out of 100 ({band}).',
  'check.results.roots': 'The four roots',
  'check.results.rootsIntro':
    'Roots are things from your past, or ways of coping, that can make closeness harder.',
  'check.results.outOf': '{index} out of 100',
  'check.results.noScore':
    'No score yet: we need a few more answers in this part to give it a score. You can take the Check again any time.',
  'check.results.higherMeans': 'What this means:',
  'check.results.whatHelps': 'What tends to help:',
  'check.results.read': 'Read more:',
  'check.results.moreOnTopic': 'All articles about {topic}',
  'check.results.help.title': 'Help is there if you need it',
  'check.results.help.crisis':
    'When you took this Check, one of your answers told us things were very hard. If you feel unsafe now, please talk to someone. Get help now lists people you can call or text.',
  'check.results.help.safeguarding':
    'When you took this Check, one of your answers told us someone may be frightening or controlling you. That is never your fault. Get help now lists people who can help, in confidence.',
  'check.results.home': 'Back to home',
  'check.results.unreadable':
    'We could not read the answers of this Check: the stored copy is damaged. Your other Checks are safe. Please tell us if you see this.',

  'check.change.title': 'Since your last Check',
  'check.change.first': 'This is your first Check. Next time, we will show you what has changed.',
  'check.change.intro':
    'Under each part above, you can see how its score has changed since your last Check.',
  'check.change.since': 'Since your last Check:',
  'check.change.same': 'no change ({after}).',
  'check.change.up': 'up {points} points, from {before} to {after}.',
  'check.change.upOne': 'up 1 point, from {before} to {after}.',
  'check.change.down': 'down {points} points, from {before} to {after}.',
  'check.change.downOne': 'down 1 point, from {before} to {after}.',
  'check.change.noComparison':
    'we cannot compare this part, because one of the two Checks has no score for it.',
  'check.change.reliableDown':
    'This is a reliable change: it is bigger than the everyday ups and downs in how people answer.',
  'check.change.reliableUp':
    'This is a reliable change: it is bigger than the everyday ups and downs. Things can feel harder for a while, often when you start to look at them. Be gentle with yourself.',
  'check.change.withinNoise':
    'This is small enough that it could come from everyday ups and downs in how people answer, so we do not call it a reliable change.',
  'check.change.whyNotTitle': 'Why we do not call some changes reliable',
  'check.change.whyNot':
    'Everyone answers a little differently from one week to the next. To tell a real change from those everyday ups and downs, we need to know how steady the Check is. We work that out from the answers of at least 100 people who chose to share them anonymously. Until then, we show you the difference, but we do not call it reliable.',
  'check.change.whyNotMissing':
    'For some parts, one of the two Checks has no score, so there is nothing to compare yet.',
  'check.change.whyNotSteadiness':
    'For some parts, the answers shared so far do not yet show us how steady that part of the Check is. Until they do, we show you the difference, but we do not call it reliable.',
  'check.change.versions':
    'The questions changed between these two Checks, so we cannot compare the scores fairly. We show the difference, but we do not call it reliable.',

  'check.history.title': 'Your Closeness Checks over time',
  'check.history.intro':
    'Here you can see each part of your Checks side by side. Scores go from 0 to 100. A higher score means that part was harder for you.',
  'check.history.link': 'See all your Checks',
  'check.history.empty': 'You have not taken the Closeness Check yet.',
  'check.history.hint': 'Open a date to see those results in full.',
  'check.history.table': 'Table of your Closeness Check scores',
  'check.history.caption': 'Your scores at each Check, oldest first',
  'check.history.part': 'Part',
  'check.history.overTime': 'Over time',
  'check.history.none': 'No score',
  'check.history.reliableDown': 'Reliably easier',
  'check.history.reliableUp': 'Reliably harder',
  'check.history.reliableNote':
    '"Reliable" marks a change that is bigger than the everyday ups and downs in how people answer.',
  'check.history.noReliableYet':
    'No change is marked as reliable. We only call a change reliable when it is bigger than the everyday ups and downs in how people answer, and we can only tell that once enough people have shared their answers anonymously.',

  'check.retake.title': 'Taking it again',
  'check.retake.window': 'A good time to take the Check again is between {from} and {by}.',
  'check.retake.why': 'Leaving a few weeks gives any change time to show. There is no rush.',
  'check.retake.open': 'Now is a good time to take the Check again, whenever you feel ready.',
  'check.retake.start': 'Take the Check again',

  'check.home.invite':
    'A few minutes of questions about how closeness feels for you. You get your results in plain words, with ideas for what might help.',
  'check.home.latest': 'You last took the Check on {date}.',
  'check.home.profile': 'See your latest results',
  'check.home.carryOn': 'Carry on with your Check',
  'home.tools.plan.text':
    'A few small steps for this week, chosen for you, with the reason for each.',
  'home.tools.exercises.text': 'Every exercise in one place. Each one saves as you go.',
  'safety.saved.exercise': 'What you wrote is saved.',

  'plan.title': 'My plan',
  'plan.intro':
    'A few small steps for this week, picked from your Closeness Check. You can swap any step, or leave things out.',
  'plan.backToPlan': 'Back to my plan',
  'plan.support.title': 'Help alongside your plan',
  'plan.support.urgentTitle': 'Please look after yourself first',
  'plan.support.professional': 'Talking to a professional',
  'plan.check.title': 'Take the Closeness Check first',
  'plan.check.text':
    'Your plan is built from your Closeness Check. It takes about ten minutes, and you can stop and carry on later.',
  'plan.level.self-help.title': 'You can work on this at your own pace',
  'plan.level.self-help.text':
    'The exercises below are a good place to start. You can add a professional at any time.',
  'plan.level.guided.title': 'Self-help, with someone alongside you',
  'plan.level.guided.text':
    'These exercises can help, and they may help more with a therapist or counsellor to talk things over with.',
  'plan.level.professional.title': 'A professional could really help',
  'plan.level.professional.text':
    'Your answers suggest this is weighing on you a lot. Talking to a therapist or your GP is a good next step. You can still do the gentle exercises below.',
  'plan.level.urgent.title': 'Your safety comes first',
  'plan.level.urgent.text':
    'Your answers suggest things are very hard right now. Please reach out for help today. Harder exercises are paused for now, and that is nobody’s fault.',
  'plan.steps.title': 'This week’s steps',
  'plan.steps.none': 'There are no steps this week. You can still try any exercise in the library.',
  'plan.minutes': 'About {planned} minutes this week.',
  'plan.minutesOf': 'About {planned} of your {budget} minutes this week.',
  'plan.status.todo': 'Not started yet',
  'plan.status.started': 'Started: you can carry on where you stopped',
  'plan.status.done': 'Done this week. Well done.',
  'plan.step.again': 'Do it again',
  'plan.step.swap': 'Swap for another',
  'plan.library': 'See all the exercises',
  'plan.preferences.title': 'Shape your plan',
  'plan.preferences.open': 'Change how much time you have, or what to leave out',
  'plan.preferences.minutes': 'Minutes a week for exercises',
  'plan.preferences.minutesHelp': 'Any amount helps. Even 20 minutes a week is a good start.',
  'plan.preferences.topics': 'Topics to leave out for now',
  'plan.preferences.exercises': 'Exercises to leave out for now',
  'plan.preferences.save': 'Save and update my plan',
  'plan.preferences.saved': 'Saved. Your plan has been updated.',
  'plan.preferences.unreadable':
    'We couldn’t read your saved preferences, so here are the usual ones. Saving will replace them.',
  'plan.step.skip': 'Not this week',
  'plan.status.skipped': 'Left for this week. That is fine: it may come back another week.',
  'plan.skip.notSkippable': 'Only a step you have not done yet can be left for this week.',
  'plan.legacy': '{text}',
  'plan.list.comma': '{items}, {next}',
  'plan.list.and': '{items}, and {last}',
  'plan.join.sentences': '{first} {second}',
  'plan.need.avoidance': 'pulling away when people get close',
  'plan.need.trust': 'finding it hard to trust',
  'plan.need.sharing': 'sharing your thoughts and feelings',
  'plan.need.anxiety': 'feeling anxious in close moments',
  'plan.need.childhood': 'what you learned growing up',
  'plan.need.relational-trauma': 'past relationships and family ways',
  'plan.need.self-esteem': 'how you see yourself',
  'plan.need.coping': 'your ways of coping with stress',
  'plan.care.crisis-answer':
    'You told us you have had thoughts of hurting yourself or ending your life. You deserve support with that straight away, so Get help now and your safety plan come first.',
  'plan.care.crisis-in-writing':
    'Something you wrote recently sounded like things may be very hard for you right now. You deserve support with that straight away, so Get help now and your safety plan come first.',
  'plan.care.partner-safety':
    'You told us you feel afraid of, or controlled by, a partner or an ex-partner. That is not your fault. A specialist service can help you think about your safety, so we have put that first. For now, the plan leaves out exercises to do with a partner or about saying hard things to someone, and ones that test your fears.',
  'plan.care.safeguarding-in-writing':
    'Something you wrote recently sounded like someone may be hurting, frightening or controlling you. That is never your fault. A specialist service can help you think about your safety, so we have put that first. For now, the plan leaves out exercises to do with a partner or about saying hard things to someone, and ones that test your fears.',
  'plan.care.most-signs-marked':
    'Most of the four signs came out high for you: {needs}. That is a lot to carry on your own. A counsellor or therapist could help you most, and you can keep using this plan alongside them.',
  'plan.care.two-signs-marked':
    'Two of the four signs came out high for you: {needs}. This plan can help, and it may be easier with a counsellor or therapist alongside you.',
  'plan.care.early-hurt-marked':
    'Your answers about {needs} came out high. Old hurts like these are often easier to work through with a professional alongside you.',
  'plan.care.reliable-worsening':
    'Your latest Closeness Check shows that things have got harder since you started, by more than the usual ups and downs, for {needs}. A professional can help you work out what is going on.',
  'plan.care.no-reliable-improvement':
    'You have taken the Closeness Check {count} more times since you started, and none of the signs has clearly improved yet. That is not your fault. It often means it is time for more support than an app can give, and a professional can offer that.',
  'plan.care.self-help':
    'Your answers suggest this plan is a good place to start, on your own and at your own pace. You can ask for more help at any time.',
  'plan.pace.urgent': 'While things are this hard, the plan keeps to gentle steps.',
  'plan.pace.veryHard':
    'Your last steps included one that felt very hard, so this week goes more gently. Going at your own pace is part of the plan.',
  'plan.pace.climbed':
    'You have finished {count} steps in the last few weeks that felt manageable, so the plan can ask a little more of you.',
  'plan.pace.start':
    'We start gently, with short exercises that ask little of you. The plan asks a little more as you go.',
  'plan.pace.gentle':
    'The plan keeps to gentle steps for now. After a few steps that feel manageable, it will ask a little more.',
  'plan.note.stretch':
    'You have managed several steps lately, so this one asks a little more of you.',
  'plan.note.helpful': 'You found it helpful last time.',
  'plan.note.alone': 'For now, you rehearse it on your own.',
  'plan.note.safePerson': 'Please practise it only with someone who feels safe to you.',
  'plan.reason.variety': '{exercise} adds some variety to this week.',
  'plan.reason.another': 'Here is another way to work on {need}: {exercise}.',
  'plan.reason.lower':
    'This week also has {exercise}. It helps with {need}, which scored lower for you, and adds some variety.',
  'plan.reason.highestSign':
    '{need} came out highest of your four signs, so this week also has {exercise}.',
  'plan.reason.highestRoot':
    '{need} came out highest of your four roots, so this week also has {exercise}.',
  'plan.reason.secondSign':
    '{need} came out second highest of your four signs, so this week also has {exercise}.',
  'plan.reason.secondRoot':
    '{need} came out second highest of your four roots, so this week also has {exercise}.',
  'plan.reason.otherArea':
    '{need} is another area your answers pointed to, so this week also has {exercise}.',
  'plan.lead.none': 'None of the four signs stood out for you, which is good to know',
  'plan.lead.allFour': 'All four signs came out equally high for you',
  'plan.lead.joint': '{needs} came out joint highest of your four signs',
  'plan.lead.highest': '{needs} came out highest of your four signs',
  'plan.subject.it': 'it',
  'plan.subject.them': 'them',
  'plan.fallback.pausedOrAvoided':
    'The exercises for {subject} are paused for now or ones you asked to leave out',
  'plan.fallback.paused': 'The exercises for {subject} are paused for now, to keep you safe',
  'plan.fallback.avoided': 'The exercises for {subject} are ones you asked to leave out',
  'plan.fallback.noFit': 'The exercises for {subject} do not fit your time or pace this week',
  'plan.opening.start': 'this week starts',
  'plan.opening.afterHomework': 'after your homework, this week starts',
  'plan.opening.rest': 'the rest of this week starts',
  'plan.helps': ', which helps with {need}',
  'plan.gentle.short': ' It is short and gentle.',
  'plan.gentle.begin': ' It is a gentle place to begin.',
  'plan.reason.homework': 'A professional you work with set this for you, so it comes first.',
  'plan.reason.start': '{lead}, so {opening} with {exercise}{helps}.{gentle}',
  'plan.reason.fallbackStart': '{lead}. {why}, so {opening} with {exercise}{helps}.',
  'plan.reason.swapped': 'You swapped {old} for {new}, which also helps with {need}.',
  'plan.support.reason.get-help-now':
    'Please start here. Get help now shows people you can talk to straight away, at any time of day or night.',
  'plan.support.reason.safety-plan':
    'Your safety plan is for the hardest moments. Fill it in, or read it through, while things feel a little calmer.',
  'plan.support.reason.safeguarding-help':
    'Get help now also lists services for people who feel afraid of, or controlled by, a partner. They listen, and they can help you think about staying safe.',
  'plan.support.reason.professional':
    'Talking to a counsellor, a therapist or your GP could help you most. You can keep using this plan alongside them.',
  'plan.support.reason.guided':
    'This plan can work well with a counsellor or therapist alongside you. You might like to find one, or share your progress with one you already see.',
  'plan.paused.safeguarding':
    'Exercises to do with a partner or about saying hard things to someone, and ones that test or question your fears, are paused while you feel unsafe with someone. Your safety comes first.',
  'plan.paused.urgent':
    'Exercises that ask you to face fears step by step, or to practise hard talks with someone, are paused for now, while things are hard. They will come back when you feel ready.',

  'exercises.title': 'Exercises',
  'exercises.modality.cbt': 'Thoughts and actions (CBT)',
  'exercises.modality.humanistic': 'Values and kindness (humanistic)',
  'exercises.modality.psychodynamic': 'Understanding your past (psychodynamic)',
  'exercises.modality.body': 'Calming your body',
  'exercises.modality.relational': 'Talking and listening (relational)',
  'exercises.topic.childhood-memories': 'Memories of growing up',
  'exercises.topic.past-relationships': 'Looking back at past relationships',
  'exercises.topic.body-focus': 'Paying attention to my body and breathing',
  'exercises.topic.facing-fears': 'Stepping towards things that scare me',
  'exercises.topic.talking-to-someone': 'Saying hard things to another person',
  'exercises.intensity.1': 'Gentle',
  'exercises.intensity.2': 'Steady',
  'exercises.intensity.3': 'Stretching',
  'exercises.intro':
    'Small, practical exercises from different kinds of therapy. Each one saves as you go, so you can stop and carry on later.',
  'exercises.toPlan': 'See the steps picked for you this week',
  'exercises.minutes': 'About {minutes} minutes',
  'exercises.helpsWith': 'Helps with: {names}',

  'exercise.notFound.title': 'We could not find that exercise',
  'exercise.notFound.text': 'It may have moved. All the exercises are in the library.',
  'exercise.intro.saving':
    'Everything you write is saved as you go, on this device and in your account.',
  'exercise.start': 'Start',
  'exercise.carryOn': 'Carry on',
  'exercise.resume.title': 'You have started this one',
  'exercise.resume.text': 'You can carry on where you stopped.',
  'exercise.resume.startAgain': 'Start again',
  'exercise.resume.confirm': 'Start again with empty pages? What you wrote so far will be removed.',
  'exercise.resume.confirmYes': 'Yes, start again',
  'exercise.resume.confirmNo': 'No, keep it',
  'exercise.safetyNotes': 'Before you start',
  'exercise.example.title': 'A worked example',
  'exercise.example.label':
    'This is an example, filled in by a made-up person, to show how it can look. Yours can be shorter.',
  'exercise.history.title': 'Your finished ones',
  'exercise.history.none': 'None yet. When you finish one, you can read it again here.',
  'exercise.history.item': 'Finished on {date}',
  'exercise.backToExercise': 'Back to the exercise',
  'exercise.stepOf': 'Step {step} of {steps}',
  'exercise.keptInView': 'What you wrote earlier',
  'exercise.toFinish': 'Next: finish',
  'exercise.status.saving': 'Saving…',
  'exercise.status.saved': 'Saved.',
  'exercise.status.offline':
    'We cannot reach Closer right now. What you write is kept on this device and will be sent when you are back online.',
  'exercise.status.refused':
    'This could not be saved to your account just now. It is kept on this device.',
  'exercise.status.conflict':
    'Some answers were changed on another device. Nothing is lost. Choose what to keep above.',
  'exercise.error.changedElsewhere':
    'This was changed somewhere else while you were writing. Your words are still here and nothing is lost. You can choose what to keep.',
  'exercise.error.versionUnknown':
    'Closer needs an update before it can save this. Your words are still here and nothing is lost. Please reload the page later and try again.',
  'exercise.conflict.title': 'Changed on another device',
  'exercise.conflict.intro':
    'This exercise was also changed on another device or in another browser tab. Everything changed in only one place is kept. For the answers below, both versions are here: choose which to keep, or keep both.',
  'exercise.conflict.announce':
    '{count} answers were changed on another device as well. Both versions are kept until you choose.',
  'exercise.conflict.announceOne':
    'One answer was changed on another device as well. Both versions are kept until you choose.',
  'exercise.conflict.field': '{step}: {field}',
  'exercise.conflict.mine': 'Keep what you wrote on this device',
  'exercise.conflict.theirs': 'Keep the version from the other device',
  'exercise.conflict.both': 'Keep both, one after the other',
  'exercise.conflict.empty': '(empty)',
  'exercise.conflict.apply': 'Use my choices',
  'exercise.conflict.applied': 'Done. Your choices are saved.',
  'exercise.conflict.finishFirst':
    'Before finishing, choose what to keep where the exercise was changed on another device.',
  'exercise.rating.ends': '0 means {low}. {max} means {high}.',
  'exercise.rating.low': '0: {label}',
  'exercise.rating.high': '100: {label}',
  'exercise.rating.unset': 'Not rated yet',
  'exercise.rating.unsetShort': 'Not rated',
  'exercise.list.line': '{label}, line {number}',
  'exercise.list.add': 'Add a line',
  'exercise.list.remove': 'Remove line {number}',
  'exercise.remove': 'Remove',
  'exercise.rows.row': 'Row {number}',
  'exercise.rows.add': 'Add a row',
  'exercise.rows.remove': 'Remove row {number}',
  'exercise.rows.upTo': 'You can add up to {max} rows.',
  'exercise.rows.between': 'Aim for {min} to {max} rows. You can add them over time.',
  'exercise.pickRow.choose': 'Choose one',
  'exercise.pickRow.none': 'Fill in the earlier step first, then choose from it here.',
  'exercise.traps.writeFirst': 'Write your thought first, and we will suggest some that might fit.',
  'exercise.traps.mightFit':
    'These might fit your thought ({count} suggested). You decide: tick only the ones that feel right.',
  'exercise.traps.noneSuggested':
    'We did not spot any in your words. You can still tick any that fit.',
  'exercise.traps.suggested': 'Might fit',
  'exercise.traps.because': 'Suggested because of these words:',
  'exercise.traps.unsafe.status':
    'What you wrote may not be a thinking trap at all. It sounds like you may not be safe.',
  'exercise.traps.unsafe.safeguarding':
    'Being frightened of someone, or blaming yourself for what they did, is not a mistake in your thinking. If someone is hurting, frightening or controlling you, it is never your fault, and you deserve to be safe. These services know how to help, and you can talk in confidence.',
  'exercise.traps.unsafe.crisis':
    'It sounds like you are going through something very painful. Please talk to someone now: these services are there for you, day and night.',
  'exercise.traps.unsafe.keepWriting': 'You can keep writing, and save this whenever you like.',
  'exercise.traps.unsafe.showTraps': 'Look at the thinking traps anyway',
  'exercise.blame.found':
    'Some words can sound like blame to the other person: {words}. They may stop listening.',
  'exercise.blame.youDecide':
    'You decide. You could try saying what happened and how you felt instead.',
  'exercise.breathing.ready': 'Press Start when you are ready.',
  'exercise.breathing.paused': 'Paused. Press Carry on when you are ready.',
  'exercise.breathing.finished': 'Well done. Breathe normally for a moment.',
  'exercise.breathing.start': 'Start',
  'exercise.breathing.stop': 'Stop',
  'exercise.breathing.resume': 'Carry on',
  'exercise.breathing.remaining': 'Time left: {minutes}:{seconds}',
  'exercise.breathing.wordsOnly': 'Turn off the moving circle and follow the words only',
  'exercise.breathing.reducedMotion':
    'Your device asks for less movement, so the guide uses words only.',
  'exercise.finish.title': 'How did that feel?',
  'exercise.finish.text': 'Two quick questions. They help your plan fit you. You can skip them.',
  'exercise.finish.distress': 'How hard or upsetting did it feel?',
  'exercise.finish.distressLow': 'not at all',
  'exercise.finish.distressHigh': 'very hard',
  'exercise.finish.helpful': 'How helpful was it?',
  'exercise.finish.helpfulLow': 'not helpful',
  'exercise.finish.helpfulHigh': 'very helpful',
  'exercise.finish.submit': 'Finish',
  'exercise.finish.failed':
    'We could not finish this just now. Nothing is lost: it is kept here. Please try again.',
  'exercise.done.thanks': 'Finished and saved. Well done for taking the time.',
  'exercise.view.outOf': '{value} out of {max}',
  'exercise.ladder.chartTitle': 'Expected and real difficulty',
  'exercise.ladder.summary':
    '{count} steps tried. Last time you expected {predicted} out of 100, and it was {actual}.',
  'exercise.ladder.summaryShort': '{count} steps tried.',
  'exercise.ladder.summaryOne':
    'One step tried. You expected {predicted} out of 100, and it was {actual}.',
  'exercise.ladder.summaryShortOne': 'One step tried.',
  'exercise.ladder.predicted': 'Expected',
  'exercise.ladder.actual': 'Really',
  'exercise.ladder.date': 'Date',
  'exercise.ladder.step': 'Step',
  'exercise.ladder.notRated': 'Not rated',
  'exercise.ladder.showTable': 'Show as a table',
  'exercise.ladder.table': 'Expected and real difficulty, as a table',
  'exercise.ladder.showChart': 'Show as a chart',
  'exercise.ladder.progressTitle': 'Your ladder so far',
  'exercise.ladder.carried':
    'Your steps from last time are filled in below. Change, add or remove any of them.',
  'exercise.ladder.managedCount': '{managed} of {count} steps managed so far.',
  'exercise.ladder.managed': 'managed',
  'exercise.ladder.nextUp': 'Next up: {step}',
  'exercise.ladder.chooseNext': 'Choose this step',
  'exercise.ladder.allManaged':
    'You have managed every step on your ladder. Well done. You could repeat one, or add a new step.',
  'exercise.ladder.guidanceTitle': 'Small steps help',
  'exercise.ladder.tooFew':
    'Steps so far: {count}. Ladders of 8 to 15 small steps tend to work best. You can add more at any time.',
  'exercise.ladder.tooMany':
    'Steps so far: {count}. 8 to 15 is usually plenty. You could keep some for later.',
  'exercise.ladder.jump':
    'From “{from}” to “{to}” is a jump of {gap} points. A step in between could make it easier.',
  'progress.title': 'My progress',
  'progress.intro':
    'How things have been going, in your own numbers. Every chart can also be read as a table.',
  'progress.loading': 'Loading your progress…',
  'progress.loadFailed': 'Your progress could not be loaded just now. Please try again soon.',
  'progress.weekTitle': 'This week',
  'progress.measure.mood': 'mood',
  'progress.measure.closeness': 'closeness',
  'progress.measure.stress': 'stress',
  'progress.summary.quiet':
    'A new week, and a fresh page. Whenever you feel like it, a check-in takes about a minute.',
  'progress.summary.checkins.one': 'You checked in once this week.',
  'progress.summary.checkins.other': 'You checked in {count} times this week.',
  'progress.summary.change.rose': '{measure} rose from {from} to {to}.',
  'progress.summary.change.fell': '{measure} went down from {from} to {to}.',
  'progress.summary.change.same': '{measure} stayed at {to}.',
  'progress.summary.steps.one': 'You finished a step of your plan.',
  'progress.summary.steps.other': 'You finished {count} steps of your plan.',
  'progress.summary.checks.one': 'You took the Closeness Check.',
  'progress.summary.checks.other': 'You took the Closeness Check {count} times.',
  'progress.checkins.title': 'Check-ins: {measure}',
  'progress.checkins.empty': 'Once you check in a few times, your trends will show here.',
  'progress.checkins.summary':
    'On {date}, your 7-day average for {measure} was {average} out of 10. At your first check-in in these {weeks} weeks, on {firstDate}, it was {first}.',
  'progress.checkins.summaryOne':
    'You checked in on one day in these {weeks} weeks. On {date}, {measure} was {value} out of 10.',
  'progress.checkins.chartName':
    '{measure} from {from} to {to}: daily points and a 7-day average, which was {average} out of 10 on {date}.',
  'progress.checkins.daily': 'That day',
  'progress.checkins.average': '7-day average',
  'progress.checkins.caption': '{measure} each day you checked in, with the 7-day average',
  'progress.table.date': 'Date',
  'progress.table.week': 'Week of',
  'progress.table.show': 'Show as a table',
  'progress.table.hide': 'Hide the table',
  'progress.checks.title': 'Closeness Check over time',
  'progress.checks.empty':
    'When you have taken the Closeness Check, each part of it will show here over time.',
  'progress.checks.summary':
    'You have taken the Check {count} times. Lower scores mean fewer difficulties. A diamond marks a change big enough to be reliable.',
  'progress.checks.summaryOne':
    'You have taken the Check once. Take it again in a few weeks to see change over time.',
  'progress.checks.chartName':
    '{subscale}: from {first} to {last} out of 100, over {count} Checks.',
  'progress.checks.caption': '{subscale}: score at each Check, and whether the change was reliable',
  'progress.checks.score': 'Score (out of 100)',
  'progress.checks.axis': 'Out of 100',
  'progress.checks.change': 'Change since the Check before',
  'progress.checks.firstCheck': 'First Check',
  'progress.checks.reliableMark': 'reliable change',
  'progress.change.not-assessed': 'Not judged yet',
  'progress.change.no-reliable-change': 'No reliable change',
  'progress.change.reliable-improvement': 'Reliable change: fewer difficulties',
  'progress.change.reliable-deterioration': 'Reliable change: more difficulties',
  'progress.ladder.title': 'Closeness ladder: expected and real difficulty',
  'progress.ladder.empty':
    'When you finish a step of the closeness ladder in these weeks, how hard you expected it to be and how it really was will show here.',
  'progress.steps.title': 'Plan steps finished each week',
  'progress.steps.empty': 'When you have a plan, the steps you finish each week will show here.',
  'progress.steps.summary': 'In these {weeks} weeks you finished {completed} plan steps.',
  'progress.steps.chartName': 'Plan steps finished each week, {completed} in {weeks} weeks.',
  'progress.steps.caption': 'Plan steps finished and planned, each week',
  'progress.steps.completed': 'Finished',
  'progress.steps.planned': 'Planned',
  'progress.table.showChart': 'Show as a chart',
  'progress.checkins.sectionTitle': 'Check-ins',
  'progress.checks.chartNameOne': '{subscale}: {score} out of 100 at your first Check.',
  'progress.ladder.open': 'Open the closeness ladder',
  'progress.tool.text': 'See how things have been going, in charts you can also read as tables.',
  'progress.steps.summaryOne': 'In these {weeks} weeks you finished 1 plan step.',
  'exercise.gaps.title': 'Your gaps, biggest first',
  'exercise.gaps.summary':
    'The biggest gap is {area}. It matters {importance} out of 10, and you live it {living} out of 10 now.',
  'exercise.gaps.noGap':
    'You are living each area about as much as it matters to you. You can still choose one to grow.',
  'exercise.gaps.none': 'When you have rated some areas, their gaps will show here.',
  'exercise.gaps.table': 'Your gaps, as a table',
  'exercise.gaps.area': 'Area',
  'exercise.gaps.importance': 'How much it matters',
  'exercise.gaps.living': 'How much I live it now',
  'exercise.gaps.gap': 'Gap',
  'exercise.gaps.choose': 'Make {area} my goal',
  'exercise.gaps.chosen': 'You chose {area}. On the next step you can turn this gap into a goal.',
  'exercise.patterns.title': 'Patterns across your reflections',
  'exercise.patterns.intro': 'Your finished reflections, side by side.',
  'exercise.patterns.table': 'Your reflections, as a table',
  'exercise.patterns.date': 'Date',
  'exercise.patterns.wish': 'What I wished for',
  'exercise.patterns.other': 'How they responded',
  'exercise.patterns.me': 'How I responded',
  'exercise.patterns.noticeTitle': 'You might notice',
  'exercise.patterns.notice.wish':
    'The word “{word}” comes up in what you wished for, in {count} of your reflections.',
  'exercise.patterns.notice.other':
    'The word “{word}” comes up in how they responded, in {count} of your reflections.',
  'exercise.patterns.notice.me':
    'The word “{word}” comes up in how you responded, in {count} of your reflections.',
  'exercise.patterns.noticeNote':
    'This only matches words. You are the one who knows what they mean to you.',
  'exercise.patterns.noRepeats':
    'No words come back yet. Patterns can take time to show, and that is fine.',
  'exercise.patterns.needMore':
    'When you have finished two or more, anything that comes back will show here.',
  'exercise.activities.title': 'What helps you',
  'exercise.activities.best':
    '{activity} felt best. You enjoyed it {enjoyment} out of 10 on average.',
  'exercise.activities.mastery':
    '{activity} gave you the most sense of achievement: {mastery} out of 10 on average.',
  'exercise.activities.averagesTitle': 'Each activity on average',
  'exercise.activities.averagesTable': 'Each activity on average, as a table',
  'exercise.activities.logTitle': 'Everything you logged',
  'exercise.activities.logTable': 'Everything you logged, as a table',
  'exercise.activities.activity': 'Activity',
  'exercise.activities.times': 'Times done',
  'exercise.activities.date': 'Date',
  'exercise.activities.done': 'Did you do it?',
  'exercise.activities.masteryColumn': 'Mastery (0 to 10)',
  'exercise.activities.enjoymentColumn': 'Enjoyment (0 to 10)',
  'exercise.activities.notRated': 'Not rated',

  'check.research.title': 'Help us tell real change from chance (optional)',
  'check.research.agree': 'Yes, add an anonymous copy of my answers',
  'check.research.withdraw': 'Stop adding my answers',
  'check.research.yes': 'You have said yes. Thank you. You can change your mind at any time.',
  'check.research.thanks': 'Thank you. Your choice is saved.',
  'check.research.withdrawn': 'Your choice is saved. No new copies of your answers will be added.',

  'checkin.title': 'Check in',
  'checkin.intro': 'A quick look at how you are today. There are no right or wrong answers.',
  'checkin.editing':
    'You have already checked in today. You can change your answers until the end of the day.',
  'checkin.mood.label': 'Mood',
  'checkin.mood.hint': '0 means very low. 10 means very good.',
  'checkin.closeness.label': 'Closeness',
  'checkin.closeness.hint':
    'How close you feel to other people today. 0 means very far away. 10 means very close.',
  'checkin.stress.label': 'Stress',
  'checkin.stress.hint': '0 means completely calm. 10 means very stressed.',
  'checkin.value': '{value} out of 10',
  'checkin.note.label': 'Anything you want to add? (optional)',
  'checkin.note.hint': 'A few words about your day, if you like.',
  'checkin.save': 'Save my check-in',
  'checkin.update': 'Save my changes',
  'checkin.saved': 'Your check-in is saved. Thank you for taking a moment for yourself.',
  'checkin.failed':
    'We could not save your check-in just now. Your answers are still here. Please try again in a little while.',
  'checkin.week.title': 'Your last 7 days',
  'checkin.week.table': 'Table of the last seven days',
  'checkin.week.hint': 'Days without a check-in are fine. Check in whenever it suits you.',
  'checkin.week.day': 'Day',
  'checkin.week.note': 'Note',
  'checkin.week.none': 'No check-in',
  'checkin.week.today': 'Today',
  'checkin.timeZone': 'Days follow your time zone: {zone}.',

  'journal.title': 'Journal',
  'journal.intro': 'A private place to write. Only you can read what you write here.',
  'journal.new': 'Write a new entry',
  'journal.search.label': 'Search your journal',
  'journal.search.submit': 'Search',
  'journal.search.clear': 'Clear search',
  'journal.count': '{count} entries',
  'journal.count.one': '1 entry',
  'journal.count.noneFor': 'No entries matched "{query}". Try a shorter or different word.',
  'journal.empty': 'Your journal is empty. Write your first entry whenever you feel ready.',
  'journal.pages': 'Journal pages',
  'journal.page': 'Page {page} of {pages}',
  'journal.newer': 'Newer entries',
  'journal.older': 'Older entries',
  'journal.mood': 'Mood: {mood} out of 10',
  'journal.tags': 'Tags',
  'journal.new.title': 'New journal entry',
  'journal.edit.title': 'Change this entry',
  'journal.entry.title': 'Journal entry',
  'journal.text.label': 'What is on your mind?',
  'journal.text.hint':
    'Write as much or as little as you like. What you type is kept on this device until you save, so nothing is lost.',
  'journal.text.required': 'Please write something before you save.',
  'journal.prompts.title': 'Need somewhere to start?',
  'journal.prompts.hint': 'Choose a question to write about. It will be added to your entry.',
  'journal.prompt.1': 'When did you last feel close to someone? What made it feel safe?',
  'journal.prompt.2': 'What is one thing you wish the people around you knew about you?',
  'journal.prompt.3':
    'Think of a moment this week when you held back. What were you afraid might happen?',
  'journal.prompt.4': 'Who do you find it easiest to be yourself with? What do they do that helps?',
  'journal.prompt.5': 'What did closeness look like in the home you grew up in?',
  'journal.prompt.6': 'What is one small way you could let someone in a little more this week?',
  'journal.prompt.7':
    'Write a few kind words to yourself, as you would to a good friend who finds closeness hard.',
  'journal.prompt.8': 'How does your body feel when you trust someone? And when you do not?',
  'journal.mood.label': 'Mood (optional)',
  'journal.mood.hint': '0 means very low. 10 means very good.',
  'journal.mood.none': 'Not given',
  'journal.tags.label': 'Tags (optional)',
  'journal.tags.hint':
    'Words to help you find this entry later. Put commas between them, for example: work, family.',
  'journal.save': 'Save entry',
  'journal.cancel': 'Cancel',
  'journal.back': 'Back to my journal',
  'journal.saved': 'Your entry is saved.',
  'journal.draft.restored': 'We brought back what you were writing last time.',
  'journal.draft.discard': 'Start again without it',
  'journal.draft.kept':
    'We could not save your entry just now. Your words are kept on this device, so nothing is lost. Please try again in a little while.',
  'journal.draft.keptShort': 'Your words are still kept on this device.',
  'journal.edit': 'Change this entry',
  'journal.delete': 'Delete this entry',
  'journal.delete.title': 'Delete this entry?',
  'journal.delete.text': 'It will be gone for good. This cannot be undone.',
  'journal.delete.yes': 'Yes, delete it',
  'journal.delete.no': 'No, keep it',
  'journal.deleted': 'The entry is deleted.',
  'journal.written': 'Written on {date}',
  'journal.changed': 'Changed on {date}',
  'journal.notFound': 'We could not find that entry. It may have been deleted.',

  'safetyPlan.title': 'My safety plan',
  'safetyPlan.intro':
    'A safety plan is a list you make now, while you feel steady, to help you through a hard moment later. Fill in what you can. You can change it at any time.',
  'safetyPlan.section.warningSigns.title': 'Warning signs',
  'safetyPlan.section.warningSigns.hint':
    'Thoughts, feelings or situations that tell you a hard time may be starting.',
  'safetyPlan.section.copingAlone.title': 'Things I can do on my own',
  'safetyPlan.section.copingAlone.hint':
    'Things that help you feel a little calmer, like a walk, music or a warm drink.',
  'safetyPlan.section.distractions.title': 'People and places that take my mind off things',
  'safetyPlan.section.distractions.hint':
    'People to be with, or places to go, such as a café, a park or a friend’s home.',
  'safetyPlan.section.peopleToAsk.title': 'People I can ask for help',
  'safetyPlan.section.peopleToAsk.hint':
    'People you trust and could tell how you feel. Add their phone numbers.',
  'safetyPlan.section.professionals.title': 'Professionals and crisis lines',
  'safetyPlan.section.professionals.hint':
    'Your doctor, a therapist, or a crisis line. Get help now lists numbers you can call.',
  'safetyPlan.section.safeEnvironment.title': 'Making my surroundings safer',
  'safetyPlan.section.safeEnvironment.hint':
    'Ways to put things you could hurt yourself with out of reach, or to be somewhere safer.',
  'safetyPlan.item.label': '{section}, item {number}',
  'safetyPlan.item.remove': 'Remove',
  'safetyPlan.item.removeDetail': 'item {number} from {section}',
  'safetyPlan.item.add': 'Add an item',
  'safetyPlan.item.addDetail': 'to {section}',
  'safetyPlan.empty': 'Nothing here yet.',
  'safetyPlan.save': 'Save my safety plan',
  'safetyPlan.saved': 'Your safety plan is saved.',
  'safetyPlan.failed':
    'We could not save your plan just now. Your changes are still on this page. Please try again in a little while.',
  'safetyPlan.print': 'Print my safety plan',
  'safetyPlan.updated': 'Last saved on {date}.',
  'safetyPlan.copy.on':
    'A copy of your safety plan is kept on this device, so Get help now can show it even with no internet.',
  'safetyPlan.copy.onNotSaved':
    'When you save your plan, a copy will be kept on this device, so Get help now can show it even with no internet.',
  'safetyPlan.copy.off': 'No copy of your safety plan is kept on this device.',
  'safetyPlan.copy.remove': 'Remove the copy from this device',
  'safetyPlan.copy.keep': 'Keep a copy on this device',
  'safetyPlan.offline':
    'We cannot reach Closer just now. This is the copy of your plan kept on this device. You can change it when you are back online.',
  'safetyPlan.offline.none':
    'We cannot reach Closer just now, and no copy of your plan is kept on this device. Get help now still works.',

  'help.plan.title': 'My safety plan',
  'help.plan.intro': 'This is the copy of your plan kept on this device.',
  'help.plan.open': 'Open my safety plan',
  'help.plan.updated': 'Last saved on {date}.',

  'myData.title': 'My data',
  'myData.intro':
    'Everything you write in Closer belongs to you. Here you can take a copy, see who has looked at it, or leave.',
  'myData.export.title': 'Download your data',
  'myData.export.text':
    'Files are made on the spot and saved to this device. Keep them somewhere private.',
  'myData.export.json': 'Download everything in one file (JSON)',
  'myData.export.jsonHint': 'JSON is a format that other apps and services can read.',
  'myData.export.csvIntro': 'Or download one spreadsheet file (CSV) for each part:',
  'myData.export.csv.checkins': 'Check-ins (CSV)',
  'myData.export.csv.journal': 'Journal (CSV)',
  'myData.export.csv.safety-plan': 'Safety plan (CSV)',
  'myData.export.csv.closeness-check': 'Closeness Checks (CSV)',
  'myData.export.csv.exercises': 'Exercises (CSV)',
  'myData.export.csv.consents': 'Consent history (CSV)',
  'myData.export.csv.access-log': 'Access log (CSV)',
  'myData.log.title': 'Who has looked at your records',
  'myData.log.intro':
    'Each time anyone other than you opens one of your records, it is written down here.',
  'myData.log.empty': 'Nobody else has looked at your records.',
  'myData.log.caption': 'Times someone else looked at your records',
  'myData.log.when': 'When',
  'myData.log.who': 'Who',
  'myData.log.what': 'What',
  'myData.log.why': 'Why',
  'myData.log.broken':
    'A check of this log found a problem: a line may have been changed or removed. Please tell the people who run Closer for you, so they can look into it.',
  'myData.delete.title': 'Delete your account',
  'myData.delete.text':
    'This deletes your account and everything in it straight away: your journal, check-ins, safety plan and consent history. It cannot be undone.',
  'myData.delete.exportFirst': 'You may want to download your data first.',
  'myData.delete.start': 'Delete my account',
  'myData.delete.confirmTitle': 'Are you sure?',
  'myData.delete.confirmText':
    'To check it is really you, please type your password. Once your account is deleted, we cannot bring anything back.',
  'myData.delete.password': 'Your password',
  'myData.delete.confirm': 'Yes, delete my account for good',
  'myData.delete.cancel': 'No, keep my account',
  'myData.delete.working': 'Deleting…',
  'myData.export.fhir': 'Download for health software (FHIR)',
  'myData.export.fhirHint':
    'FHIR is the format health records use. This file holds your Closeness Checks and check-ins, so a doctor’s or therapist’s software can read them.',
  'myData.import.title': 'Bring your data from another Closer',
  'myData.import.text':
    'If you used Closer somewhere else, you can bring what you wrote into this account. Choose the file you downloaded there with “Download everything in one file (JSON)”.',
  'myData.import.emptyOnly':
    'This works only while this account is new and empty, so nothing gets mixed up. Your sign-in, consent and who could see your records stay as they are here.',
  'myData.import.file': 'Your Closer export (a .json file)',
  'myData.import.start': 'Import this file',
  'myData.import.working': 'Importing… please keep this page open.',
  'myData.import.noFile': 'Please choose a file first.',
  'myData.import.notJson':
    'This file is not one we can read. Please choose the .json file from “Download everything in one file (JSON)”.',
  'myData.import.failed': 'Nothing was imported.',
  'myData.import.invalid':
    'This file seems to have been changed or damaged, so we could not use it. Nothing was added to your account. Please download a fresh copy from your other Closer and try again. (If someone is helping you: the first problem is at {path}.)',
  'myData.import.done': 'Your data is here. We brought in:',
  'myData.import.count.checkins': 'Check-ins: {count}',
  'myData.import.count.journal': 'Journal entries: {count}',
  'myData.import.count.safetyPlan': 'Safety plan: {count}',
  'myData.import.count.closenessChecks': 'Closeness Checks: {count}',
  'myData.import.count.closenessCheckDraft': 'Closeness Check not yet finished: {count}',
  'myData.import.count.exerciseEntries': 'Exercises: {count}',
  'myData.import.count.planWeeks': 'Weekly plans: {count}',
  'myData.import.count.planPreferences': 'Plan choices: {count}',
  'myData.import.leftOut':
    'Some parts were already damaged in the file and were left out: {count}.',

  'journal.unreadable':
    'We could not read this entry: the stored copy is damaged. Your other entries are safe. Please tell us if you see this.',
  'report.title': 'A report for your session',
  'report.intro':
    'If you see a therapist or counsellor, you can print this page and take it with you. It shows how things have been since the day you choose. Nothing you wrote is included unless you tick it.',
  'report.tool.link': 'Make a report to take to a session',
  'report.tool.text':
    'A page you can print: your Check, check-ins and steps since last time, and only the writing you choose.',
  'report.loadFailed': 'Your report could not be made just now. Please try again soon.',
  'report.choose.title': 'Choose what goes in',
  'report.since.label': 'Since',
  'report.since.hint':
    'We start from the day you last said you printed a report, or four weeks ago. You can pick any day in the last five years.',
  'report.since.outOfRange':
    'Please choose a day from {earliest} to {today}. Until then, the report below stays as it is.',
  'report.journal.legend': 'Journal entries to include',
  'report.journal.none': 'There are no journal entries from this time.',
  'report.journal.more':
    'Only your newest {listed} entries from this time are listed here. There are {count} older ones.',
  'report.journal.moreOne':
    'Only your newest {listed} entries from this time are listed here. There is 1 older one.',
  'report.exercises.legend': 'Exercises to include in full',
  'report.exercises.none': 'There are no finished exercises from this time.',
  'report.choose.hint': 'Nothing is ticked at first. You decide what to share.',
  'report.preview.title': 'What will print',
  'report.preview.hint': 'Below is exactly what will print. Buttons and ticks are left out.',
  'report.print': 'Print',
  'report.printed': 'I have printed or shared this',
  'report.printed.done':
    'Thank you. Next time, the report will start from today. You can still pick another day.',
  'report.printed.last': 'You last marked a report as printed or shared on {date}.',
  'report.heading': 'My Closer report',
  'report.period': 'From {from} to {to}',
  'report.note':
    'These are my own answers in Closer, an app for working on closeness. They are not a diagnosis.',
  'report.checks.title': 'Closeness Check',
  'report.checks.none': 'I did not take the Closeness Check in this time.',
  'report.checks.one': 'I took the Closeness Check on {date}.',
  'report.checks.count.one': 'I took the Closeness Check once in this time.',
  'report.checks.count.other': 'I took the Closeness Check {count} times in this time.',
  'report.checks.compare': 'Comparing my Check on {first} with my Check on {latest}:',
  'report.checks.scale':
    'Scores go from 0 to 100. A higher score means that part was harder for me.',
  'report.change.same': 'no change ({after}).',
  'report.change.up': 'up {points} points, from {before} to {after}.',
  'report.change.upOne': 'up 1 point, from {before} to {after}.',
  'report.change.down': 'down {points} points, from {before} to {after}.',
  'report.change.downOne': 'down 1 point, from {before} to {after}.',
  'report.change.noComparison':
    'this part cannot be compared, because one of the two Checks has no score for it.',
  'report.change.reliableDown':
    'This is a reliable change: it is bigger than the everyday ups and downs in how people answer.',
  'report.change.reliableUp':
    'This is a reliable change: it is bigger than the everyday ups and downs in how people answer. This part has felt harder for me lately.',
  'report.change.withinNoise':
    'This is small enough that it could come from everyday ups and downs in how people answer, so Closer does not call it a reliable change.',
  'report.change.whyNot':
    'Closer calls a change reliable only once it knows how steady the Check is, from the answers of at least 100 people who chose to share them anonymously. Until then, it shows the difference but does not call it reliable.',
  'report.change.whyNotSteadiness':
    'For some parts, the answers shared so far do not yet show how steady that part of the Check is, so Closer does not call the change reliable.',
  'report.change.whyNotMissing':
    'For some parts, one of the two Checks has no score, so there is nothing to compare.',
  'report.checks.part': 'Part',
  'report.checks.score': 'Score on {date}',
  'report.checkins.title': 'Check-ins',
  'report.checkins.none': 'There are no check-ins from this time.',
  'report.checkins.count.one': 'I checked in once.',
  'report.checkins.count.other': 'I checked in {count} times, on {days} different days.',
  'report.checkins.countOneDay': 'I checked in {count} times, all on one day.',
  'report.checkins.caption': 'My ratings, from 0 to 10',
  'report.checkins.measure': 'Rating',
  'report.checkins.first': 'First day',
  'report.checkins.last': 'Last day',
  'report.checkins.average': 'Average',
  'report.checkins.weeksCaption': 'Each week: the average of the days I checked in',
  'report.checkins.week': 'Week of',
  'report.checkins.days': 'Days',
  'report.checkins.noValue': 'No check-in',
  'report.measure.mood': 'Mood',
  'report.measure.closeness': 'Closeness',
  'report.measure.stress': 'Stress',
  'report.steps.title': 'Steps I finished',
  'report.steps.none': 'I did not finish an exercise in this time.',
  'report.steps.count.one': 'I finished 1 exercise.',
  'report.steps.count.other': 'I finished {count} exercises.',
  'report.steps.item': '{title}, {date}',
  'report.steps.weeksCaption': 'Steps of my weekly plan',
  'report.steps.week': 'Week of',
  'report.steps.done': 'Done',
  'report.steps.ofPlanned': '{done} of {planned}',
  'report.journal.title': 'From my journal',
  'report.exercises.title': 'Exercises I chose to share',
  'report.entry.loading': 'Loading this entry…',
  'report.entry.failed': 'This entry could not be loaded. Please try again.',
  'report.crisis':
    'If you are in crisis, call {crisis} on {crisisNumber}. If a life is in danger, call {emergencyNumber}.',

  'reminders.title': 'Reminders',
  'reminders.intro':
    'Choose when Closer gives you a gentle nudge. You can change or stop your reminders at any time.',
  'reminders.loadFailed': 'We could not load your reminders just now. Please try again.',
  'reminders.none': 'You have no reminders yet.',
  'reminders.item.legend': 'Reminder {number}',
  'reminders.item.kind': 'Remind me about',
  'reminders.kind.checkin': 'A check-in',
  'reminders.kind.plan': 'A step from my plan',
  'reminders.kind.retake': 'Taking the Closeness Check again',
  'reminders.item.days': 'On these days',
  'reminders.day.mon': 'Monday',
  'reminders.day.tue': 'Tuesday',
  'reminders.day.wed': 'Wednesday',
  'reminders.day.thu': 'Thursday',
  'reminders.day.fri': 'Friday',
  'reminders.day.sat': 'Saturday',
  'reminders.day.sun': 'Sunday',
  'reminders.item.time': 'At this time',
  'reminders.item.remove': 'Remove reminder {number}',
  'reminders.add': 'Add a reminder',
  'reminders.timeZone': 'Your time zone',
  'reminders.timeZone.hint':
    'Times are on your own clock in this time zone, and stay right when the clocks change.',
  'reminders.email': 'Also send me an email at these times',
  'reminders.email.hint':
    'The email only says that you asked for a reminder. It never says what it is about.',
  'reminders.email.unavailable':
    'Email reminders are possible when your account has an email address and this Closer can send email.',
  'reminders.save': 'Save reminders',
  'reminders.saving': 'Saving…',
  'reminders.saved': 'Your reminders are saved.',
  'reminders.feed.title': 'Reminders in your own calendar',
  'reminders.feed.intro':
    'Your calendar app can follow a private link and show your reminders there. Each one is called “Closer reminder” and says nothing more.',
  'reminders.feed.none': 'You have no calendar link at the moment.',
  'reminders.feed.active':
    'You made a calendar link on {date}. It is only shown once, when you make it.',
  'reminders.feed.create': 'Make my calendar link',
  'reminders.feed.regenerate': 'Make a new link',
  'reminders.feed.regenerate.hint': 'A new link stops the old one from working.',
  'reminders.feed.stop': 'Stop my calendar link',
  'reminders.feed.stopped': 'Your calendar link has stopped working.',
  'reminders.feed.url': 'Your private calendar link',
  'reminders.feed.warning':
    'Keep this link to yourself: anyone who has it can see when your reminders are. Add it to your calendar now, as we will not show it again.',
  'reminders.feed.copy': 'Copy the link',
  'reminders.feed.copied': 'The link is copied.',
  'reminders.feed.copyFailed': 'We could not copy it. Select the link and copy it yourself.',
  'reminders.due.label': 'Your reminders',
  'reminders.due.checkin': 'You asked for a reminder to check in.',
  'reminders.due.plan': 'You asked for a reminder about a step from your plan.',
  'reminders.due.retake': 'You asked for a reminder to take the Closeness Check again.',
  'reminders.due.open.checkin': 'Check in now',
  'reminders.due.open.plan': 'Open my plan',
  'reminders.due.open.retake': 'Take the Check',
  'reminders.due.dismiss': 'Not now',
  'reminders.due.dismissLabel': 'Not now: hide this reminder',
  'reminders.email.subject': 'A reminder you set in Closer',
  'reminders.email.body':
    'Hello,\n\nYou asked for a reminder at this time.\n\nOpen Closer: {url}\n\nYou can change or stop your reminders in Closer, on the Reminders page.',
  'reminders.email.bodyNoLink':
    'Hello,\n\nYou asked for a reminder at this time. Open Closer when you have a moment.\n\nYou can change or stop your reminders in Closer, on the Reminders page.',
  'reminders.calendar.name': 'Closer reminders',
  'reminders.calendar.title': 'Closer reminder',
  'reminders.calendar.description':
    'A reminder you set in Closer. Open Closer when you have a moment.',
} as const;

export type MessageKey = keyof typeof enGB;
export type Messages = Record<MessageKey, string>;
