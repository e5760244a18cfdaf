/**
 * The interface text the first page needs: the frame of every page (layout, Get help now),
 * the landing page, sign-in words, and the messages for the API's error codes. This part ships
 * with the first page; the rest of en-GB.ts loads with the first other page a person opens
 * (web/src/i18n.ts), which keeps the first page within its JavaScript budget. A key belongs
 * here only if something on the first page shows it (a test checks the first page's code).
 */
export const enGBFirstPage = {
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
  'auth.signedOut.checkAnswersRemoved':
    'Your latest Closeness Check answers could not be saved before you signed out. To keep them private, we removed them from this device. Answers saved before then are still in your account.',

  'error.generic': 'Something went wrong on our side. Please try again in a moment.',
  'error.network': 'We could not reach Closer. Check your connection and try again.',
  'error.tryAgain': 'Try again',

  'layout.nav.checkin': 'Check in',
  'layout.nav.journal': 'Journal',
  'layout.nav.safetyPlan': 'Safety plan',
  'layout.nav.myData': 'My data',
  'layout.nav.menu': 'Menu',

  'landing.accountDeleted':
    'Your account and everything in it have been deleted. Thank you for the time you spent with Closer. We wish you well, and you are welcome back at any time.',

  'layout.nav.check': 'Closeness Check',

  'layout.nav.plan': 'My plan',
  'layout.nav.exercises': 'Exercises',
  'layout.nav.progress': 'My progress',

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
  'api.password_incorrect': 'That password is not right. Please try again.',
  'api.not_signed_in': 'Please sign in to carry on.',
  'api.csrf_failed': 'Your page was out of date. Please reload it and try again.',
  'api.consent_required':
    'Please read the privacy notice and agree to it before using this part of Closer.',
  'api.checkin_locked':
    'A check-in can only be changed on the day you made it. You can make a new one for today.',
  'api.not_found': 'We could not find that. It may have been deleted.',
  'api.payload_too_large': 'That is too long to save in one go. Try splitting it into two.',
  'api.ciphertext_invalid':
    'We could not read this: the stored copy is damaged. Everything else you saved is safe. Please tell us if you see this.',
  'api.person_key_invalid':
    'We could not read this just now because of a problem with our keys, not with anything you did. Nothing has been lost. Please try again later.',
  'api.time_zone_invalid':
    'We did not recognise the time zone your device sent, so this was not done yet. Please reload the page and try again.',
  'api.invalid_answer':
    'One of the answers was not one we could save, so nothing was changed. Please reload the page and try again.',
  'api.assessment_version_unknown':
    'This version of the Closeness Check is no longer in use. Please reload the page to get the current one.',
  'api.research_notice_outdated':
    'The research notice has changed. Please read the new version before you decide.',
  'api.invalid_exercise_values':
    'One of your answers was not one we could save, so nothing was changed in your account. What you wrote is still here. Please check your answers and try again.',
  'api.exercise_not_found': 'We could not find that exercise. Please go back to the library.',
  'api.invalid_plan_input':
    'We could not save your plan choices yet. They are still on the page. Please check them and save again.',
  'api.invalid_week': 'We could not work out which week this is. Please reload the page.',
  'api.plan_step_not_found':
    'That step is no longer in this week’s plan. Please reload the page to see the plan as it is now.',
  'api.plan_step_not_swappable': 'Only a step you have not done yet can be swapped.',
  'api.plan_no_swap_available':
    'There is no other exercise for this need that fits your plan right now. You can keep this one, or leave it for this week.',
  'api.import_target_not_empty':
    'This account already has things in it. An import only goes into a new, empty account, so nothing gets mixed up.',
  'api.entry_unreadable':
    'We could not read what was saved in this entry, so it cannot be finished as it is. You can write it again, or delete it. We have been told about the problem.',
  // Reminders (docs/decisions/0012). Email and calendar text never says what a reminder is for.
  'layout.nav.reminders': 'Reminders',
  'api.invalid_reminders':
    'We could not save your reminders yet. They are still on the page. Please check the days and times, then save again.',
  'api.invalid_time_zone':
    'We did not recognise that time zone. Please choose one from the list and try again.',
  'api.reminders_email_unavailable':
    'Email reminders are possible only when your account has an email address and this Closer can send email.',
  'api.report_from_invalid': 'Please choose a real day for the start of the report.',
  'api.report_from_in_future': 'The report cannot start after today. Please choose an earlier day.',
  'api.report_from_too_early':
    'The report can start at most five years ago. Please choose a later day.',
} as const;
