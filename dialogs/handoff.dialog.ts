import type { TurnContext } from 'botbuilder';
import type { Intent } from '../src/domain/knowledge/intent';
import { createLogger, type Logger } from '../src/logging/logger';
import type { HandoffSubmit, TicketDraftCardSubmit } from '../src/bot/cards/card-actions';
import { errorCodeOf } from '../src/bot/error-code';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import { textsFor } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { CREATE_TICKET_DIALOG_ID, HANDOFF_DIALOG_ID, MY_TICKETS_DIALOG_ID, type DialogDeps } from './dialog-deps';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { ticketsHere } from './ticket-dialog-support';
import { originOf, type CreateTicketOptions } from './ticket-draft';

/** The intents that ask for a person or a ticket rather than an FAQ answer. */
export const HANDOFF_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['open_ticket', 'my_tickets', 'talk_to_human']);

/** A ticket intent in free text, the "forward" button of a question, or a button of a draft no longer on the stack. */
export type HandoffOptions =
  | { readonly facts: TurnFacts; readonly intent: Intent }
  | { readonly facts: TurnFacts; readonly submit: HandoffSubmit | TicketDraftCardSubmit };

/**
 * The way to the advisors. "Ticket eröffnen" / "Mensch sprechen" start the create-ticket dialog
 * without a question (the subject is asked); "meine Anfragen" lists the requester's tickets; the
 * "An die Berater:innen weitergeben" button starts it with its question — read from the question
 * log, and only when the question is this user's own. A late click on the buttons of a draft that
 * is no longer open says so (and gives the ticket number when it was submitted). Without tickets
 * set up it says honestly where to turn instead.
 */
export class HandoffDialog extends SingleTurnDialog<HandoffOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(HANDOFF_DIALOG_ID);
    this.logger = createLogger('tickets');
  }

  override async runTurn(context: TurnContext, options?: HandoffOptions): Promise<Handover | null> {
    if (!options) return null;
    const { facts } = options;
    const tickets = await ticketsHere(this.deps, context, facts);
    if (!tickets) return null;
    if ('intent' in options) {
      if (options.intent === 'my_tickets') return { dialogId: MY_TICKETS_DIALOG_ID, options: { facts } };
      return createTicket(facts, null);
    }
    const { submit } = options;
    if (submit.action !== 'handoff') {
      const submitted = await tickets.submittedDraft.get(context);
      const texts = requesterTextsFor(facts.lang);
      await context.sendActivity(submitted?.draftId === submit.draftId ? texts.alreadySubmitted(submitted.ticketNumber) : texts.draftInactive);
      return null;
    }
    return this.forwardQuestion(context, facts, submit.questionId);
  }

  private async forwardQuestion(context: TurnContext, facts: TurnFacts, questionId: string): Promise<Handover | null> {
    try {
      const question = await this.deps.questionLog.get(questionId);
      if (question !== null && question.userId === facts.userId) {
        // The typed "ja" offered after "no answer" is answered by this click.
        await this.deps.pending.delete(context);
        return createTicket(facts, originOf(question));
      }
      this.logger.warn({ questionId, known: question !== null }, 'handoff refused');
      await context.sendActivity(textsFor(facts.locale).submitNotRecognised);
    } catch (error) {
      this.logger.error({ questionId, errorCode: errorCodeOf(error) }, 'handoff question not read');
      await context.sendActivity(requesterTextsFor(facts.lang).actionFailed);
    }
    return null;
  }
}

function createTicket(facts: TurnFacts, origin: CreateTicketOptions['origin']): Handover {
  const options: CreateTicketOptions = { facts, origin };
  return { dialogId: CREATE_TICKET_DIALOG_ID, options };
}
