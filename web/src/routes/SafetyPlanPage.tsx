import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { SafetyAnswer, SafetyPlan } from '../api/types';
import {
  SAFETY_PLAN_MAX_ITEM_LENGTH,
  SAFETY_PLAN_MAX_ITEMS,
  SAFETY_PLAN_SECTIONS,
  tidySafetyPlan,
  type SafetyPlanSection,
  type SafetyPlanSections,
} from '../../../core/safety/safety-plan';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { HealthError, isUnreachable } from '../features/health/HealthError';
import { formatDate } from '../features/layout/format';
import { usePageTitle } from '../features/layout/use-page-title';
import { needsSafetyAlert, SafetyAlert } from '../features/safety/SafetyAlert';
import {
  keepLocalPlan,
  localCopyWanted,
  readLocalPlan,
  setLocalCopyWanted,
} from '../features/safety-plan/local-copy';
import { useSafetyPlan, useSaveSafetyPlan } from '../features/safety-plan/safety-plan-api';
import { SafetyPlanView } from '../features/safety-plan/SafetyPlanView';
import { t } from '../i18n';
import { BusyButton } from '../features/layout/BusyButton';

export default function SafetyPlanPage() {
  usePageTitle(t('safetyPlan.title'));
  return (
    <RequireSignIn>
      <SafetyPlanContent />
    </RequireSignIn>
  );
}

function SafetyPlanContent() {
  const plan = useSafetyPlan();
  const save = useSaveSafetyPlan();
  const [safety, setSafety] = useState<SafetyAnswer | null>(null);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const showAlert = needsSafetyAlert(safety);

  useEffect(() => {
    if (saved && !showAlert) savedRef.current?.focus();
  }, [saved, showAlert]);

  const onSave = (sections: SafetyPlanSections) => {
    setSaved(false);
    setSafety(null);
    save.mutate(tidySafetyPlan(sections), {
      onSuccess: (answer) => {
        setSaved(true);
        setSafety(answer.safety);
      },
    });
  };

  // Offline, or Closer is down: the copy on this device, to read.
  const unreachable = plan.isError && !plan.data && isUnreachable(plan.error);

  return (
    <div className="page">
      {showAlert ? (
        <SafetyAlert
          safety={safety}
          saved="safetyPlan"
          showPlanLink={false}
          onDismiss={() => setSafety(null)}
        />
      ) : null}
      {saved && !showAlert ? (
        <p className="notice" role="status" tabIndex={-1} ref={savedRef}>
          {t('safetyPlan.saved')}
        </p>
      ) : null}
      <h1>{t('safetyPlan.title')}</h1>
      <p className="lead">{t('safetyPlan.intro')}</p>
      {plan.isPending ? <p role="status">{t('layout.loading')}</p> : null}
      {unreachable ? <OfflinePlan /> : null}
      {plan.isError && !plan.data && !unreachable ? (
        <HealthError error={plan.error} onRetry={() => plan.refetch()} />
      ) : null}
      {plan.data ? (
        <PlanEditor
          // Starts again from what was saved, with blank items tidied away.
          key={plan.data.updatedAt ?? 'new'}
          plan={plan.data}
          saving={save.isPending}
          error={save.error}
          onSave={onSave}
        />
      ) : null}
    </div>
  );
}

function OfflinePlan() {
  const local = readLocalPlan();
  if (!local) {
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('safetyPlan.offline.none')}</p>
        <p>
          <a href="/help">{t('layout.getHelpNow')}</a>
        </p>
      </div>
    );
  }
  return (
    <>
      <div className="notice" role="status">
        <p>{t('safetyPlan.offline')}</p>
        {local.updatedAt ? (
          <p>{t('safetyPlan.updated', { date: formatDate(local.updatedAt) })}</p>
        ) : null}
      </div>
      <SafetyPlanView sections={local.sections} />
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('safetyPlan.print')}
        </button>
      </p>
    </>
  );
}

interface Item {
  key: number;
  text: string;
}

type EditableSections = Record<SafetyPlanSection, Item[]>;

let nextItemKey = 1;
function toItems(sections: SafetyPlanSections): EditableSections {
  return Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((section) => [
      section,
      sections[section].map((text) => ({ key: nextItemKey++, text })),
    ]),
  ) as EditableSections;
}

function toSections(items: EditableSections): SafetyPlanSections {
  return Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((section) => [section, items[section].map((item) => item.text)]),
  ) as SafetyPlanSections;
}

function PlanEditor(props: {
  plan: SafetyPlan;
  saving: boolean;
  error: Error | null;
  onSave: (sections: SafetyPlanSections) => void;
}) {
  const [items, setItems] = useState<EditableSections>(() => toItems(props.plan.sections));
  const [copyWanted, setCopyWanted] = useState(localCopyWanted);
  const focusAfterRender = useRef<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const error = props.error;

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const change = (section: SafetyPlanSection, next: Item[]) =>
    setItems((current) => ({ ...current, [section]: next }));

  const add = (section: SafetyPlanSection) => {
    const item = { key: nextItemKey++, text: '' };
    change(section, [...items[section], item]);
    focusAfterRender.current = `plan-item-${item.key}`;
  };

  const remove = (section: SafetyPlanSection, key: number) => {
    change(
      section,
      items[section].filter((item) => item.key !== key),
    );
    focusAfterRender.current = `plan-add-${section}`;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave(toSections(items));
  };

  const toggleCopy = () => {
    const wanted = !copyWanted;
    setLocalCopyWanted(wanted);
    if (wanted) keepLocalPlan(props.plan);
    setCopyWanted(wanted);
  };

  const copyText = !copyWanted
    ? t('safetyPlan.copy.off')
    : props.plan.updatedAt
      ? t('safetyPlan.copy.on')
      : t('safetyPlan.copy.onNotSaved');

  return (
    <>
      <div className="no-print">
        <div className="card card--calm local-copy">
          <p>{copyText}</p>
          <p>
            <button type="button" className="button" onClick={toggleCopy}>
              {copyWanted ? t('safetyPlan.copy.remove') : t('safetyPlan.copy.keep')}
            </button>
          </p>
        </div>
        {props.plan.updatedAt ? (
          <p className="meta">
            {t('safetyPlan.updated', { date: formatDate(props.plan.updatedAt) })}
          </p>
        ) : null}
        <form className="plan-form" onSubmit={onSubmit} noValidate>
          {error ? (
            <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
              <p>
                {error instanceof ApiError && !isUnreachable(error)
                  ? error.message
                  : t('safetyPlan.failed')}
              </p>
            </div>
          ) : null}
          {SAFETY_PLAN_SECTIONS.map((section) => (
            <PlanSection
              key={section}
              section={section}
              items={items[section]}
              onChange={(next) => change(section, next)}
              onAdd={() => add(section)}
              onRemove={(key) => remove(section, key)}
            />
          ))}
          <p className="actions plan-form__actions">
            <BusyButton className="button button--primary" type="submit" busy={props.saving}>
              {props.saving ? t('auth.working') : t('safetyPlan.save')}
            </BusyButton>
            <button type="button" className="button" onClick={() => window.print()}>
              {t('safetyPlan.print')}
            </button>
          </p>
        </form>
      </div>
      <div className="print-only">
        <SafetyPlanView sections={toSections(items)} />
      </div>
    </>
  );
}

function PlanSection(props: {
  section: SafetyPlanSection;
  items: Item[];
  onChange: (items: Item[]) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
}) {
  const { section, items } = props;
  const title = t(`safetyPlan.section.${section}.title`);
  const hintId = `plan-hint-${section}`;
  return (
    <fieldset className="plan-section">
      <legend>
        <span className="plan-section__title">{title}</span>
      </legend>
      <p className="hint" id={hintId}>
        {t(`safetyPlan.section.${section}.hint`)}
      </p>
      {items.length === 0 ? <p className="plan-section__empty">{t('safetyPlan.empty')}</p> : null}
      <ul className="plan-items">
        {items.map((item, index) => {
          const id = `plan-item-${item.key}`;
          return (
            <li key={item.key} className="plan-item">
              <label htmlFor={id} className="visually-hidden">
                {t('safetyPlan.item.label', { section: title, number: index + 1 })}
              </label>
              <input
                id={id}
                type="text"
                maxLength={SAFETY_PLAN_MAX_ITEM_LENGTH}
                value={item.text}
                aria-describedby={hintId}
                onChange={(event) =>
                  props.onChange(
                    items.map((other) =>
                      other.key === item.key ? { ...other, text: event.target.value } : other,
                    ),
                  )
                }
              />
              <button type="button" className="button" onClick={() => props.onRemove(item.key)}>
                {t('safetyPlan.item.remove')}
                <span className="visually-hidden">
                  {' '}
                  {t('safetyPlan.item.removeDetail', { number: index + 1, section: title })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        <button
          id={`plan-add-${section}`}
          type="button"
          className="button"
          onClick={props.onAdd}
          disabled={items.length >= SAFETY_PLAN_MAX_ITEMS}
        >
          {t('safetyPlan.item.add')}
          <span className="visually-hidden">
            {' '}
            {t('safetyPlan.item.addDetail', { section: title })}
          </span>
        </button>
      </p>
    </fieldset>
  );
}
