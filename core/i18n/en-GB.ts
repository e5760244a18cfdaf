/**
 * Every sentence the interface shows, in British English. Keys are grouped by page.
 * `{name}` marks a value filled in at run time. Reading age about 11: short sentences,
 * everyday words, warm and never judging.
 */
export const enGB = {
  'app.name': 'Closer',
  'app.tagline': 'Gentle steps towards closeness',

  'layout.skipToContent': 'Skip to main content',
  'layout.getHelpNow': 'Get help now',
  'layout.nav.label': 'Main',
  'layout.nav.home': 'Home',
  'layout.nav.learn': 'Learn',
  'layout.nav.signIn': 'Sign in',
  'layout.nav.signUp': 'Join Closer',
  'layout.nav.privacy': 'Privacy and consent',
  'layout.nav.signOut': 'Sign out',
  'layout.footer.notCrisis':
    'Closer is not a crisis service. If you might act on thoughts of harming yourself or someone else, use Get help now.',
  'layout.footer.privacy': 'Closer makes no requests to other websites. No adverts, no trackers.',
  'layout.loading': 'Loading…',
  'layout.offline': 'You seem to be offline. Get help now still works.',

  'landing.title': 'Closeness can feel hard. You can learn to let people in.',
  'landing.intro':
    'Closer helps you understand why being close to someone can feel frightening, and gives you small, kind steps to practise. You go at your own pace.',
  'landing.what.title': 'What Closer is',
  'landing.what.learn': 'Short, plain articles about where the fear of closeness comes from.',
  'landing.what.check': 'A self-check that shows your own pattern, in plain words.',
  'landing.what.plan':
    'A plan of exercises drawn from several kinds of therapy, chosen to fit you.',
  'landing.what.share':
    'A way to share your progress with a therapist or partner, only if you choose.',
  'landing.not.title': 'What Closer is not',
  'landing.not.crisis': 'It is not a crisis service. If you are in danger now, use Get help now.',
  'landing.not.diagnosis': 'It does not diagnose anything. Nothing here is a label for you.',
  'landing.not.therapy':
    'It does not replace therapy. It can sit alongside it, or help you decide to look for it.',
  'landing.privacy.title': 'Your privacy',
  'landing.privacy.text':
    'You can join with a made-up name. We ask before we store anything about your health. You can take your data or delete it at any time.',
  'landing.cta.join': 'Join Closer',
  'landing.cta.learn': 'Start reading, no account needed',
  'landing.cta.signIn': 'I already have an account',

  'auth.signUp.title': 'Join Closer',
  'auth.signUp.intro':
    'You can use an email address or a made-up name. A made-up name keeps you more private, but we cannot help you reset a forgotten password without an email.',
  'auth.signUp.method': 'How would you like to sign in?',
  'auth.signUp.method.username': 'A made-up name',
  'auth.signUp.method.email': 'An email address',
  'auth.signUp.username': 'Made-up name',
  'auth.signUp.usernameHint': '3 to 32 letters, numbers, dots, dashes or underscores.',
  'auth.signUp.email': 'Email address',
  'auth.signUp.password': 'Password',
  'auth.signUp.passwordHint':
    'At least 8 characters. A short sentence you will remember works well. Very common passwords are not allowed.',
  'auth.signUp.submit': 'Create my account',
  'auth.signUp.haveAccount': 'Already joined?',
  'auth.signIn.title': 'Sign in',
  'auth.signIn.login': 'Email address or made-up name',
  'auth.signIn.password': 'Password',
  'auth.signIn.submit': 'Sign in',
  'auth.signIn.noAccount': 'New here?',
  'auth.showPassword': 'Show password',
  'auth.working': 'Please wait…',
  'auth.signedOut': 'You have signed out. Take care.',

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

  'error.generic': 'Something went wrong on our side. Please try again in a moment.',
  'error.network': 'We could not reach Closer. Check your connection and try again.',
  'error.tryAgain': 'Try again',

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

  'api.invalid_request': 'Some of the details were not right. Please check and try again.',
  'api.invalid_credentials':
    'That sign-in did not work. Check your email address or made-up name, and your password.',
  'api.too_many_attempts':
    'Too many tries. For your safety, please wait {minutes} minutes and try again.',
  'api.account_exists':
    'Someone has already joined with that name or email address. Try signing in, or choose another.',
  'api.password_too_short': 'Your password needs at least 8 characters.',
  'api.password_too_long': 'Your password can have at most 256 characters.',
  'api.password_common':
    'That password is too common and easy to guess. Try a short sentence only you would think of.',
  'api.username_invalid':
    'A made-up name needs 3 to 32 letters, numbers, dots, dashes or underscores.',
  'api.email_invalid': 'That does not look like an email address. Please check it.',
  'api.consent_version_outdated': 'The privacy notice has changed. Please read the new version.',
  'api.service_unavailable':
    'Closer cannot reach its database just now. Nothing you saved has been lost. Please try again in a few minutes. Get help now still works.',
  'api.not_signed_in': 'Please sign in to carry on.',
  'api.csrf_failed': 'Your page was out of date. Please reload it and try again.',
} as const;

export type MessageKey = keyof typeof enGB;
export type Messages = Record<MessageKey, string>;
