import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { SafetyAnswer } from '../../api/types';
import { contactHref, type ContactMethod, type HelpLine } from '../../../../core/safety/help-lines';
import { isMessageKey, t } from '../../i18n';

/** What was kept; `checkAnswer` is an answer in a Check still being taken. */
export type SavedThing =
  'journal' | 'checkin' | 'safetyPlan' | 'check' | 'checkAnswer' | 'exercise';

/** Whether a save's answer calls for the alert at all. */
export function needsSafetyAlert(safety: SafetyAnswer | null | undefined): safety is SafetyAnswer {
  return Boolean(safety && safety.level !== 'none');
}

/**
 * The help shown straight after a save whose text worried the risk check. It is the first
 * thing on the page and takes focus, so it is seen and read before anything else.
 * - crisis: the emergency number and crisis lines, Get help now, and the safety plan;
 * - safeguarding: the emergency number and specialist (abuse, child) lines, calmly, and
 *   never a self-help exercise;
 * - concern: a gentle note with the listening services.
 * It always says the save worked: nobody is ever blocked from saving.
 */
export function SafetyAlert({
  safety,
  saved,
  onDismiss,
  showPlanLink = true,
  text: ownText,
}: {
  safety: SafetyAnswer;
  saved: SavedThing;
  onDismiss: () => void;
  showPlanLink?: boolean;
  /** Words that fit how the worry was raised (an answer rather than something written). */
  text?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, [safety]);
  if (safety.level === 'none') return null;

  const level = safety.level;
  const emergency = safety.resources.find((line) => line.need === 'emergency');
  const emergencyNumber = emergency?.contacts[0]?.number;
  const title =
    level === 'crisis'
      ? t('safety.crisis.title')
      : level === 'safeguarding'
        ? t('safety.safeguarding.title')
        : t('safety.concern.title');
  const text =
    ownText ??
    (level === 'crisis'
      ? t('safety.crisis.text')
      : level === 'safeguarding'
        ? t('safety.safeguarding.text')
        : t('safety.concern.text'));

  const dismiss = () => {
    onDismiss();
    document.getElementById('main')?.focus();
  };

  return (
    <div
      className={`safety-alert safety-alert--${level}`}
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="safety-alert-title"
      data-level={level}
    >
      <h2 id="safety-alert-title" className="safety-alert__title">
        {title}
      </h2>
      <p className="safety-alert__saved">{t(`safety.saved.${saved}`)}</p>
      <p>{text}</p>
      {level === 'crisis' && emergencyNumber ? (
        <p className="safety-alert__danger">
          {t('safety.crisis.danger', { number: emergencyNumber })}
        </p>
      ) : null}
      {safety.resources.length > 0 ? (
        <>
          <h3 className="safety-alert__lines-title">{t('safety.lines')}</h3>
          <HelpLineList lines={safety.resources} />
        </>
      ) : null}
      <p className="actions">
        {level === 'concern' ? null : (
          // A plain link: Get help now is a server page that works without the app.
          <a className="button button--help" href="/help">
            {t('safety.helpNow')}
          </a>
        )}
        {showPlanLink && level === 'crisis' ? (
          <Link className="button" to="/safety-plan">
            {t('safety.openPlan')}
          </Link>
        ) : null}
        <button type="button" className="button" onClick={dismiss}>
          {t('safety.dismiss')}
        </button>
      </p>
    </div>
  );
}

/** Help lines, each with what it is for and a link to call or text it. */
export function HelpLineList({ lines }: { lines: readonly HelpLine[] }) {
  return (
    <ul className="help-lines">
      {lines.map((line) => (
        <HelpLineItem key={line.id} line={line} />
      ))}
    </ul>
  );
}

function HelpLineItem({ line }: { line: HelpLine }) {
  const needKey = `help.need.${line.need}`;
  return (
    <li className="help-line">
      <span className="help-line__need">{isMessageKey(needKey) ? t(needKey) : line.service}</span>
      <span className="help-line__service">{line.service}</span>
      <span className="help-line__contacts">
        {line.contacts.map((contact) => (
          <a
            key={`${contact.kind}-${contact.number}`}
            className="help-line__contact"
            href={contactHref(contact)}
          >
            {contactLabel(contact)}
          </a>
        ))}
      </span>
      {line.noteKey && isMessageKey(line.noteKey) ? (
        <span className="help-line__note">{t(line.noteKey)}</span>
      ) : null}
    </li>
  );
}

function contactLabel(contact: ContactMethod): string {
  if (contact.kind === 'call') return t('help.call', { number: contact.number });
  return contact.keyword
    ? t('help.textKeyword', { keyword: contact.keyword, number: contact.number })
    : t('help.text', { number: contact.number });
}
