import { ErrorCode, isAppError } from '../../../domain/errors';
import type { FieldErrors } from '../../../domain/knowledge/faq-entry-validation';
import type { StoredFaqEntry } from '../../../domain/knowledge/knowledge.repository';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../dashboard-route';
import { html } from '../html';
import type { EntryFormValues } from './entry-form';
import { entryFieldsOf, formValuesFromRequest, formValuesOf, renderEntryForm } from './entry-form';
import { positiveIntOf, valueOf } from './form-values';
import { formatDateTime, STATUS_LABELS } from './labels';
import type { KnowledgeRouteDeps } from './knowledge-route-deps';
import { entryPath, KNOWLEDGE_PATH } from './knowledge-route-deps';

/** A page of the knowledge area (admin only, "Wissensbasis" in the navigation). */
export function knowledgeRoute(method: 'GET' | 'POST', path: string, handle: DashboardRoute['handle']): DashboardRoute {
  return { method, path, role: 'admin', section: 'knowledge', handle };
}

/** 404 page of an unknown entry (or version). */
export function entryNotFound(id: string, version?: number): DashboardResponse {
  const what = version === undefined ? html`Einen Eintrag „${id}“ gibt es nicht.` : html`Eine Version ${version} des Eintrags „${id}“ gibt es nicht.`;
  return {
    kind: 'page',
    status: 404,
    title: version === undefined ? 'Eintrag nicht gefunden' : 'Version nicht gefunden',
    body: html`<p>${what}</p><p><a href="${KNOWLEDGE_PATH}">Zur Wissensbasis</a></p>`,
  };
}

function addYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(year) + 1}-${month}-${month === '02' && day === '29' ? '28' : day}`;
}

async function suggestions(deps: KnowledgeRouteDeps): Promise<{ categories: string[]; owners: string[] }> {
  const entries = await deps.editor.listEntries();
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'de'));
  return { categories: sorted(entries.map((e) => e.category)), owners: sorted(entries.map((e) => e.owner)) };
}

interface EditorPage {
  readonly request: DashboardRequest;
  readonly values: EntryFormValues;
  readonly entry?: StoredFaqEntry;
  /** The version for the hidden field (the loaded one, or the current one after a conflict). */
  readonly version?: number;
  readonly errors?: FieldErrors;
  readonly status?: number;
  readonly notice?: string;
}

async function editorPage(deps: KnowledgeRouteDeps, page: EditorPage): Promise<DashboardResponse> {
  const { entry } = page;
  const meta = entry
    ? html`<p>ID <strong>${entry.id}</strong> · Version ${entry.version} · ${STATUS_LABELS[entry.status]} · zuletzt geändert ${formatDateTime(entry.updatedAt)}
  · <a href="${entryPath(entry.id)}/versions">Versionen</a></p>`
    : html`<p>Der neue Eintrag erhält die nächste freie ID (kb-…).</p>`;
  const form = renderEntryForm({
    action: entry ? entryPath(entry.id) : `${KNOWLEDGE_PATH}/new`,
    values: page.values,
    errors: page.errors ?? {},
    csrfToken: page.request.csrfToken,
    version: page.version,
    ...(await suggestions(deps)),
  });
  return {
    kind: 'page',
    title: entry ? `Eintrag ${entry.id} bearbeiten` : 'Neuer Eintrag',
    body: html`${meta}${form}`,
    ...(page.status === undefined ? {} : { status: page.status }),
    ...(page.notice === undefined ? {} : { notice: page.notice }),
  };
}

function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  if (!isAppError(error, ErrorCode.ValidationFailed)) return undefined;
  const fields = error.details.fields;
  return typeof fields === 'object' && fields !== null ? (fields as FieldErrors) : undefined;
}

/** GET/POST of /dashboard/knowledge/new and /dashboard/knowledge/:id. */
export function createEditorRoutes(deps: KnowledgeRouteDeps, today: () => string): { newEntry: DashboardRoute[]; entry: DashboardRoute[] } {
  const showNew = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const values: EntryFormValues = {
      question: '', alternativeQuestions: '', answer: '', category: valueOf(request.query, 'category'), tags: '',
      source: '', owner: '', reviewDate: addYear(today()), status: 'draft',
    };
    return editorPage(deps, { request, values });
  };

  const create = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const values = formValuesFromRequest(request.form);
    if (valueOf(request.form, 'action') === 'preview') return editorPage(deps, { request, values });
    try {
      const created = await deps.editor.createEntry(entryFieldsOf(values), request.user);
      return { kind: 'redirect', location: entryPath(created.id), notice: `Eintrag ${created.id} angelegt.` };
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return editorPage(deps, { request, values, errors, status: 422 });
    }
  };

  const show = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const id = request.params.id ?? '';
    const entry = await deps.editor.getEntry(id);
    if (!entry) return entryNotFound(id);
    return editorPage(deps, { request, entry, values: formValuesOf(entry), version: entry.version });
  };

  const update = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const id = request.params.id ?? '';
    const entry = await deps.editor.getEntry(id);
    if (!entry) return entryNotFound(id);
    const values = formValuesFromRequest(request.form);
    const loaded = positiveIntOf(request.form, 'version');
    if (valueOf(request.form, 'action') === 'preview') return editorPage(deps, { request, entry, values, version: loaded ?? entry.version });
    if (loaded === undefined) {
      const notice = 'Das Formular enthielt keine Version. Bitte prüfen Sie Ihre Eingaben und speichern Sie erneut.';
      return editorPage(deps, { request, entry, values, version: entry.version, status: 422, notice });
    }
    try {
      const saved = await deps.editor.updateEntry(id, entryFieldsOf(values), request.user, loaded);
      const notice = saved.version === loaded ? 'Keine Änderungen – nichts gespeichert.' : `Gespeichert (Version ${saved.version}).`;
      return { kind: 'redirect', location: entryPath(id), notice };
    } catch (error) {
      if (isAppError(error, ErrorCode.VersionConflict)) {
        const current = (await deps.editor.getEntry(id)) ?? entry;
        const notice = `Der Eintrag wurde inzwischen geändert (jetzt Version ${current.version}). Ihre Eingaben sind erhalten: Prüfen Sie die Versionen und speichern Sie erneut, um die neue Fassung zu ersetzen.`;
        return editorPage(deps, { request, entry: current, values, version: current.version, status: 409, notice });
      }
      if (isAppError(error, ErrorCode.NotFound)) return entryNotFound(id);
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return editorPage(deps, { request, entry, values, version: loaded, errors, status: 422 });
    }
  };

  return {
    newEntry: [knowledgeRoute('GET', `${KNOWLEDGE_PATH}/new`, showNew), knowledgeRoute('POST', `${KNOWLEDGE_PATH}/new`, create)],
    entry: [knowledgeRoute('GET', `${KNOWLEDGE_PATH}/:id`, show), knowledgeRoute('POST', `${KNOWLEDGE_PATH}/:id`, update)],
  };
}

