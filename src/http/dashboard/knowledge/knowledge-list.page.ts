import type { FaqStatus } from '../../../domain/knowledge/faq-entry';
import type { StoredFaqEntry } from '../../../domain/knowledge/knowledge.repository';
import type { DashboardRequest, DashboardResponse } from '../dashboard-route';
import type { Html } from '../html';
import { html } from '../html';
import { positiveIntOf, queryString, valueOf } from './form-values';
import { formatDate, STATUS_LABELS } from './labels';
import type { KnowledgeRouteDeps } from './knowledge-route-deps';
import { entryPath, KNOWLEDGE_PATH } from './knowledge-route-deps';

const DEFAULT_PAGE_SIZE = 25;
const STATUSES = Object.keys(STATUS_LABELS) as FaqStatus[];

/** The list filters as read from the query string. */
export interface ListFilters {
  readonly q: string;
  readonly category: string;
  readonly status: FaqStatus | '';
  readonly due: boolean;
}

function readFilters(query: DashboardRequest['query']): ListFilters {
  const status = valueOf(query, 'status');
  return {
    q: valueOf(query, 'q').trim(),
    category: valueOf(query, 'category'),
    status: (STATUSES as string[]).includes(status) ? (status as FaqStatus) : '',
    due: valueOf(query, 'due') === '1',
  };
}

/**
 * The entries matching the filters: text (case-insensitive) in the id, question, alternative
 * questions or answer; category; status; review due (review date on or before `today`).
 */
export function filterEntries(entries: readonly StoredFaqEntry[], filters: ListFilters, today: string): StoredFaqEntry[] {
  const needle = filters.q.toLocaleLowerCase('de');
  return entries.filter(
    (entry) =>
      (needle === '' || [entry.id, entry.question, entry.answer, ...entry.alternativeQuestions].some((text) => text.toLocaleLowerCase('de').includes(needle))) &&
      (filters.category === '' || entry.category === filters.category) &&
      (filters.status === '' || entry.status === filters.status) &&
      (!filters.due || entry.reviewDate <= today),
  );
}

function filterForm(filters: ListFilters, categories: readonly string[]): Html {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : null}>${label}</option>`;
  return html`<form method="get" action="${KNOWLEDGE_PATH}" class="filters" role="search">
  <div class="form-field"><label for="filter-q">Suche in Fragen und Antworten</label><input type="search" id="filter-q" name="q" value="${filters.q}"></div>
  <div class="form-field"><label for="filter-category">Kategorie</label><select id="filter-category" name="category">${option('', 'Alle Kategorien', filters.category === '')}${categories.map((c) => option(c, c, c === filters.category))}</select></div>
  <div class="form-field"><label for="filter-status">Status</label><select id="filter-status" name="status">${option('', 'Alle', filters.status === '')}${STATUSES.map((s) => option(s, STATUS_LABELS[s], s === filters.status))}</select></div>
  <div class="form-field checkbox"><input type="checkbox" id="filter-due" name="due" value="1"${filters.due ? html` checked` : null}> <label for="filter-due">Nur fällige Wiedervorlagen</label></div>
  <button type="submit" class="button">Filtern</button>
</form>`;
}

function entryRow(entry: StoredFaqEntry, today: string): Html {
  const due = entry.reviewDate <= today ? html` <strong>(fällig)</strong>` : null;
  return html`<tr>
  <td>${entry.id}</td>
  <td><a href="${entryPath(entry.id)}">${entry.question}</a></td>
  <td>${entry.category}</td>
  <td>${STATUS_LABELS[entry.status]}</td>
  <td>${formatDate(entry.reviewDate)}${due}</td>
  <td>${entry.version}</td>
</tr>`;
}

function pager(filters: ListFilters, page: number, pages: number): Html | null {
  if (pages <= 1) return null;
  const link = (target: number, label: string) =>
    html`<a href="${KNOWLEDGE_PATH}${queryString({ q: filters.q, category: filters.category, status: filters.status, due: filters.due ? '1' : '', page: target })}">${label}</a>`;
  return html`<nav class="pager" aria-label="Seiten">
  ${page > 1 ? link(page - 1, 'Vorherige Seite') : null}
  <span aria-current="page">Seite ${page} von ${pages}</span>
  ${page < pages ? link(page + 1, 'Nächste Seite') : null}
</nav>`;
}

/** GET /dashboard/knowledge: the FAQ with search, filters and paging. */
export async function renderKnowledgeList(deps: KnowledgeRouteDeps, request: DashboardRequest, today: string): Promise<DashboardResponse> {
  const entries = await deps.editor.listEntries();
  const filters = readFilters(request.query);
  const categories = [...new Set(entries.map((entry) => entry.category))].sort((a, b) => a.localeCompare(b, 'de'));
  const matches = filterEntries(entries, filters, today);
  const pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(matches.length / pageSize));
  const page = Math.min(positiveIntOf(request.query, 'page') ?? 1, pages);
  const shown = matches.slice((page - 1) * pageSize, page * pageSize);
  const exportQuery = queryString({ category: filters.category });
  const table =
    shown.length === 0
      ? html`<p>Keine Einträge gefunden.</p>`
      : html`<table class="table">
  <caption>${matches.length} von ${entries.length} Einträgen</caption>
  <thead><tr><th scope="col">ID</th><th scope="col">Frage</th><th scope="col">Kategorie</th><th scope="col">Status</th><th scope="col">Wiedervorlage</th><th scope="col">Version</th></tr></thead>
  <tbody>${shown.map((entry) => entryRow(entry, today))}</tbody>
</table>`;
  const body = html`<p>
  <a class="button" href="${KNOWLEDGE_PATH}/new">Neuer Eintrag</a>
  <a class="button button-secondary" href="${KNOWLEDGE_PATH}/import">Importieren</a>
  <a class="button button-secondary" href="${KNOWLEDGE_PATH}/export.json${exportQuery}">Export als JSON${filters.category ? ` (${filters.category})` : ''}</a>
  <a class="button button-secondary" href="${KNOWLEDGE_PATH}/export.csv${exportQuery}">Export als CSV${filters.category ? ` (${filters.category})` : ''}</a>
</p>
${filterForm(filters, categories)}
${table}
${pager(filters, page, pages)}`;
  return { kind: 'page', title: 'Wissensbasis', body };
}
