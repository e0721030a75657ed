import type { AuditEntry, FieldChange, Ticket, TicketMessage } from '../../../domain/tickets/ticket';
import type { Html } from '../html';
import { html } from '../html';
import { multiline, slaClockText, ticketSlaBadge } from './ticket-format';
import type { TicketFormatter } from './ticket-format';
import { TICKET_TEXTS as T } from './ticket-texts';

/** The read-only parts of the ticket page: facts, question and suggestions, thread, audit trail. */

/** Title of a published FAQ entry; undefined when it is not (any more). */
export type EntryTitle = (entryId: string) => string | undefined;

/** The header facts: status, priority, group, assignee, requester, category, created, both SLA clocks. */
export function factsSection(ticket: Ticket, format: TicketFormatter): Html {
  const sla = format.sla(ticket);
  const t = T.ticket;
  const fact = (label: string, value: Html | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<section aria-labelledby="ticket-facts"><h2 id="ticket-facts">${t.facts}</h2><dl class="facts">
${fact(T.columns.status, T.status[ticket.status])}
${fact(T.columns.priority, T.priority[ticket.priority])}
${fact(T.columns.group, format.groupName(ticket.advisorGroup))}
${fact(T.columns.assignee, ticket.assignee?.displayName ?? t.unassigned)}
${fact(t.requester, `${ticket.requester.displayName} (${ticket.requester.municipality})`)}
${fact(T.columns.category, ticket.category)}
${fact(t.created, html`<time datetime="${ticket.createdAt}">${format.dateTime(ticket.createdAt)}</time>`)}
${fact(T.columns.sla, ticketSlaBadge(sla))}
${fact(t.firstResponse, slaClockText(sla.firstResponse, format))}
${fact(t.resolution, slaClockText(sla.resolution, format))}
${ticket.satisfaction === null ? null : fact(T.audit.rated, t.rating(ticket.satisfaction.score))}
</dl></section>`;
}

/** The requester's question as they asked it, and what Lotse had suggested (title, entry id, confidence). */
export function questionSection(ticket: Ticket, entryTitle: EntryTitle): Html {
  const t = T.ticket;
  const suggestions =
    ticket.candidates.length === 0
      ? html`<p>${t.noSuggestions}</p>`
      : html`<ol class="suggestions">${ticket.candidates.map((candidate) => {
          const title = entryTitle(candidate.entryId);
          return html`<li>${title ?? html`<em>${t.entryGone}</em>`} (<code>${candidate.entryId}</code>) – ${t.confidence(Math.round(candidate.confidence * 100))}</li>`;
        })}</ol>`;
  return html`<section aria-labelledby="ticket-question"><h2 id="ticket-question">${t.request}</h2>
<h3>${t.description}</h3><div class="ticket-description">${ticket.description === '' ? html`<p>${t.noDescription}</p>` : html`<p>${multiline(ticket.description)}</p>`}</div>
<h3>${t.originalQuestion}</h3><blockquote class="original-question"><p>${multiline(ticket.originalQuestion)}</p></blockquote>
<h3>${t.suggestions}</h3>${suggestions}</section>`;
}

/** Public messages and internal notes in order; notes are marked in words, not by style only. */
export function threadSection(ticket: Ticket, format: TicketFormatter): Html {
  const t = T.ticket;
  const items = ticket.messages.map((message) => messageItem(message, format));
  return html`<section aria-labelledby="ticket-thread"><h2 id="ticket-thread">${t.thread}</h2>${
    items.length === 0 ? html`<p>${t.noMessages}</p>` : html`<ol class="thread">${items}</ol>`
  }</section>`;
}

function messageItem(message: TicketMessage, format: TicketFormatter): Html {
  const t = T.ticket;
  const at = html`<time datetime="${message.at}">${format.dateTime(message.at)}</time>`;
  if (message.internal) {
    return html`<li class="message message-internal"><p class="message-meta"><strong>${t.internalNote}</strong> (${t.internalNoteHint}) – ${message.author.displayName}, ${at}</p><p class="message-text">${multiline(message.text)}</p></li>`;
  }
  const kind = message.role === 'advisor' ? t.fromAdvisor : t.fromRequester;
  return html`<li class="message message-${message.role}"><p class="message-meta"><strong>${kind}</strong> – ${message.author.displayName}, ${at}</p><p class="message-text">${multiline(message.text)}</p></li>`;
}

/** Who did what when, with the changed values in words. */
export function auditSection(ticket: Ticket, format: TicketFormatter): Html {
  const t = T.ticket;
  const names = knownNames(ticket);
  const rows = ticket.auditTrail.map(
    (entry) => html`<tr><td><time datetime="${entry.at}">${format.dateTime(entry.at)}</time></td><td>${who(entry)}</td><td>${T.audit[entry.action] ?? entry.action}</td><td>${
      entry.changes.length === 0 ? t.none : html`<ul>${entry.changes.map((change) => html`<li>${changeText(change, names, format)}</li>`)}</ul>`
    }</td></tr>`,
  );
  return html`<section aria-labelledby="ticket-audit"><h2 id="ticket-audit">${t.audit}</h2><table class="table"><caption>${t.auditCaption}</caption>
<thead><tr><th scope="col">${t.auditWhen}</th><th scope="col">${t.auditWho}</th><th scope="col">${t.auditWhat}</th><th scope="col">${t.auditChanges}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function who(entry: AuditEntry): string {
  if (entry.actor.role === 'system') return T.ticket.system;
  return entry.actor.role === 'requester' ? `${entry.actor.displayName} (${T.ticket.requester})` : entry.actor.displayName;
}

function changeText(change: FieldChange, names: ReadonlyMap<string, string>, format: TicketFormatter): string {
  const value = (raw: string | null): string => {
    if (raw === null) return T.ticket.none;
    switch (change.field) {
      case 'status':
        return (T.status as Record<string, string>)[raw] ?? raw;
      case 'priority':
        return (T.priority as Record<string, string>)[raw] ?? raw;
      case 'advisorGroup':
        return format.groupName(raw);
      case 'assignee':
        return names.get(raw) ?? raw;
      default:
        return raw;
    }
  };
  return T.ticket.change(T.fields[change.field] ?? change.field, value(change.from), value(change.to));
}

/** Names of the people on the ticket by id (audit changes carry ids only). */
function knownNames(ticket: Ticket): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of ticket.auditTrail) names.set(entry.actor.id, entry.actor.displayName);
  for (const message of ticket.messages) names.set(message.author.id, message.author.displayName);
  if (ticket.assignee) names.set(ticket.assignee.id, ticket.assignee.displayName);
  return names;
}
