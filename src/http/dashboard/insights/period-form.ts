import { html } from '../html';
import type { Html } from '../html';
import type { FieldErrors } from './insights.schema';

/** A labelled input with its error message (announced via aria-describedby). */
export function formField(options: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly type: 'date' | 'text';
  readonly value: string;
  readonly error?: string | undefined;
}): Html {
  const errorId = `${options.id}-error`;
  const error = options.error ? html`<p class="field-error" id="${errorId}">${options.error}</p>` : null;
  return html`<div class="form-field"><label for="${options.id}">${options.label}</label><input type="${options.type}" id="${options.id}" name="${options.name}" value="${options.value}"${options.error ? html` aria-invalid="true" aria-describedby="${errorId}"` : null}>${error}</div>`;
}

/** The period filter (GET form) of a page, with the field errors of a 422. */
export function periodForm(action: string, values: { from: string; to: string }, errors: FieldErrors = {}): Html {
  return html`<form method="get" action="${action}" class="filters" aria-label="Zeitraum">${formField({
    id: 'period-from',
    name: 'from',
    label: 'Von',
    type: 'date',
    value: values.from,
    error: errors.from,
  })}${formField({ id: 'period-to', name: 'to', label: 'Bis', type: 'date', value: values.to, error: errors.to })}<button type="submit" class="button">Anzeigen</button></form>`;
}

/** A list of the errors that belong to no form field (e.g. an unknown query key's value). */
export function errorSummary(errors: FieldErrors, known: readonly string[]): Html | null {
  const other = Object.entries(errors).filter(([field]) => !known.includes(field));
  if (other.length === 0 && Object.keys(errors).length === 0) return null;
  return html`<div class="error-summary" role="alert"><p>Bitte korrigieren Sie die markierten Angaben.</p>${
    other.length > 0 ? html`<ul>${other.map(([, message]) => html`<li class="field-error">${message}</li>`)}</ul>` : null
  }</div>`;
}

/** Query string of a period (for links that keep it). */
export function periodQuery(period: { from: string; to: string }): string {
  return `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
}
