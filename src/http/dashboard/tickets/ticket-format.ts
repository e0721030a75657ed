import type { AdvisorRouting } from '../../../domain/tickets/advisor-group';
import type { SlaClock, SlaState, TicketSlaState } from '../../../domain/tickets/sla-policy';
import type { Ticket } from '../../../domain/tickets/ticket';
import { ticketSlaState } from '../../../domain/tickets/ticket-search';
import type { Html } from '../html';
import { html } from '../html';
import { TICKET_TEXTS as T } from './ticket-texts';

/** Where the ticket pages live. */
export const QUEUE_PATH = '/dashboard/tickets';

/** The ticket page of a (canonical) ticket number. */
export function ticketPath(number: string): string {
  return `${QUEUE_PATH}/${encodeURIComponent(number)}`;
}

/** What the ticket pages need to show a ticket: names, the wall clock, SLA states. */
export interface TicketFormatter {
  /** "10.03.2026, 16:00" on the cooperation's wall clock. */
  dateTime(iso: string): string;
  groupName(groupId: string): string;
  sla(ticket: Ticket): TicketSlaState;
}

/** A {@link TicketFormatter} over the routing's group names, a time zone and the service's SLA clock. */
export function createTicketFormatter(routing: AdvisorRouting, timeZone: string, sla: (ticket: Ticket) => TicketSlaState): TicketFormatter {
  const format = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    dateTime(iso) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    },
    groupName: (groupId) => routing.get(groupId)?.name ?? groupId,
    sla,
  };
}

/** The badge of an SLA state: colour class and the state in words (never colour alone). */
export function slaBadge(state: SlaState, stopped: boolean): Html {
  return html`<span class="badge badge-${state}">${stopped ? T.slaStopped[state] : T.sla[state]}</span>`;
}

/** The ticket's SLA in one badge: the worse clock; "eingehalten"/"überschritten" once both stopped. */
export function ticketSlaBadge(state: TicketSlaState): Html {
  const stopped = state.firstResponse.stoppedAt !== null && state.resolution.stoppedAt !== null;
  return slaBadge(ticketSlaState(state), stopped);
}

/** One clock: badge and due time, or when it stopped. */
export function slaClockText(clock: SlaClock, format: TicketFormatter): Html {
  const due = format.dateTime(clock.due);
  const detail = clock.stoppedAt === null ? T.ticket.dueAt(due) : T.ticket.stoppedAt(format.dateTime(clock.stoppedAt), due);
  return html`${slaBadge(clock.state, clock.stoppedAt !== null)} ${detail}`;
}

/** Text with its line breaks kept (each line escaped). */
export function multiline(text: string): Html {
  const lines = text.split(/\r\n?|\n/);
  return html`${lines.map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`))}`;
}
