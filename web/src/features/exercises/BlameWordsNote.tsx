import { useDeferredValue } from 'react';
import { t } from '../../i18n';
import { findBlameWords } from './exercise-progress';
import { HighlightedText } from './HighlightedText';

/**
 * A gentle hint under an I-statement: words that can sound like blame are marked, and the
 * person decides whether to change them. Announced politely, never as an error.
 */
export function BlameWordsNote({ text }: { text: string }) {
  const deferred = useDeferredValue(text);
  const words = findBlameWords(deferred);
  return (
    <div className="blame-note" role="status">
      {words.length > 0 ? (
        <div className="card card--calm">
          <p>
            {t('exercise.blame.found', {
              words: [...new Set(words.map((word) => `“${word.text.toLowerCase()}”`))].join(', '),
            })}
          </p>
          <p className="blame-note__text">
            <HighlightedText text={deferred} ranges={words} />
          </p>
          <p className="hint">{t('exercise.blame.youDecide')}</p>
        </div>
      ) : null}
    </div>
  );
}
