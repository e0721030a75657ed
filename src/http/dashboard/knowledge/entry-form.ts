import type { FaqStatus } from '../../../domain/knowledge/faq-entry';
import type { FaqEntryFields, FieldErrors } from '../../../domain/knowledge/faq-entry-validation';
import type { DashboardRequest } from '../dashboard-route';
import type { Html } from '../html';
import { csrfField, html } from '../html';
import { linesOf, tagsOf, valueOf } from './form-values';
import { FIELD_LABELS, STATUS_LABELS } from './labels';
import { renderTeamsMarkdown } from './teams-markdown';

/** The editor's fields as typed (lists as text: alternative questions one per line, tags comma-separated). */
export interface EntryFormValues {
  readonly question: string;
  readonly alternativeQuestions: string;
  readonly answer: string;
  readonly category: string;
  readonly tags: string;
  readonly source: string;
  readonly owner: string;
  readonly reviewDate: string;
  readonly status: string;
}

const TEXT_FIELDS = ['question', 'alternativeQuestions', 'answer', 'category', 'tags', 'source', 'owner', 'reviewDate', 'status'] as const;

export function formValuesOf(entry: FaqEntryFields): EntryFormValues {
  return {
    question: entry.question,
    alternativeQuestions: entry.alternativeQuestions.join('\n'),
    answer: entry.answer,
    category: entry.category,
    tags: entry.tags.join(', '),
    source: entry.source,
    owner: entry.owner,
    reviewDate: entry.reviewDate,
    status: entry.status,
  };
}

export function formValuesFromRequest(form: DashboardRequest['form']): EntryFormValues {
  return Object.fromEntries(TEXT_FIELDS.map((name) => [name, valueOf(form, name)])) as unknown as EntryFormValues;
}

/** The typed values as entry fields for the editor service (which trims and validates). */
export function entryFieldsOf(values: EntryFormValues): FaqEntryFields {
  return {
    question: values.question,
    alternativeQuestions: linesOf(values.alternativeQuestions),
    answer: values.answer,
    category: values.category,
    tags: tagsOf(values.tags),
    source: values.source,
    owner: values.owner,
    reviewDate: values.reviewDate,
    status: values.status as FaqStatus,
  };
}

export interface EntryFormOptions {
  readonly action: string;
  readonly values: EntryFormValues;
  readonly errors: FieldErrors;
  readonly csrfToken: string;
  /** The version the form was loaded at (hidden field); absent for a new entry. */
  readonly version?: number;
  readonly categories: readonly string[];
  readonly owners: readonly string[];
}

interface FieldSpec {
  readonly name: (typeof TEXT_FIELDS)[number];
  readonly hint?: string;
}

function fieldIds(name: string, errors: FieldErrors, hint: string | undefined) {
  const id = `entry-${name}`;
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html`${describedBy ? html` aria-describedby="${describedBy}"` : null}${error ? html` aria-invalid="true"` : null}`;
  return { id, error, attrs };
}

function fieldFrame(spec: FieldSpec, errors: FieldErrors, control: (id: string, attrs: Html) => Html): Html {
  const { id, error, attrs } = fieldIds(spec.name, errors, spec.hint);
  return html`<div class="form-field">
  <label for="${id}">${FIELD_LABELS[spec.name]}</label>
  ${spec.hint ? html`<p class="field-hint" id="${id}-hint">${spec.hint}</p>` : null}
  ${control(id, attrs)}
  ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : null}
</div>`;
}

function textField(spec: FieldSpec, values: EntryFormValues, errors: FieldErrors, extra: Html | null = null): Html {
  return fieldFrame(spec, errors, (id, attrs) => html`<input type="text" id="${id}" name="${spec.name}" value="${values[spec.name]}"${attrs}${extra}>`);
}

/** The newline after the start tag is dropped by HTML parsers, so a value's own leading newline survives. */
function textArea(spec: FieldSpec, values: EntryFormValues, errors: FieldErrors, rows: number): Html {
  return fieldFrame(spec, errors, (id, attrs) => html`<textarea id="${id}" name="${spec.name}" rows="${rows}"${attrs}>\n${values[spec.name]}</textarea>`);
}

function statusField(values: EntryFormValues, errors: FieldErrors): Html {
  const options = (Object.keys(STATUS_LABELS) as FaqStatus[]).map(
    (status) => html`<option value="${status}"${values.status === status ? html` selected` : null}>${STATUS_LABELS[status]}</option>`,
  );
  const hint = 'Lotse beantwortet nur veröffentlichte Einträge.';
  return fieldFrame({ name: 'status', hint }, errors, (id, attrs) => html`<select id="${id}" name="status"${attrs}>${options}</select>`);
}

function errorSummary(errors: FieldErrors): Html | null {
  const fields = Object.keys(errors);
  if (fields.length === 0) return null;
  const items = fields.map((name) => html`<li><a href="#entry-${name}">${FIELD_LABELS[name] ?? name}: ${errors[name]}</a></li>`);
  return html`<div class="error-summary" role="alert"><p>Bitte korrigieren Sie die markierten Felder.</p><ul>${items}</ul></div>`;
}

/** "So sieht die Antwort in Teams aus": question, answer, category and source as in the answer card. */
export function answerPreview(values: EntryFormValues): Html {
  const question = values.question.trim() || 'Frage';
  return html`<section class="teams-preview" aria-labelledby="preview-heading">
  <h2 id="preview-heading">So sieht die Antwort in Teams aus</h2>
  <div class="teams-card">
    <p class="teams-card-title"><strong>${question}</strong></p>
    <div class="teams-card-answer">${renderTeamsMarkdown(values.answer)}</div>
    <dl class="teams-card-facts"><dt>Kategorie</dt><dd>${values.category}</dd><dt>Quelle</dt><dd>${values.source}</dd></dl>
    <p><strong>Hat das geholfen?</strong></p>
  </div>
  <p class="field-hint">Die Vorschau zeigt den zuletzt gespeicherten oder mit „Vorschau aktualisieren“ übernommenen Text.</p>
</section>`;
}

/** The editor form with labelled fields, field errors, the hidden version and the preview. */
export function renderEntryForm(options: EntryFormOptions): Html {
  const { values, errors } = options;
  const list = (id: string, items: readonly string[]) => html`<datalist id="${id}">${items.map((item) => html`<option value="${item}">`)}</datalist>`;
  return html`${errorSummary(errors)}
<form method="post" action="${options.action}" novalidate>
  ${csrfField(options.csrfToken)}
  ${options.version === undefined ? null : html`<input type="hidden" name="version" value="${options.version}">`}
  ${textField({ name: 'question', hint: 'Die Hauptfrage, so wie Mitarbeitende sie stellen (eine Zeile).' }, values, errors)}
  ${textArea({ name: 'alternativeQuestions', hint: 'Andere Formulierungen derselben Frage, eine pro Zeile.' }, values, errors, 5)}
  ${textArea({ name: 'answer', hint: 'Absätze durch Leerzeilen, **fett**, *kursiv*, Listen mit „- “ oder „1. “, Links als [Text](https://…).' }, values, errors, 12)}
  ${textField({ name: 'category' }, values, errors, html` list="entry-categories"`)}${list('entry-categories', options.categories)}
  ${textField({ name: 'tags', hint: 'Suchbegriffe in Kleinbuchstaben, durch Komma getrennt.' }, values, errors)}
  ${textField({ name: 'source', hint: 'Rechtsgrundlage oder Veröffentlichung, ohne URL.' }, values, errors)}
  ${textField({ name: 'owner', hint: 'Das zuständige Team, keine Person.' }, values, errors, html` list="entry-owners"`)}${list('entry-owners', options.owners)}
  ${fieldFrame({ name: 'reviewDate' }, errors, (id, attrs) => html`<input type="date" id="${id}" name="reviewDate" value="${values.reviewDate}"${attrs}>`)}
  ${statusField(values, errors)}
  <p>
    <button type="submit" name="action" value="save" class="button">Speichern</button>
    <button type="submit" name="action" value="preview" class="button button-secondary">Vorschau aktualisieren</button>
  </p>
</form>
${values.answer.trim() === '' ? null : answerPreview(values)}`;
}
