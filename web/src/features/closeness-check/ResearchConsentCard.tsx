import { useState } from 'react';
import { t } from '../../i18n';
import { FormError } from '../auth/FormError';
import { MarkdownView } from '../content/MarkdownView';
import { useChangeResearchConsent, useResearchConsent } from './check-api';
import { BusyButton } from '../layout/BusyButton';

/**
 * The separate, optional agreement to add an anonymous copy of Check answers to the research
 * pool. Plain words from the server's notice, one button each way, and nothing else in Closer
 * depends on the choice. A failure to load it stays quiet: it is never in the way.
 */
export function ResearchConsentCard({ onlyToWithdraw = false }: { onlyToWithdraw?: boolean }) {
  const consent = useResearchConsent();
  const change = useChangeResearchConsent();
  const [justChanged, setJustChanged] = useState<'agreed' | 'withdrawn' | null>(null);

  if (!consent.data) return null;
  const { notice, current } = consent.data;
  // Without health consent, research consent is not offered, but can always be withdrawn.
  if (onlyToWithdraw && !current && justChanged !== 'withdrawn') return null;
  return (
    <section className="card research-card" aria-labelledby="research-title">
      <h2 id="research-title">{t('check.research.title')}</h2>
      <div role="status">
        {justChanged ? (
          <p className="notice">
            {justChanged === 'agreed' ? t('check.research.thanks') : t('check.research.withdrawn')}
          </p>
        ) : null}
      </div>
      {current && !justChanged ? <p className="notice">{t('check.research.yes')}</p> : null}
      <div className="research-card__notice">
        <MarkdownView source={notice.text} headingOffset={1} />
      </div>
      <FormError error={change.error} />
      <p className="actions">
        {onlyToWithdraw && !current ? null : current ? (
          <BusyButton
            type="button"
            className="button"
            busy={change.isPending}
            onClick={() =>
              change.mutate({ agree: false }, { onSuccess: () => setJustChanged('withdrawn') })
            }
          >
            {t('check.research.withdraw')}
          </BusyButton>
        ) : (
          <BusyButton
            type="button"
            className="button"
            busy={change.isPending}
            onClick={() =>
              change.mutate(
                { agree: true, version: notice.version },
                { onSuccess: () => setJustChanged('agreed') },
              )
            }
          >
            {t('check.research.agree')}
          </BusyButton>
        )}
      </p>
    </section>
  );
}
