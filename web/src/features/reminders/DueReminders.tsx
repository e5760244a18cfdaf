import { Link } from 'react-router';
import { t, type MessageKey } from '../../i18n';
import { useDismissReminder, useDueReminders, type ReminderKind } from './reminders-api';
import { BusyButton } from '../layout/BusyButton';

const WHERE: Record<ReminderKind, { text: MessageKey; link: MessageKey; to: string }> = {
  checkin: { text: 'reminders.due.checkin', link: 'reminders.due.open.checkin', to: '/checkin' },
  plan: { text: 'reminders.due.plan', link: 'reminders.due.open.plan', to: '/plan' },
  retake: { text: 'reminders.due.retake', link: 'reminders.due.open.retake', to: '/check' },
};

/**
 * The reminders that are due, as a quiet notice: announced politely (role=status), no
 * movement, each with a link to what it is for and a way to hide it. Nothing when none.
 */
export function DueReminders() {
  const due = useDueReminders();
  const dismiss = useDismissReminder();
  const reminders = due.data?.reminders ?? [];
  // One notice per kind is enough, whatever was missed.
  const latest = [...new Map(reminders.map((reminder) => [reminder.kind, reminder])).values()];
  return (
    <div role="status" aria-label={t('reminders.due.label')}>
      {latest.length > 0 ? (
        <ul className="entry-list due-reminders">
          {latest.map((reminder) => {
            const where = WHERE[reminder.kind];
            return (
              <li key={reminder.id} className="notice due-reminders__item">
                <p>
                  {t(where.text)} <Link to={where.to}>{t(where.link)}</Link>
                </p>
                <BusyButton
                  type="button"
                  className="link-button"
                  aria-label={t('reminders.due.dismissLabel')}
                  busy={dismiss.isPending}
                  onClick={() =>
                    reminders
                      .filter((other) => other.kind === reminder.kind)
                      .forEach((other) => dismiss.mutate(other.id))
                  }
                >
                  {t('reminders.due.dismiss')}
                </BusyButton>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
