import {
  HELP_REGIONS,
  contactHref,
  helpRegion,
  type HelpGroup,
  type HelpLine,
  type HelpRegion,
  type RegionCode,
} from '../../../../core/safety/help-lines';
import { LOCALE, t, type MessageKey } from '../../../../core/i18n/translate';
import { SAFETY_PLAN_SECTIONS } from '../../../../core/safety/safety-plan';

/**
 * Renders the Get help now page as one self-contained HTML document: no script needed to
 * read it, no database, no sign-in. The person's region comes first; every other region is
 * in the same page, so the copy a service worker keeps offline is complete.
 */
export function renderHelpPage(region: RegionCode): string {
  const chosen = helpRegion(region);
  const others = HELP_REGIONS.filter((other) => other.code !== chosen.code);
  return `<!doctype html>
<html lang="${LOCALE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(t('help.title'))} – ${escape(t('app.name'))}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/help.css">
<script src="/help.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">${escape(t('layout.skipToContent'))}</a>
<header class="top"><a class="brand" href="/">${escape(t('app.name'))}</a></header>
<main id="main" tabindex="-1">
<h1>${escape(t('help.title'))}</h1>
<p class="danger">${escape(t('help.danger', { number: emergencyNumber(chosen) }))}</p>
<p>${escape(t('help.notCrisisService'))}</p>
${renderRegion(chosen, 2)}
<p>${escape(t('help.safetyPlanHint'))} <a href="/safety-plan">${escape(t('help.plan.open'))}</a></p>
${renderSafetyPlanSection()}
<form class="region-form" method="get" action="/help">
<label for="region">${escape(t('help.region.choose'))}</label>
<select id="region" name="region">
${HELP_REGIONS.map((option) => `<option value="${option.code}"${option.code === chosen.code ? ' selected' : ''}>${escape(regionName(option.code))}</option>`).join('\n')}
</select>
<button type="submit">${escape(t('help.region.show'))}</button>
</form>
<details class="other-regions">
<summary>${escape(t('help.otherRegions'))}</summary>
${others.map((other) => renderRegion(other, 2)).join('\n')}
</details>
<p><a href="/">${escape(t('help.backToCloser'))}</a></p>
</main>
<footer class="bottom"><p>${escape(t('help.offline'))}</p></footer>
</body>
</html>
`;
}

/**
 * The person's own safety plan, from the copy kept on this device. The page is the same for
 * everyone (and is what the service worker keeps offline), so it holds only the headings;
 * help.js fills in the items from localStorage, as text, and shows the section. Without a
 * script, or without a copy, it stays hidden.
 */
function renderSafetyPlanSection(): string {
  return `<section id="my-safety-plan" class="my-plan" aria-labelledby="my-plan-title" hidden>
<h2 id="my-plan-title">${escape(t('help.plan.title'))}</h2>
<p>${escape(t('help.plan.intro'))}</p>
<p class="checked" id="my-plan-updated" data-template="${escape(t('help.plan.updated'))}" hidden></p>
${SAFETY_PLAN_SECTIONS.map(
  (section) => `<div class="plan-section" data-section="${section}" hidden>
<h3>${escape(t(`safetyPlan.section.${section}.title`))}</h3>
<ul></ul>
</div>`,
).join('\n')}
<p><a href="/safety-plan">${escape(t('help.plan.open'))}</a></p>
</section>`;
}

function renderRegion(region: HelpRegion, level: 2 | 3): string {
  const id = `region-${region.code}`;
  const groups: HelpGroup[] = ['crisis', 'safeguarding'];
  return `<section class="region" aria-labelledby="${id}">
<h${level} id="${id}">${escape(regionName(region.code))}</h${level}>
${groups
  .map((group) => {
    const lines = region.lines.filter((line) => line.group === group);
    if (lines.length === 0) return '';
    const title = group === 'crisis' ? t('help.crisis.title') : t('help.safeguarding.title');
    return `<h${level + 1}>${escape(title)}</h${level + 1}>
<ul class="lines">
${lines.map(renderLine).join('\n')}
</ul>`;
  })
  .join('\n')}
<p class="checked">${escape(t('help.lastChecked', { date: formatMonth(region.lines[0]?.lastChecked ?? '') }))}</p>
</section>`;
}

function renderLine(line: HelpLine): string {
  const contacts = line.contacts
    .map((contact) => {
      const label =
        contact.kind === 'call'
          ? t('help.call', { number: contact.number })
          : contact.keyword
            ? t('help.textKeyword', { keyword: contact.keyword, number: contact.number })
            : t('help.text', { number: contact.number });
      return `<a class="contact" href="${escape(contactHref(contact))}">${escape(label)}</a>`;
    })
    .join(' ');
  const note = line.noteKey
    ? `<span class="note">${escape(t(line.noteKey as MessageKey))}</span>`
    : '';
  return `<li class="line"><span class="need">${escape(t(`help.need.${line.need}`))}</span>
<span class="service">${escape(line.service)}</span>
<span class="contacts">${contacts}</span>${note}</li>`;
}

function emergencyNumber(region: HelpRegion): string {
  return region.lines.find((line) => line.need === 'emergency')?.contacts[0]?.number ?? '';
}

function regionName(code: RegionCode): string {
  return t(`help.region.${code}`);
}

function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month) return yearMonth;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(LOCALE, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}
