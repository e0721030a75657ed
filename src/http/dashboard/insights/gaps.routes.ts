import { ErrorCode, isAppError } from '../../../domain/errors';
import type { GapActionResult, KnowledgeGapService } from '../../../domain/insights/knowledge-gap.service';
import type { DraftAuthor } from '../../../domain/insights/knowledge-drafts';
import type { ReportingPeriod } from '../../../domain/insights/reporting-period';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../dashboard-route';
import { html } from '../html';
import { GAPS_PATH, GAPS_TITLE, pageOfGroup, renderGaps } from './gaps.page';
import type { GroupFormErrors } from './gaps.page';
import { AlternativesChoiceSchema, GapTargetSchema, GapsQuerySchema, NewEntryChoiceSchema, fieldErrorsOf, parseWithPeriod } from './insights.schema';
import type { FieldErrors } from './insights.schema';
import { errorSummary, periodForm, periodQuery } from './period-form';

export interface GapRouteDeps {
  readonly gaps: Pick<KnowledgeGapService, 'listGroups' | 'createEntryFromGroup' | 'addGroupToEntry'>;
  readonly timeZone: string;
  readonly now: () => Date;
}

type GapForm = GroupFormErrors['form'];

function invalidPeriod(errors: FieldErrors, values: { from: string; to: string }): DashboardResponse {
  return { kind: 'page', title: GAPS_TITLE, status: 422, body: html`${errorSummary(errors, ['from', 'to'])}${periodForm(GAPS_PATH, values, errors)}` };
}

function backToList(period: ReportingPeriod, notice: string): DashboardResponse {
  return { kind: 'redirect', location: `${GAPS_PATH}?${periodQuery(period)}`, notice };
}

/** Messages for a form of a group whose action could not be done. */
const FORM_ERRORS: Partial<Record<GapActionResult['kind'], FieldErrors>> = {
  unknown_category: { category: 'Bitte wählen Sie eine Kategorie aus der Liste.' },
  unknown_entry: { entryId: 'Diesen Eintrag gibt es nicht (mehr). Bitte wählen Sie einen Eintrag aus der Liste.' },
  entry_full: { entryId: 'Dieser Eintrag hat bereits die höchstmögliche Zahl alternativer Fragen. Bitte wählen Sie einen anderen Eintrag oder legen Sie einen neuen an.' },
  no_usable_question: { _form: 'Keine Frage dieser Gruppe eignet sich als FAQ-Frage (5 bis 300 Zeichen).' },
};

/** An error of the knowledge editor as a form message; anything unexpected is rethrown (500). */
function editorError(error: unknown): FieldErrors {
  if (isAppError(error, ErrorCode.NotFound)) return { entryId: 'Diesen Eintrag gibt es nicht mehr. Bitte wählen Sie einen anderen.' };
  if (isAppError(error, ErrorCode.VersionConflict)) return { _form: 'Der Eintrag wurde gerade von jemand anderem geändert. Bitte versuchen Sie es erneut.' };
  if (isAppError(error, ErrorCode.ValidationFailed)) return { _form: 'Der Wissens-Editor hat die Änderung abgelehnt, weil sie seine Regeln verletzen würde (zum Beispiel doppelte oder zu viele alternative Fragen).' };
  throw error;
}

function textOf(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

type GapRun = (period: ReportingPeriod, groupKey: string, author: DraftAuthor) => Promise<GapActionResult>;

/** The validated choice of the form (category or entry) as the service call it leads to. */
function chooseAction(deps: GapRouteDeps, form: GapForm, fields: DashboardRequest['form']): { ok: true; run: GapRun } | { ok: false; errors: FieldErrors } {
  if (form === 'new-entry') {
    const parsed = NewEntryChoiceSchema.safeParse(fields);
    if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
    return { ok: true, run: (period, key, author) => deps.gaps.createEntryFromGroup(period, key, parsed.data.category, author) };
  }
  const parsed = AlternativesChoiceSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
  return { ok: true, run: (period, key, author) => deps.gaps.addGroupToEntry(period, key, parsed.data.entryId, author) };
}

/** GET /dashboard/gaps; POST /dashboard/gaps/new-entry and /dashboard/gaps/alternatives. */
export function gapRoutes(deps: GapRouteDeps): DashboardRoute[] {
  async function showWithErrors(request: DashboardRequest, period: ReportingPeriod, formErrors: GroupFormErrors): Promise<DashboardResponse> {
    const report = await deps.gaps.listGroups(period);
    const body = renderGaps({ report, page: pageOfGroup(report, formErrors.groupKey), csrfToken: request.csrfToken, timeZone: deps.timeZone, formErrors });
    return { kind: 'page', title: GAPS_TITLE, status: 422, body };
  }

  async function act(request: DashboardRequest, form: GapForm): Promise<DashboardResponse> {
    const target = parseWithPeriod(GapTargetSchema, request.form, deps.now(), deps.timeZone);
    if (!target.ok) return invalidPeriod(target.errors, target.values);
    const { period } = target;
    const groupKey = target.data.group;
    const values = { category: textOf(request.form.category), entryId: textOf(request.form.entryId) };
    const action = chooseAction(deps, form, request.form);
    if (!action.ok) return showWithErrors(request, period, { groupKey, form, errors: action.errors, values });
    let result: GapActionResult;
    try {
      result = await action.run(period, groupKey, { id: request.user.id, name: request.user.name });
    } catch (error) {
      return showWithErrors(request, period, { groupKey, form, errors: editorError(error), values });
    }
    switch (result.kind) {
      case 'created':
        return {
          kind: 'redirect',
          location: `/dashboard/knowledge/${encodeURIComponent(result.entryId)}`,
          notice: `Entwurf aus ${result.questionCount} ${result.questionCount === 1 ? 'Frage' : 'Fragen'} angelegt. Bitte schreiben Sie die Antwort und veröffentlichen Sie den Eintrag.`,
        };
      case 'added':
        return backToList(
          period,
          `${result.addedQuestions} neue ${result.addedQuestions === 1 ? 'Formulierung' : 'Formulierungen'} als alternative Fragen zum Eintrag ${result.entryId} hinzugefügt; ${result.questionCount} ${result.questionCount === 1 ? 'Frage ist' : 'Fragen sind'} erledigt.`,
        );
      case 'group_not_found':
        return backToList(period, 'Diese Gruppe gibt es so nicht mehr (inzwischen bearbeitet oder neu zusammengesetzt). Bitte prüfen Sie die aktuelle Liste.');
      case 'already_handled':
        return backToList(period, 'Diese Gruppe wurde bereits bearbeitet.');
      default:
        return showWithErrors(request, period, { groupKey, form, errors: FORM_ERRORS[result.kind] ?? {}, values });
    }
  }

  return [
    {
      method: 'GET',
      path: GAPS_PATH,
      role: 'admin',
      section: 'gaps',
      async handle(request) {
        const parsed = parseWithPeriod(GapsQuerySchema, request.query, deps.now(), deps.timeZone);
        if (!parsed.ok) return invalidPeriod(parsed.errors, parsed.values);
        const report = await deps.gaps.listGroups(parsed.period);
        const page = Number(parsed.data.page ?? '1');
        return { kind: 'page', title: GAPS_TITLE, body: renderGaps({ report, page, csrfToken: request.csrfToken, timeZone: deps.timeZone }) };
      },
    },
    { method: 'POST', path: `${GAPS_PATH}/new-entry`, role: 'admin', section: 'gaps', handle: (request) => act(request, 'new-entry') },
    { method: 'POST', path: `${GAPS_PATH}/alternatives`, role: 'admin', section: 'gaps', handle: (request) => act(request, 'alternatives') },
  ];
}

