import type { Candidate } from '../../../domain/knowledge/answer-engine';
import type { FaqEntry } from '../../../domain/knowledge/faq-entry';
import type { KnowledgeAnswer } from '../../../domain/knowledge/knowledge.service';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../dashboard-route';
import type { Html } from '../html';
import { html } from '../html';
import { valueOf } from './form-values';
import type { KnowledgeRouteDeps } from './knowledge-route-deps';
import { entryPath } from './knowledge-route-deps';
import { renderTeamsMarkdown } from './teams-markdown';

/** The console "Was würde Lotse antworten?". */
export const CONSOLE_PATH = '/dashboard/console';
/** Longer questions are cut (the bot's own limit on one message is far above any real question). */
const MAX_QUESTION_LENGTH = 500;

const SCORE = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });

function decision({ result, entries }: KnowledgeAnswer): Html {
  const first = result.candidates[0];
  if (result.outcome === 'answer' && first) {
    const entry = entries.get(first.entryId);
    return html`<p><strong>Entscheidung: Antwort.</strong> Lotse antwortet direkt mit ${first.entryId}${entry ? html` „${entry.question}“` : null}.</p>
${entry ? html`<div class="teams-card">${renderTeamsMarkdown(entry.answer)}</div>` : null}`;
  }
  if (result.outcome === 'choices') {
    return html`<p><strong>Entscheidung: Auswahl.</strong> Lotse ist unsicher und bietet die ersten ${result.choiceCount} Einträge zur Auswahl an.</p>`;
  }
  return html`<p><strong>Entscheidung: keine Antwort.</strong> Lotse sagt, dass es keine passende Antwort kennt, und bietet ein Ticket an.</p>`;
}

function role(answer: KnowledgeAnswer, index: number): string {
  if (answer.result.outcome === 'answer') return index === 0 ? 'Antwort' : '–';
  if (answer.result.outcome === 'choices') return index < answer.result.choiceCount ? 'zur Auswahl' : '–';
  return '–';
}

function candidateRow(answer: KnowledgeAnswer, candidate: Candidate, index: number): Html {
  const entry: FaqEntry | undefined = answer.entries.get(candidate.entryId);
  return html`<tr>
  <td>${index + 1}</td>
  <td><a href="${entryPath(candidate.entryId)}">${candidate.entryId}</a>${entry ? html` ${entry.question}` : null}</td>
  <td>${SCORE.format(candidate.score)}</td>
  <td>${PERCENT.format(candidate.confidence)}</td>
  <td>${role(answer, index)}</td>
</tr>`;
}

function result(answer: KnowledgeAnswer): Html {
  const candidates = answer.result.candidates;
  const table =
    candidates.length === 0
      ? html`<p>Kein Eintrag kommt in Frage.</p>`
      : html`<table class="table">
  <caption>Die besten Einträge</caption>
  <thead><tr><th scope="col">Rang</th><th scope="col">Eintrag</th><th scope="col">Score</th><th scope="col">Konfidenz</th><th scope="col">Verwendung</th></tr></thead>
  <tbody>${candidates.map((candidate, index) => candidateRow(answer, candidate, index))}</tbody>
</table>`;
  return html`<section aria-labelledby="console-result"><h2 id="console-result">Ergebnis</h2>${decision(answer)}${table}</section>`;
}

/** GET /dashboard/console: asks the running answer engine (published entries only) and shows its decision. */
export function createConsoleRoute(deps: KnowledgeRouteDeps): DashboardRoute {
  const handle = async (request: DashboardRequest): Promise<DashboardResponse> => {
    const question = valueOf(request.query, 'q').trim().slice(0, MAX_QUESTION_LENGTH);
    const form = html`<form method="get" action="${CONSOLE_PATH}" role="search">
  <div class="form-field">
    <label for="console-q">Frage</label>
    <p class="field-hint" id="console-q-hint">So, wie Mitarbeitende sie im Chat stellen. Lotse beantwortet nur veröffentlichte Einträge; die Frage wird nicht gespeichert.</p>
    <input type="search" id="console-q" name="q" value="${question}" aria-describedby="console-q-hint">
  </div>
  <p><button type="submit" class="button">Fragen</button></p>
</form>`;
    const body = question === '' ? form : html`${form}${result(deps.knowledge.ask(question))}`;
    return { kind: 'page', title: 'Was würde Lotse antworten?', body };
  };
  return { method: 'GET', path: CONSOLE_PATH, role: 'admin', section: 'console', handle };
}
