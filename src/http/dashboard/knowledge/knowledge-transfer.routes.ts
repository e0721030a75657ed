import { knowledgeUploadParser } from './knowledge-upload.parser';
import { ErrorCode, isAppError } from '../../../domain/errors';
import type { TransferFormat } from '../../../domain/knowledge/knowledge-transfer';
import { exportFaqCsv, exportFaqJson, parseFaqTransfer } from '../../../domain/knowledge/knowledge-transfer';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../dashboard-route';
import type { Html } from '../html';
import { csrfField, html } from '../html';
import { valueOf } from './form-values';
import { knowledgeRoute } from './knowledge-editor.routes';
import type { KnowledgeRouteDeps } from './knowledge-route-deps';
import { KNOWLEDGE_PATH } from './knowledge-route-deps';

/** The import action; its file upload (field `file`) needs multipart parsing there (see knowledge-upload.parser.ts). */
export const KNOWLEDGE_IMPORT_PATH = `${KNOWLEDGE_PATH}/import`;
/** Problems listed on the import page at most (the rest are counted). */
const MAX_LISTED_PROBLEMS = 100;

/** A category as the file name of `knowledge/faq/` (lowercase, umlauts transliterated, kebab-case). */
export function categoryFileName(category: string): string {
  const name = category
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'kategorie' : name;
}

function formatSelect(id: string, format: string): Html {
  const option = (value: string, label: string) => html`<option value="${value}"${format === value ? html` selected` : null}>${label}</option>`;
  return html`<div class="form-field">
    <label for="${id}">Format</label>
    <select id="${id}" name="format">${option('', 'Automatisch erkennen')}${option('json', 'JSON')}${option('csv', 'CSV')}</select>
  </div>`;
}

/**
 * Two forms: a file upload (multipart, needs `knowledgeUploadParser` on the route) and the
 * same import by pasting the content (a plain form, works everywhere).
 */
function importForms(request: DashboardRequest, content: string, format: string): Html {
  return html`<form method="post" action="${KNOWLEDGE_IMPORT_PATH}" enctype="multipart/form-data">
  ${csrfField(request.csrfToken)}
  <div class="form-field">
    <label for="import-file">Datei (JSON oder CSV)</label>
    <p class="field-hint" id="import-file-hint">Eine mit „Export“ erstellte Datei: JSON im Format von knowledge/faq/*.json oder CSV (UTF-8, Trennzeichen „;“, Listen mit „ | “ getrennt).</p>
    <input type="file" id="import-file" name="file" accept=".json,.csv,application/json,text/csv" aria-describedby="import-file-hint">
  </div>
  ${formatSelect('import-file-format', format)}
  <p><button type="submit" class="button">Datei importieren</button></p>
</form>
<form method="post" action="${KNOWLEDGE_IMPORT_PATH}">
  ${csrfField(request.csrfToken)}
  <div class="form-field">
    <label for="import-content">Oder den Inhalt der Datei einfügen</label>
    <textarea id="import-content" name="content" rows="10">\n${content}</textarea>
  </div>
  ${formatSelect('import-content-format', format)}
  <p><button type="submit" class="button">Inhalt importieren</button> <a href="${KNOWLEDGE_PATH}">Abbrechen</a></p>
</form>`;
}

function importPage(request: DashboardRequest, options: { content?: string; format?: string; problems?: readonly string[]; status?: number }): DashboardResponse {
  const problems = options.problems ?? [];
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  const problemList =
    problems.length === 0
      ? null
      : html`<div class="error-summary" role="alert">
  <p>Nichts wurde importiert: ${problems.length === 1 ? 'ein Problem' : `${problems.length} Probleme`}.</p>
  <ul>${listed.map((problem) => html`<li>${problem}</li>`)}</ul>
  ${more > 0 ? html`<p>… und ${more} weitere.</p>` : null}
</div>`;
  const body = html`${problemList}
<p>Der Import legt neue Einträge an und ändert bestehende (gleiche ID) – jede Änderung als neue Version unter Ihrem Namen.
Einträge, die in der Datei fehlen, bleiben unverändert. Ist eine Zeile ungültig, wird nichts geändert.</p>
${importForms(request, options.content ?? '', options.format ?? '')}`;
  return { kind: 'page', title: 'Wissensbasis importieren', body, ...(options.status === undefined ? {} : { status: options.status }) };
}

/** Export downloads and the import form of the whole FAQ (or one category). */
export function createTransferRoutes(deps: KnowledgeRouteDeps, today: () => string): DashboardRoute[] {
  const exportAs = (format: TransferFormat) => async (request: DashboardRequest): Promise<DashboardResponse> => {
    const category = valueOf(request.query, 'category');
    const entries = (await deps.editor.listEntries()).filter((entry) => category === '' || entry.category === category);
    const base = category === '' ? `lotse-wissensbasis-${today()}` : categoryFileName(category);
    return format === 'json'
      ? { kind: 'download', filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: exportFaqJson(entries) }
      : { kind: 'download', filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: exportFaqCsv(entries) };
  };

  const runImport = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const fromFile = valueOf(request.form, 'file');
    const pasted = valueOf(request.form, 'content');
    const formatField = valueOf(request.form, 'format');
    const format = formatField === 'json' || formatField === 'csv' ? formatField : undefined;
    const text = fromFile.trim() !== '' ? fromFile : pasted;
    const again = { content: pasted, format: formatField, status: 422 };
    if (text.trim() === '') return importPage(request, { ...again, problems: ['Bitte wählen Sie eine Datei aus oder fügen Sie den Inhalt ein.'] });
    const parsed = parseFaqTransfer(text, format);
    if (!parsed.ok) return importPage(request, { ...again, problems: parsed.problems });
    try {
      const summary = await deps.editor.importEntries(parsed.entries, request.user);
      const notice = `Import abgeschlossen: ${summary.created.length} neu, ${summary.updated.length} geändert, ${summary.unchanged.length} unverändert.`;
      return { kind: 'redirect', location: KNOWLEDGE_PATH, notice };
    } catch (error) {
      if (!isAppError(error, ErrorCode.ValidationFailed) && !isAppError(error, ErrorCode.VersionConflict)) throw error;
      const problem = isAppError(error, ErrorCode.VersionConflict)
        ? 'Ein Eintrag wurde während des Imports geändert. Bitte prüfen Sie die Wissensbasis und importieren Sie erneut.'
        : 'Die Einträge passen nicht zum aktuellen Stand (z. B. eine inzwischen vergebene ID). Bitte exportieren Sie neu.';
      return importPage(request, { ...again, problems: [problem] });
    }
  };

  return [
    knowledgeRoute('GET', `${KNOWLEDGE_PATH}/export.json`, exportAs('json')),
    knowledgeRoute('GET', `${KNOWLEDGE_PATH}/export.csv`, exportAs('csv')),
    knowledgeRoute('GET', KNOWLEDGE_IMPORT_PATH, async (request) => importPage(request, {})),
    { ...knowledgeRoute('POST', KNOWLEDGE_IMPORT_PATH, runImport), bodyParsers: knowledgeUploadParser() },
  ];
}
