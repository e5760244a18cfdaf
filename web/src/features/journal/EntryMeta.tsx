import { Link } from 'react-router';
import type { JournalEntry } from '../../api/types';
import { t } from '../../i18n';

/** An entry's mood and tags; each tag searches the journal for it. */
export function EntryMeta({ entry }: { entry: JournalEntry }) {
  if (entry.mood === null && entry.tags.length === 0) return null;
  return (
    <p className="meta">
      {entry.mood === null ? null : <span>{t('journal.mood', { mood: entry.mood })}</span>}
      {entry.tags.length > 0 ? (
        <>
          <span className="visually-hidden">{t('journal.tags')}: </span>
          {entry.tags.map((tag) => (
            <Link key={tag} className="tag" to={`/journal?q=${encodeURIComponent(tag)}`}>
              {tag}
            </Link>
          ))}
        </>
      ) : null}
    </p>
  );
}
