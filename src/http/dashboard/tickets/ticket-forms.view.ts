import type { AdvisorGroup } from '../../../domain/tickets/advisor-group';
import { TICKET_PRIORITIES, isOpenTicket } from '../../../domain/tickets/ticket';
import type { Actor, Ticket } from '../../../domain/tickets/ticket';
import { availableActions } from '../../../domain/tickets/ticket-state-machine';
import { MAX_MESSAGE_LENGTH } from '../../../domain/tickets/ticket-changes';
import type { Html } from '../html';
import { csrfField, html } from '../html';
import type { ActionVerb, SentForm } from './ticket-action.schema';
import { ticketPath } from './ticket-format';
import { TICKET_TEXTS as T } from './ticket-texts';

/** What the forms of the ticket page are built from. */
export interface TicketFormsState {
  readonly ticket: Ticket;
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly groups: readonly AdvisorGroup[];
  /** A form sent back (its text kept, its problem next to its field). */
  readonly sent?: SentForm;
}

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * The forms an advisor has on the ticket, as far as its state allows them: claim, reply, internal
 * note, status (only the actions the state machine offers), priority and routing (open tickets).
 * Each posts with the CSRF token and the version shown, so a change made meanwhile is noticed.
 */
export function actionsSection(state: TicketFormsState): Html {
  const { ticket, actor } = state;
  const f = T.forms;
  const actions = availableActions(ticket, actor);
  const statusOptions = actions.filter((action) => action !== 'claim').map((action) => ({ value: action, label: T.actions[action] }));
  const canReply = ticket.status === 'assigned' || ticket.status === 'waiting_for_requester';
  const open = isOpenTicket(ticket);
  const otherGroups = state.groups.filter((group) => group.id !== ticket.advisorGroup);
  return html`<section aria-labelledby="ticket-actions"><h2 id="ticket-actions">${f.heading}</h2>
${actions.includes('claim') ? form(state, 'claim', T.actions.claim, html`<p>${f.claimHint}</p>`, T.actions.claim) : null}
${canReply ? form(state, 'reply', f.reply, textArea(state, 'reply', f.replyLabel, f.replyHint), f.replySubmit) : html`<p>${f.replyUnavailable}</p>`}
${form(state, 'note', f.note, textArea(state, 'note', f.noteLabel, null), f.noteSubmit)}
${statusOptions.length > 0 ? form(state, 'status', f.status, selectField(state, 'status', 'action', f.statusLabel, statusOptions, ''), f.statusSubmit) : null}
${open ? form(state, 'priority', f.priority, selectField(state, 'priority', 'priority', f.priorityLabel, [...TICKET_PRIORITIES].reverse().map((value) => ({ value, label: T.priority[value] })), ticket.priority), f.prioritySubmit) : null}
${open && otherGroups.length > 0 ? form(state, 'route', f.route, selectField(state, 'route', 'group', f.routeLabel, otherGroups.map((group) => ({ value: group.id, label: group.name })), ''), f.routeSubmit) : null}
</section>`;
}

function form(state: TicketFormsState, verb: ActionVerb, heading: string, fields: Html, submit: string): Html {
  return html`<form method="post" action="${ticketPath(state.ticket.number)}/${verb}" class="ticket-form ticket-form-${verb}" aria-labelledby="form-${verb}-heading">
<h3 id="form-${verb}-heading">${heading}</h3>${csrfField(state.csrfToken)}<input type="hidden" name="version" value="${state.ticket.version}">
${fields}<button type="submit" class="button">${submit}</button></form>`;
}

/** The sent value and error of this form's field, when this form was the one sent back. */
function sentFor(state: TicketFormsState, verb: ActionVerb): { value: string | undefined; error: string | undefined } {
  return state.sent?.verb === verb ? { value: state.sent.value, error: state.sent.error } : { value: undefined, error: undefined };
}

/** `aria-describedby` lists the hint and the error (when there are), `aria-invalid` marks the error. */
function describedBy(id: string, hint: boolean, error: string | undefined): Html | null {
  const ids = [hint ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null].filter((value) => value !== null);
  if (ids.length === 0) return null;
  return html` aria-describedby="${ids.join(' ')}"${error !== undefined ? html` aria-invalid="true"` : null}`;
}

function errorText(id: string, error: string | undefined): Html | null {
  return error === undefined ? null : html`<p class="field-error" id="${id}-error">${error}</p>`;
}

function textArea(state: TicketFormsState, verb: 'reply' | 'note', label: string, hint: string | null): Html {
  const id = `${verb}-text`;
  const { value, error } = sentFor(state, verb);
  return html`<div class="form-field"><label for="${id}">${label}</label>${hint === null ? null : html`<p class="hint" id="${id}-hint">${hint}</p>`}
<textarea id="${id}" name="text" rows="6" required maxlength="${MAX_MESSAGE_LENGTH}"${describedBy(id, hint !== null, error)}>${value ?? ''}</textarea>${errorText(id, error)}</div>`;
}

function selectField(state: TicketFormsState, verb: ActionVerb, name: string, label: string, options: readonly Option[], current: string): Html {
  const id = `${verb}-${name}`;
  const { value, error } = sentFor(state, verb);
  const selected = value ?? current;
  return html`<div class="form-field"><label for="${id}">${label}</label><select id="${id}" name="${name}"${describedBy(id, false, error)}>${options.map(
    (option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : null}>${option.label}</option>`,
  )}</select>${errorText(id, error)}</div>`;
}
