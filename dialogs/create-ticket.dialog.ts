import { ComponentDialog, Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isTicketDraftSubmit } from '../src/bot/cards/card-actions';
import { createLogger, type Logger } from '../src/logging/logger';
import type { TicketFields } from '../src/bot/tickets/ticket-fields';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import { turnFactsOf } from '../src/bot/turn-facts';
import { readMessageInput } from '../src/bot/turn-input';
import { CREATE_TICKET_DIALOG_ID, ROOT_DIALOG_ID, type DialogDeps, type LotseTurn } from './dialog-deps';
import { TICKET_CARD_FORM_DIALOG_ID, TicketCardFormDialog } from './ticket-card-form.dialog';
import { ticketsHere } from './ticket-dialog-support';
import { readDecision, type CreateTicketOptions, type ReviewOutcome, type TicketDraft } from './ticket-draft';
import { TICKET_REVIEW_DIALOG_ID, TicketReviewDialog } from './ticket-review.dialog';
import { createTicketTextFormDialogs, TICKET_TEXT_FORM_DIALOG_ID } from './ticket-text-form.dialog';

const FLOW_DIALOG_ID = 'create-ticket.flow';

/** The flow's waterfall values. */
interface FlowValues {
  draft: TicketDraft;
}

/** What the create-ticket dialog keeps next to its inner dialog stack. */
interface OuterState {
  draftId?: string;
}

/**
 * The create-ticket conversation, on the dialog stack until the ticket is opened or the draft is
 * given up: the form (an Adaptive Card, or one question at a time without cards), the FAQ
 * suggestions once, the summary, "Absenden". The draft lives in dialog state (conversation state).
 *
 * Around its steps it decides what a message is for: "abbrechen" (or the cancel button) ends the
 * draft at any step; a button of another card, or — where cards render — a typed message that is
 * not a decision word, gives up the draft and goes to the root dialog as a new turn, so questions
 * keep working while a form is open. A button of another draft gets a polite "no longer active".
 */
export class CreateTicketDialog extends ComponentDialog<CreateTicketOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(CREATE_TICKET_DIALOG_ID);
    this.logger = createLogger('tickets');
    this.addDialog(new WaterfallDialog(FLOW_DIALOG_ID, [(step) => this.collect(step), (step) => this.review(step), (step) => this.finish(step)]));
    this.addDialog(new TicketCardFormDialog(deps));
    createTicketTextFormDialogs(deps).forEach((dialog) => this.addDialog(dialog));
    this.addDialog(new TicketReviewDialog(deps));
  }

  override async beginDialog(outerDc: DialogContext, options?: CreateTicketOptions): Promise<DialogTurnResult> {
    if (!options || !(await ticketsHere(this.deps, outerDc.context, options.facts))) return outerDc.endDialog();
    const draftId = this.deps.idGenerator();
    (outerDc.activeDialog!.state as OuterState).draftId = draftId;
    this.logger.info({ draftId, fromQuestion: options.origin?.questionId ?? null }, 'ticket draft started');
    return super.beginDialog(outerDc, options);
  }

  /** Starts the flow with a new draft under the id chosen in `beginDialog`. */
  protected override async onBeginDialog(innerDc: DialogContext, options?: CreateTicketOptions): Promise<DialogTurnResult> {
    const draftId = (innerDc.parent?.activeDialog?.state as OuterState | undefined)?.draftId ?? this.deps.idGenerator();
    const draft: TicketDraft = { draftId, origin: options?.origin ?? null, fields: null, suggestionsShown: false };
    return innerDc.beginDialog(FLOW_DIALOG_ID, draft);
  }

  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = outerDc.context;
    const facts = turnFactsOf(activity);
    const input = readMessageInput(activity);
    const draftId = (outerDc.activeDialog?.state as OuterState | undefined)?.draftId;
    if (input.kind === 'submit') {
      const { submit } = input;
      if (!isTicketDraftSubmit(submit)) return this.leave(outerDc, { facts, input }, draftId);
      if (submit.draftId !== draftId) {
        const submitted = await this.deps.tickets?.submittedDraft.get(outerDc.context);
        const texts = requesterTextsFor(facts.lang);
        await outerDc.context.sendActivity(submitted?.draftId === submit.draftId ? texts.alreadySubmitted(submitted.ticketNumber) : texts.draftInactive);
        return Dialog.EndOfTurn;
      }
      if (submit.action === 'ticket_draft' && submit.decision === 'cancel') return this.cancel(outerDc, draftId);
    } else if (input.kind === 'text') {
      const decision = readDecision(input.text);
      if (decision === 'cancel') return this.cancel(outerDc, draftId);
      if (facts.cards && decision === null) return this.leave(outerDc, { facts, input }, draftId);
    }
    return super.continueDialog(outerDc);
  }

  private async collect(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.options as TicketDraft;
    (step.values as FlowValues).draft = draft;
    return step.beginDialog(turnFactsOf(step.context.activity).cards ? TICKET_CARD_FORM_DIALOG_ID : TICKET_TEXT_FORM_DIALOG_ID, draft);
  }

  private async review(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft: TicketDraft = { ...(step.values as FlowValues).draft, fields: step.result as TicketFields };
    return step.beginDialog(TICKET_REVIEW_DIALOG_ID, draft);
  }

  /** "Ändern" starts the form again with the draft's values; anything else ends the dialog. */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = step.result as ReviewOutcome | undefined;
    if (outcome?.outcome === 'edit') return step.replaceDialog(FLOW_DIALOG_ID, outcome.draft);
    return step.endDialog(outcome);
  }

  private async cancel(outerDc: DialogContext, draftId: string | undefined): Promise<DialogTurnResult> {
    this.logger.info({ draftId }, 'ticket draft cancelled');
    await outerDc.context.sendActivity(requesterTextsFor(turnFactsOf(outerDc.context.activity).lang).cancelled);
    return outerDc.endDialog();
  }

  /** The message is not for the draft: give the draft up and let the root dialog handle the turn. */
  private async leave(outerDc: DialogContext, turn: LotseTurn, draftId: string | undefined): Promise<DialogTurnResult> {
    this.logger.info({ draftId }, 'ticket draft left for another message');
    return outerDc.replaceDialog(ROOT_DIALOG_ID, turn);
  }
}
