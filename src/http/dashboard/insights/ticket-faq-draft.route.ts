import { ErrorCode, isAppError } from '../../../domain/errors';
import { canBecomeFaqDraft } from '../../../domain/insights/ticket-faq-draft.service';
import type { TicketFaqDraftResult, TicketFaqDraftService } from '../../../domain/insights/ticket-faq-draft.service';
import type { Ticket } from '../../../domain/tickets/ticket';
import { parseTicketNumber } from '../../../domain/tickets/ticket-number';
import type { DashboardResponse, DashboardRoute } from '../dashboard-route';
import { csrfField, html } from '../html';
import type { Html } from '../html';
import { TicketNumberParamsSchema } from './insights.schema';

export const FAQ_DRAFT_TITLE = 'FAQ-Entwurf aus Ticket';

export interface TicketFaqDraftRouteDeps {
  readonly ticketDrafts: Pick<TicketFaqDraftService, 'createDraft'>;
}

/** The path of the action for one ticket. */
export function faqDraftPath(ticketNumber: string): string {
  return `/dashboard/tickets/${encodeURIComponent(ticketNumber)}/faq-draft`;
}

/**
 * The button for the ticket page (admins only): shown for resolved or closed tickets with a public
 * advisor reply; nothing otherwise.
 */
export function faqDraftButton(ticket: Pick<Ticket, 'number' | 'status' | 'messages'>, csrfToken: string): Html | null {
  if (!canBecomeFaqDraft(ticket)) return null;
  return html`<form method="post" action="${faqDraftPath(ticket.number)}" class="inline-form">${csrfField(csrfToken)}<button type="submit" class="button button-secondary">Als FAQ-Entwurf übernehmen</button></form>`;
}

function refusal(status: number, ticketNumber: string | null, message: string): DashboardResponse {
  const back = ticketNumber ? html`<p><a href="/dashboard/tickets/${encodeURIComponent(ticketNumber)}">Zurück zum Ticket ${ticketNumber}</a></p>` : null;
  return { kind: 'page', title: FAQ_DRAFT_TITLE, status, body: html`<p>${message}</p>${back}` };
}

/** POST /dashboard/tickets/:number/faq-draft — a resolved ticket becomes an FAQ draft, once. */
export function ticketFaqDraftRoute(deps: TicketFaqDraftRouteDeps): DashboardRoute {
  return {
    method: 'POST',
    path: '/dashboard/tickets/:number/faq-draft',
    role: 'admin',
    section: 'tickets',
    async handle(request) {
      const params = TicketNumberParamsSchema.safeParse(request.params);
      const number = params.success ? parseTicketNumber(params.data.number) : null;
      if (number === null) return refusal(404, null, 'Dieses Ticket gibt es nicht.');
      let result: TicketFaqDraftResult;
      try {
        result = await deps.ticketDrafts.createDraft(number.text, { id: request.user.id, name: request.user.name });
      } catch (error) {
        if (!isAppError(error, ErrorCode.ValidationFailed)) throw error;
        return refusal(
          422,
          number.text,
          'Der Entwurf konnte nicht angelegt werden, weil die Angaben des Tickets die Regeln für FAQ-Einträge nicht erfüllen (zum Beispiel ist die Antwort kürzer als 20 Zeichen). Bitte legen Sie den Eintrag im Wissens-Editor an.',
        );
      }
      switch (result.kind) {
        case 'created':
          return {
            kind: 'redirect',
            location: `/dashboard/knowledge/${encodeURIComponent(result.entryId)}`,
            notice: `FAQ-Entwurf aus Ticket ${result.ticketNumber} angelegt. Bitte prüfen Sie die Antwort (keine persönlichen Angaben) und veröffentlichen Sie den Eintrag.`,
          };
        case 'exists':
          return result.entryId
            ? { kind: 'redirect', location: `/dashboard/knowledge/${encodeURIComponent(result.entryId)}`, notice: `Aus Ticket ${result.ticketNumber} wurde bereits dieser FAQ-Entwurf angelegt.` }
            : refusal(409, number.text, 'Der FAQ-Entwurf aus diesem Ticket wird gerade angelegt. Bitte laden Sie die Seite in einem Moment neu.');
        case 'not_found':
          return refusal(404, null, 'Dieses Ticket gibt es nicht.');
        case 'not_finished':
          return refusal(409, number.text, 'Nur gelöste oder geschlossene Tickets können als FAQ-Entwurf übernommen werden.');
        case 'no_reply':
          return refusal(409, number.text, 'Das Ticket hat keine öffentliche Antwort der Berater:innen, die als Antwort dienen könnte.');
        case 'no_question':
          return refusal(409, number.text, 'Weder der Betreff noch die ursprüngliche Frage eignen sich als FAQ-Frage (5 bis 300 Zeichen).');
      }
    },
  };
}
