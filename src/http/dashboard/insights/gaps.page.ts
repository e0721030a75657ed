import type { GapGroup, OfferedEntry } from '../../../domain/insights/gap-groups';
import type { EntryChoice, GapReport } from '../../../domain/insights/knowledge-gap.service';
import { csrfField, html } from '../html';
import type { Html } from '../html';
import { formatDate, formatDateTime, formatNumber, shorten } from './format';
import type { FieldErrors } from './insights.schema';
import { periodForm, periodQuery } from './period-form';

export const GAPS_PATH = '/dashboard/gaps';
export const GAPS_TITLE = 'Wissenslücken';
export const GAPS_PAGE_SIZE = 20;

/** Which form of which group failed, with its messages and the values to show again. */
export interface GroupFormErrors {
  readonly groupKey: string;
  readonly form: 'new-entry' | 'alternatives';
  readonly errors: FieldErrors;
  readonly values: { readonly category?: string; readonly entryId?: string };
}

export interface GapPageState {
  readonly report: GapReport;
  readonly page: number;
  readonly csrfToken: string;
  readonly timeZone: string;
  readonly formErrors?: GroupFormErrors;
}

/** True when the group is (or contains the variant) `key`. */
function isGroup(group: GapGroup, key: string): boolean {
  return group.key === key || group.variantKeys.includes(key);
}

const count = (value: number) => formatNumber({ value, unit: 'count' });

function outcomeMix(group: GapGroup): Html {
  const parts = [
    group.outcomes.none > 0 ? `ohne Antwort: ${count(group.outcomes.none)}` : null,
    group.outcomes.choices > 0 ? `Auswahl angeboten: ${count(group.outcomes.choices)}` : null,
    group.outcomes.notHelpful > 0 ? `als „nicht hilfreich“ bewertet: ${count(group.outcomes.notHelpful)}` : null,
  ].filter((part): part is string => part !== null);
  return html`${parts.join(', ')}`;
}

function offeredTable(entries: readonly OfferedEntry[], headingId: string): Html {
  if (entries.length === 0) return html`<p>Lotse hat für diese Fragen keinen Eintrag angeboten.</p>`;
  const rows = entries.map((entry) => {
    const name = entry.question === null ? html`${entry.entryId} (nicht mehr vorhanden)` : html`<a href="/dashboard/knowledge/${encodeURIComponent(entry.entryId)}">${shorten(entry.question, 120)}</a>`;
    return html`<tr><th scope="row">${name}</th><td class="numeric">${count(entry.offered)}</td><td class="numeric">${count(entry.chosen)}</td></tr>`;
  });
  return html`<table class="table" aria-labelledby="${headingId}"><thead><tr><th scope="col">Eintrag</th><th scope="col" class="numeric">Angeboten</th><th scope="col" class="numeric">Gewählt</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function select(options: {
  id: string;
  name: string;
  label: string;
  placeholder: string;
  choices: readonly { value: string; text: string }[];
  selected: string | undefined;
  error: string | undefined;
}): Html {
  const errorId = `${options.id}-error`;
  const items = options.choices.map((choice) => html`<option value="${choice.value}"${choice.value === options.selected ? html` selected` : null}>${choice.text}</option>`);
  return html`<div class="form-field"><label for="${options.id}">${options.label}</label><select id="${options.id}" name="${options.name}"${options.error ? html` aria-invalid="true" aria-describedby="${errorId}"` : null}><option value="">${options.placeholder}</option>${items}</select>${options.error ? html`<p class="field-error" id="${errorId}">${options.error}</p>` : null}</div>`;
}

function hiddenFields(state: GapPageState, group: GapGroup): Html {
  const { period } = state.report;
  return html`${csrfField(state.csrfToken)}<input type="hidden" name="from" value="${period.from}"><input type="hidden" name="to" value="${period.to}"><input type="hidden" name="group" value="${group.key}">`;
}

function actionForms(state: GapPageState, group: GapGroup, index: number, entries: readonly EntryChoice[]): Html {
  const failed = state.formErrors && isGroup(group, state.formErrors.groupKey) ? state.formErrors : undefined;
  const newErrors = failed?.form === 'new-entry' ? failed.errors : {};
  const altErrors = failed?.form === 'alternatives' ? failed.errors : {};
  const suggested = group.offeredEntries.find((entry) => entries.some((choice) => choice.id === entry.entryId));
  const category = failed?.values.category ?? suggested?.category ?? undefined;
  const entryId = failed?.values.entryId ?? suggested?.entryId;
  const formError = (errors: FieldErrors) => (errors._form ? html`<p class="field-error" role="alert">${errors._form}</p>` : null);
  return html`<div class="gap-actions"><form method="post" action="${GAPS_PATH}/new-entry" class="gap-action">${hiddenFields(state, group)}${formError(newErrors)}${select({
    id: `gap-${index}-category`,
    name: 'category',
    label: 'Kategorie des neuen Eintrags',
    placeholder: '– Kategorie wählen –',
    choices: state.report.categories.map((name) => ({ value: name, text: name })),
    selected: category,
    error: newErrors.category,
  })}<button type="submit" class="button">Als neuer Eintrag anlegen</button></form><form method="post" action="${GAPS_PATH}/alternatives" class="gap-action">${hiddenFields(state, group)}${formError(altErrors)}${select({
    id: `gap-${index}-entry`,
    name: 'entryId',
    label: 'Bestehender Eintrag',
    placeholder: '– Eintrag wählen –',
    choices: entries.map((entry) => ({ value: entry.id, text: `${shorten(entry.question, 90)} (${entry.id}${entry.status === 'draft' ? ', Entwurf' : ''})` })),
    selected: entryId,
    error: altErrors.entryId,
  })}<button type="submit" class="button button-secondary">Als alternative Fragen zu diesem Eintrag hinzufügen</button></form></div>`;
}

function groupSection(state: GapPageState, group: GapGroup, index: number): Html {
  const headingId = `gap-${index}-title`;
  const offeredId = `gap-${index}-offered`;
  const examples =
    group.examples.length > 0
      ? html`<h3>Weitere Formulierungen</h3><ul class="gap-examples">${group.examples.map((text) => html`<li>${shorten(text, 300)}</li>`)}</ul>${
          group.phrasings.length - 1 > group.examples.length ? html`<p>… und ${count(group.phrasings.length - 1 - group.examples.length)} weitere.</p>` : null
        }`
      : null;
  return html`<li class="gap-group"><section aria-labelledby="${headingId}"><h2 id="${headingId}">„${shorten(group.representative.text, 300)}“</h2><p class="gap-meta">${count(group.count)} ${group.count === 1 ? 'Frage' : 'Fragen'}, zuletzt am ${formatDateTime(group.lastAskedAt, state.timeZone)}; ${outcomeMix(group)}.</p>${examples}<h3 id="${offeredId}">Von Lotse angebotene Einträge</h3>${offeredTable(group.offeredEntries, offeredId)}${actionForms(state, group, index, state.report.entries)}</section></li>`;
}

function pager(state: GapPageState, pages: number): Html | null {
  if (pages <= 1) return null;
  const link = (page: number, text: string, rel: string) => html`<a href="${GAPS_PATH}?${periodQuery(state.report.period)}&page=${page}" rel="${rel}">${text}</a>`;
  return html`<nav class="pager" aria-label="Seiten">${state.page > 1 ? link(state.page - 1, 'Vorherige Seite', 'prev') : null}<span>Seite ${state.page} von ${pages}</span>${
    state.page < pages ? link(state.page + 1, 'Nächste Seite', 'next') : null
  }</nav>`;
}

/** The knowledge-gaps page body. */
export function renderGaps(state: GapPageState): Html {
  const { report } = state;
  const { period, groups } = report;
  const pages = Math.max(1, Math.ceil(groups.length / GAPS_PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const first = (page - 1) * GAPS_PAGE_SIZE;
  const shown = groups.slice(first, first + GAPS_PAGE_SIZE).map((group, offset) => groupSection({ ...state, page }, group, first + offset));
  const truncated = report.truncated ? html`<p class="notice-inline">Es wurden nur die neuesten ${count(report.questionCount)} Fragen ausgewertet. Wählen Sie einen kürzeren Zeitraum, um alle zu sehen.</p>` : null;
  const intro = html`<p>Fragen vom ${formatDate(period.from)} bis ${formatDate(period.to)}, die Lotse nicht beantworten konnte, bei denen Lotse nur eine Auswahl anbieten konnte oder deren Antwort als „nicht hilfreich“ bewertet wurde — ähnliche Fragen zusammengefasst. Bearbeitete Gruppen erscheinen nicht mehr.</p>`;
  const summary = html`<p class="gap-summary">${count(report.questionCount)} offene ${report.questionCount === 1 ? 'Frage' : 'Fragen'} in ${count(groups.length)} ${groups.length === 1 ? 'Gruppe' : 'Gruppen'}.</p>`;
  const list = groups.length > 0 ? html`<ol class="gap-groups" start="${first + 1}">${shown}</ol>${pager({ ...state, page }, pages)}` : html`<p>Im gewählten Zeitraum gibt es keine offenen Wissenslücken.</p>`;
  return html`${periodForm(GAPS_PATH, period)}${intro}${truncated}${summary}${list}`;
}

/** The page number that shows the group with `key`, or 1. */
export function pageOfGroup(report: GapReport, key: string): number {
  const index = report.groups.findIndex((group) => isGroup(group, key));
  return index < 0 ? 1 : Math.floor(index / GAPS_PAGE_SIZE) + 1;
}
