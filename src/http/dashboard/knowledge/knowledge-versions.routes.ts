import { ErrorCode, isAppError } from '../../../domain/errors';
import type { FaqEntry } from '../../../domain/knowledge/faq-entry';
import { FAQ_FIELDS } from '../../../domain/knowledge/faq-entry-validation';
import type { StoredFaqEntry } from '../../../domain/knowledge/knowledge.repository';
import type { FaqEntryVersion } from '../../../domain/knowledge/knowledge-version';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../dashboard-route';
import type { Html } from '../html';
import { csrfField, html } from '../html';
import { positiveIntOf } from './form-values';
import { changeLabel, FIELD_LABELS, formatDateTime, STATUS_LABELS } from './labels';
import { entryNotFound, knowledgeRoute } from './knowledge-editor.routes';
import type { KnowledgeRouteDeps } from './knowledge-route-deps';
import { entryPath, KNOWLEDGE_PATH } from './knowledge-route-deps';
import { renderTeamsMarkdown } from './teams-markdown';

function changedFields(version: FaqEntry, previous: FaqEntry | undefined): string {
  if (!previous) return '–';
  const changed = FAQ_FIELDS.filter((field) => JSON.stringify(version[field]) !== JSON.stringify(previous[field]));
  return changed.length === 0 ? 'keine' : changed.map((field) => FIELD_LABELS[field] ?? field).join(', ');
}

function restoreForm(request: DashboardRequest, entry: StoredFaqEntry, version: number): Html {
  return html`<form method="post" action="${entryPath(entry.id)}/versions/${version}/restore">
  ${csrfField(request.csrfToken)}
  <input type="hidden" name="version" value="${entry.version}">
  <button type="submit" class="button button-secondary">Version ${version} wiederherstellen</button>
</form>`;
}

function versionRow(request: DashboardRequest, entry: StoredFaqEntry, version: FaqEntryVersion, previous: FaqEntryVersion | undefined): Html {
  const content = version.entry;
  const action = version.version === entry.version ? html`aktuelle Version` : restoreForm(request, entry, version.version);
  return html`<tr>
  <td>${version.version}</td>
  <td>${formatDateTime(version.at)}</td>
  <td>${version.author.name}</td>
  <td>${changeLabel(version.change, version.restoredFrom)}</td>
  <td>${changedFields(content, previous?.entry)}</td>
  <td><details><summary>Inhalt anzeigen</summary>
    <p><strong>${content.question}</strong> (${STATUS_LABELS[content.status]})</p>
    ${renderTeamsMarkdown(content.answer)}
  </details></td>
  <td>${action}</td>
</tr>`;
}

/** GET /dashboard/knowledge/:id/versions and POST .../versions/:version/restore. */
export function createVersionRoutes(deps: KnowledgeRouteDeps): DashboardRoute[] {
  const list = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const id = request.params.id ?? '';
    const entry = await deps.editor.getEntry(id);
    if (!entry) return entryNotFound(id);
    const versions = await deps.editor.listVersions(id);
    const rows = versions.map((version, index) => versionRow(request, entry, version, versions[index + 1]));
    const body = html`<p><a href="${entryPath(id)}">Zurück zum Eintrag</a> · <a href="${KNOWLEDGE_PATH}">Zur Wissensbasis</a></p>
<p>${entry.question}</p>
<table class="table">
  <caption>Versionen von ${id}, neueste zuerst</caption>
  <thead><tr><th scope="col">Version</th><th scope="col">Zeitpunkt</th><th scope="col">Von</th><th scope="col">Änderung</th><th scope="col">Geänderte Felder</th><th scope="col">Inhalt</th><th scope="col">Aktion</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
    return { kind: 'page', title: `Versionen von ${id}`, body };
  };

  const restore = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const id = request.params.id ?? '';
    const version = positiveIntOf(request.params, 'version');
    const expected = positiveIntOf(request.form, 'version');
    const versionsPage = `${entryPath(id)}/versions`;
    if (version === undefined || expected === undefined) return { kind: 'redirect', location: versionsPage, notice: 'Ungültige Anfrage: Version fehlt.' };
    try {
      const restored = await deps.editor.restoreVersion(id, version, request.user, expected);
      const notice = restored.version === expected ? `Version ${version} entspricht dem aktuellen Stand – nichts geändert.` : `Version ${version} wiederhergestellt (jetzt Version ${restored.version}).`;
      return { kind: 'redirect', location: entryPath(id), notice };
    } catch (error) {
      if (isAppError(error, ErrorCode.VersionConflict)) {
        return { kind: 'redirect', location: versionsPage, notice: 'Der Eintrag wurde inzwischen geändert. Bitte prüfen Sie die Versionen erneut.' };
      }
      if (isAppError(error, ErrorCode.NotFound)) return entryNotFound(id, (await deps.editor.getEntry(id)) ? version : undefined);
      if (isAppError(error, ErrorCode.ValidationFailed)) {
        return { kind: 'redirect', location: versionsPage, notice: `Version ${version} erfüllt die heutigen Regeln nicht mehr; bitte übernehmen Sie den Inhalt im Editor.` };
      }
      throw error;
    }
  };

  return [knowledgeRoute('GET', `${KNOWLEDGE_PATH}/:id/versions`, list), knowledgeRoute('POST', `${KNOWLEDGE_PATH}/:id/versions/:version/restore`, restore)];
}
