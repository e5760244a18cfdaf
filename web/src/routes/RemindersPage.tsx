import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { REMINDER_KINDS, WEEKDAY_NAMES } from '../../../core/reminders/schedule';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { browserTimeZone } from '../features/checkins/days';
import { ErrorMessage } from '../features/layout/ErrorMessage';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import {
  useNewCalendarFeed,
  useReminderSettings,
  useSaveReminders,
  useStopCalendarFeed,
  type ReminderItem,
  type ReminderSettings,
} from '../features/reminders/reminders-api';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function RemindersPage() {
  usePageTitle(t('reminders.title'));
  return (
    <RequireSignIn>
      <Reminders />
    </RequireSignIn>
  );
}

function Reminders() {
  const settings = useReminderSettings();
  return (
    <div className="page page--narrow">
      <h1>{t('reminders.title')}</h1>
      <p className="lead">{t('reminders.intro')}</p>
      {settings.isPending ? <p role="status">{t('layout.loading')}</p> : null}
      {settings.isError ? (
        <ErrorMessage error={settings.error} onRetry={() => settings.refetch()} />
      ) : null}
      {settings.data ? (
        <>
          <SettingsForm settings={settings.data} />
          <CalendarFeed settings={settings.data} />
        </>
      ) : null}
    </div>
  );
}

/** Every zone this browser knows, with the person's own and the saved one always in it. */
function timeZones(...wanted: string[]): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...wanted, ...known])].sort();
}

const NEW_ITEM: ReminderItem = { kind: 'checkin', days: ['mon'], time: '09:00' };

function SettingsForm({ settings }: { settings: ReminderSettings }) {
  const save = useSaveReminders();
  const [items, setItems] = useState<ReminderItem[]>(settings.items);
  const [timeZone, setTimeZone] = useState(settings.timeZone ?? browserTimeZone());
  const [email, setEmail] = useState(settings.email);
  const [saved, setSaved] = useState(false);
  const zones = useMemo(
    () => timeZones(browserTimeZone(), settings.timeZone ?? browserTimeZone()),
    [settings.timeZone],
  );
  const listRef = useRef<HTMLDivElement>(null);
  const [focusLast, setFocusLast] = useState(false);

  useEffect(() => {
    if (!focusLast) return;
    setFocusLast(false);
    const selects = listRef.current?.querySelectorAll('select');
    selects?.[selects.length - 1]?.focus();
  }, [focusLast]);

  const change = (index: number, next: Partial<ReminderItem>) => {
    setSaved(false);
    setItems((current) => current.map((item, at) => (at === index ? { ...item, ...next } : item)));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { timeZone, items, ...(settings.emailAvailable ? { email } : {}) },
      {
        onSuccess: (answer) => {
          setItems(answer.items);
          setSaved(true);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="reminders-form">
      <div ref={listRef}>
        {items.length === 0 ? <p>{t('reminders.none')}</p> : null}
        {items.map((item, index) => (
          <ReminderRow
            key={index}
            item={item}
            number={index + 1}
            onChange={(next) => change(index, next)}
            onRemove={() => {
              setSaved(false);
              setItems((current) => current.filter((_, at) => at !== index));
            }}
          />
        ))}
      </div>
      <p>
        <button
          type="button"
          id="reminders-add"
          onClick={() => {
            setSaved(false);
            setItems((current) => [...current, NEW_ITEM]);
            setFocusLast(true);
          }}
        >
          {t('reminders.add')}
        </button>
      </p>
      <div className="field">
        <label htmlFor="reminders-zone">{t('reminders.timeZone')}</label>
        <p className="hint" id="reminders-zone-hint">
          {t('reminders.timeZone.hint')}
        </p>
        <select
          id="reminders-zone"
          aria-describedby="reminders-zone-hint"
          value={timeZone}
          onChange={(event) => {
            setSaved(false);
            setTimeZone(event.target.value);
          }}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
      {settings.emailAvailable ? (
        <div className="checkbox">
          <input
            id="reminders-email"
            type="checkbox"
            checked={email}
            aria-describedby="reminders-email-hint"
            onChange={(event) => {
              setSaved(false);
              setEmail(event.target.checked);
            }}
          />
          <label htmlFor="reminders-email">{t('reminders.email')}</label>
          <p className="hint" id="reminders-email-hint">
            {t('reminders.email.hint')}
          </p>
        </div>
      ) : (
        <p className="hint">{t('reminders.email.unavailable')}</p>
      )}
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      <p>
        <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
          {save.isPending ? t('reminders.saving') : t('reminders.save')}
        </BusyButton>
      </p>
      <p role="status">{saved ? t('reminders.saved') : ''}</p>
    </form>
  );
}

function ReminderRow({
  item,
  number,
  onChange,
  onRemove,
}: {
  item: ReminderItem;
  number: number;
  onChange: (next: Partial<ReminderItem>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  return (
    <fieldset className="reminder-row">
      <legend>{t('reminders.item.legend', { number })}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('reminders.item.kind')}</label>
        <select
          id={`${id}-kind`}
          value={item.kind}
          onChange={(event) => onChange({ kind: event.target.value as ReminderItem['kind'] })}
        >
          {REMINDER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`reminders.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="reminder-row__days">
        <legend>{t('reminders.item.days')}</legend>
        {WEEKDAY_NAMES.map((day) => (
          <div className="checkbox" key={day}>
            <input
              id={`${id}-${day}`}
              type="checkbox"
              checked={item.days.includes(day)}
              onChange={(event) =>
                onChange({
                  days: WEEKDAY_NAMES.filter((other) =>
                    other === day ? event.target.checked : item.days.includes(other),
                  ),
                })
              }
            />
            <label htmlFor={`${id}-${day}`}>{t(`reminders.day.${day}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-time`}>{t('reminders.item.time')}</label>
        <input
          id={`${id}-time`}
          type="time"
          value={item.time}
          onChange={(event) => onChange({ time: event.target.value.slice(0, 5) })}
        />
      </div>
      <p>
        <button type="button" className="link-button" onClick={onRemove}>
          {t('reminders.item.remove', { number })}
        </button>
      </p>
    </fieldset>
  );
}

function CalendarFeed({ settings }: { settings: ReminderSettings }) {
  const create = useNewCalendarFeed();
  const stop = useStopCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [stopped, setStopped] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const { active, createdAt } = settings.calendarFeed;

  useEffect(() => {
    if (url) urlRef.current?.focus();
  }, [url]);

  const make = () => {
    setCopied(null);
    setStopped(false);
    create.mutate(undefined, { onSuccess: (answer) => setUrl(answer.url) });
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url ?? '');
      setCopied('yes');
    } catch {
      urlRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">{t('reminders.feed.title')}</h2>
      <p>{t('reminders.feed.intro')}</p>
      {url ? (
        <div className="notice">
          <label htmlFor="feed-url">{t('reminders.feed.url')}</label>
          <p className="hint" id="feed-warning">
            {t('reminders.feed.warning')}
          </p>
          <input
            id="feed-url"
            ref={urlRef}
            type="text"
            readOnly
            value={url}
            aria-describedby="feed-warning"
            onFocus={(event) => event.target.select()}
            className="feed-url"
          />
          <p>
            <button type="button" onClick={() => void copy()}>
              {t('reminders.feed.copy')}
            </button>
          </p>
          <p role="status">
            {copied === 'yes' ? t('reminders.feed.copied') : ''}
            {copied === 'failed' ? t('reminders.feed.copyFailed') : ''}
          </p>
        </div>
      ) : (
        <p>
          {active && createdAt
            ? t('reminders.feed.active', { date: formatDate(createdAt) })
            : t('reminders.feed.none')}
        </p>
      )}
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {stop.isError ? <ErrorMessage error={stop.error} /> : null}
      <p>
        <BusyButton type="button" id="feed-make" onClick={make} busy={create.isPending}>
          {active || url ? t('reminders.feed.regenerate') : t('reminders.feed.create')}
        </BusyButton>
      </p>
      {active || url ? <p className="hint">{t('reminders.feed.regenerate.hint')}</p> : null}
      {active || url ? (
        <p>
          <BusyButton
            type="button"
            id="feed-stop"
            className="link-button"
            busy={stop.isPending}
            onClick={() =>
              stop.mutate(undefined, {
                onSuccess: () => {
                  setUrl(null);
                  setStopped(true);
                  // This button goes with the link; keep the keyboard's place on the one that stays.
                  document.getElementById('feed-make')?.focus();
                },
              })
            }
          >
            {t('reminders.feed.stop')}
          </BusyButton>
        </p>
      ) : null}
      <p role="status">{stopped ? t('reminders.feed.stopped') : ''}</p>
    </section>
  );
}
