import { Link, useNavigate } from 'react-router';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { useSession } from '../features/auth/session';
import { useConsent } from '../features/consent/consent';
import { draftKey } from '../features/drafts/drafts';
import { ConsentNeeded } from '../features/health/HealthError';
import { useCreateEntry } from '../features/journal/journal-api';
import { EMPTY_JOURNAL_FORM, JournalForm } from '../features/journal/JournalForm';
import { usePageTitle } from '../features/layout/use-page-title';
import { t } from '../i18n';

export default function JournalNewPage() {
  usePageTitle(t('journal.new.title'));
  return (
    <RequireSignIn>
      <NewEntry />
    </RequireSignIn>
  );
}

function NewEntry() {
  const session = useSession();
  const consent = useConsent();
  const create = useCreateEntry();
  const navigate = useNavigate();
  const userId = session.data?.user.id ?? '';
  const consentMissing = consent.data !== undefined && consent.data.consent?.current !== true;

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/journal">{t('journal.back')}</Link>
      </p>
      <h1>{t('journal.new.title')}</h1>
      {consentMissing ? (
        <ConsentNeeded />
      ) : (
        <JournalForm
          draftKey={draftKey(userId, 'journal.new')}
          baseline={EMPTY_JOURNAL_FORM}
          showPrompts
          save={(input) => create.mutateAsync(input)}
          // The entry's own page shows the safety help, if any, before anything else.
          onSaved={(saved) =>
            navigate(`/journal/${saved.entry.id}`, {
              replace: true,
              state: { saved: true, safety: saved.safety },
            })
          }
        />
      )}
    </div>
  );
}
