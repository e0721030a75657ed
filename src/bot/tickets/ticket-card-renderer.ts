import { CardFactory, type Attachment } from 'botbuilder';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketDesk } from '../../domain/tickets/ticket-desk';
import type { Lang } from '../texts';
import { buildTicketCard, type CardNotice } from './ticket-card';
import type { TicketAdaptiveCard } from './ticket-card.elements';
import { DEFAULT_TIME_ZONE } from './ticket-card-format';

export interface TicketCardRendererDeps {
  /** SLA state (`desk.tickets.slaState`) and the advisor groups (`desk.routing`). */
  readonly desk: Pick<TicketDesk, 'tickets' | 'routing'>;
  /** Title (question) of a published FAQ entry, e.g. `(id) => knowledge.getEntry(id)?.question`. */
  readonly entryTitle: (entryId: string) => string | undefined;
  /** Time zone of due times on the card (default Europe/Berlin). */
  readonly timeZone?: string;
}

export interface RenderOptions {
  readonly lang: Lang;
  readonly readOnly?: boolean;
  readonly notice?: CardNotice;
  readonly footer?: string;
}

/** Renders a ticket's card as it is now (SLA clocks at this moment, the current groups). */
export class TicketCardRenderer {
  constructor(private readonly deps: TicketCardRendererDeps) {}

  card(ticket: Ticket, options: RenderOptions): TicketAdaptiveCard {
    const { desk } = this.deps;
    return buildTicketCard({
      ticket,
      sla: desk.tickets.slaState(ticket),
      groups: desk.routing.groups,
      entryTitle: this.deps.entryTitle,
      timeZone: this.deps.timeZone ?? DEFAULT_TIME_ZONE,
      ...options,
    });
  }

  attachment(ticket: Ticket, options: RenderOptions): Attachment {
    return CardFactory.adaptiveCard(this.card(ticket, options));
  }

  groupName(groupId: string): string {
    return this.deps.desk.routing.get(groupId)?.name ?? groupId;
  }
}
