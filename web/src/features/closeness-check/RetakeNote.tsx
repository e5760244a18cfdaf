import { Link } from 'react-router';
import type { CheckHistory } from '../../api/types';
import { t } from '../../i18n';
import { formatDate } from '../layout/format';

/**
 * When to take the Check again: a window of two to four weeks after the last one, said as a
 * suggestion. Once it opens it stays open, with no "overdue" and nothing to catch up on.
 */
export function RetakeNote({
  retake,
  now = new Date(),
}: {
  retake: NonNullable<CheckHistory['retake']>;
  now?: Date;
}) {
  const from = formatDate(retake.suggestedFrom);
  const by = formatDate(retake.suggestedBy);
  const open = now.getTime() >= Date.parse(retake.suggestedFrom);
  return (
    <>
      <p className="retake">
        {open ? t('check.retake.open') : t('check.retake.window', { from, by })}
      </p>
      {open ? (
        <p>
          <Link className="button button--primary" to="/check">
            {t('check.retake.start')}
          </Link>
        </p>
      ) : (
        <p className="hint">{t('check.retake.why')}</p>
      )}
    </>
  );
}
