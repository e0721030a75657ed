import { TurnContext, type Activity } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { OpaqueJson } from '../src/domain/tickets/ticket';
import type { CreateTicketResult } from '../src/domain/tickets/ticket.repository';
import { createLogger, type Logger } from '../src/logging/logger';
import { errorCodeOf } from '../src/bot/error-code';
import { cardActivity } from '../src/bot/tickets/requester-cards';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import { buildSuggestionsCard, buildSummaryCard, renderSuggestionsText, renderSummaryText } from '../src/bot/tickets/ticket-draft.cards';
import { turnFactsOf, type TurnFacts } from '../src/bot/turn-facts';
import { readMessageInput } from '../src/bot/turn-input';
import type { DialogDeps } from './dialog-deps';
import { requesterActor } from './ticket-dialog-support';
import { readDecision, suggestionsFor, type DraftDecision, type ReviewOutcome, type TicketDraft } from './ticket-draft';

export const TICKET_REVIEW_DIALOG_ID = 'create-ticket.review';

interface ReviewState {
  readonly draft: TicketDraft & { readonly fields: NonNullable<TicketDraft['fields']> };
}

/**
 * Before the ticket is opened: the FAQ suggestions for its text (once per draft), then the
 * summary with "Absenden" / "Ändern" / "Abbrechen". "Absenden" opens the ticket with the draft's
 * idempotency key, so a double click or a Teams retry finds the same ticket. When the store fails
 * the requester is told honestly and the draft stays here for the next "Absenden".
 * "Abbrechen" is handled by the create-ticket dialog around it. Ends with a {@link ReviewOutcome}.
 */
export class TicketReviewDialog extends Dialog<TicketDraft> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(TICKET_REVIEW_DIALOG_ID);
    this.logger = createLogger('tickets');
  }

  override async beginDialog(dc: DialogContext, draft?: TicketDraft): Promise<DialogTurnResult> {
    if (!draft?.fields) return dc.endDialog();
    const facts = turnFactsOf(dc.context.activity);
    const replies: Partial<Activity>[] = [];
    if (!draft.suggestionsShown) {
      const entries = suggestionsFor(this.deps.knowledge, draft.fields, draft.origin);
      this.logger.info({ draftId: draft.draftId, suggested: entries.map((entry) => entry.id) }, 'ticket suggestions');
      if (entries.length > 0) {
        const title = requesterTextsFor(facts.lang).suggestionsTitle;
        replies.push(facts.cards ? cardActivity(buildSuggestionsCard(entries, facts.lang), title) : plain(renderSuggestionsText(entries, facts.lang)));
      }
    }
    const state: ReviewState = { draft: { ...draft, fields: draft.fields, suggestionsShown: true } };
    dc.activeDialog!.state = state;
    replies.push(this.summary(state, facts));
    await dc.context.sendActivities(replies);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ReviewState;
    const facts = turnFactsOf(dc.context.activity);
    const texts = requesterTextsFor(facts.lang);
    const input = readMessageInput(dc.context.activity);
    let decision: DraftDecision | null = null;
    if (input.kind === 'text') decision = readDecision(input.text);
    else if (input.kind === 'submit' && input.submit.action === 'ticket_draft') decision = input.submit.decision;
    else if (input.kind === 'submit' && input.submit.action === 'ticket_form') {
      // The form's button again (double click, retry, or edited after the fact): the summary stands.
      await dc.context.sendActivity(facts.cards ? texts.summaryPending : texts.summaryPlainPrompt);
      return Dialog.EndOfTurn;
    }
    if (decision === 'submit') return this.open(dc, state, facts);
    if (decision === 'edit') {
      const outcome: ReviewOutcome = { outcome: 'edit', draft: state.draft };
      return dc.endDialog(outcome);
    }
    await dc.context.sendActivity(texts.summaryPlainPrompt);
    return Dialog.EndOfTurn;
  }

  private async open(dc: DialogContext, state: ReviewState, facts: TurnFacts): Promise<DialogTurnResult> {
    const texts = requesterTextsFor(facts.lang);
    const tickets = this.deps.tickets;
    if (!tickets) return dc.endDialog();
    const { draft } = state;
    const requester = requesterActor(dc.context, facts);
    let opened: CreateTicketResult;
    try {
      opened = await tickets.desk.open({
        idempotencyKey: `${facts.conversationId}:${draft.draftId}`,
        requester: { id: requester.id, displayName: requester.displayName, municipality: draft.fields.municipality },
        subject: draft.fields.subject,
        description: draft.fields.description,
        originalQuestion: draft.origin?.text ?? '',
        category: draft.fields.category,
        priority: draft.fields.priority,
        candidates: draft.origin?.candidates ?? [],
        conversationReference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(dc.context.activity))) as OpaqueJson,
      });
    } catch (error) {
      this.logger.error({ draftId: draft.draftId, errorCode: errorCodeOf(error) }, 'ticket not opened');
      await dc.context.sendActivity(facts.cards ? texts.storeFailed : texts.storeFailedPlain);
      return Dialog.EndOfTurn;
    }
    const { ticket, created } = opened;
    this.logger.info({ draftId: draft.draftId, ticketId: ticket.id, created }, 'ticket opened');
    await tickets.submittedDraft.set(dc.context, { draftId: draft.draftId, ticketNumber: ticket.number });
    await dc.context.sendActivity(texts.created(ticket.number));
    const outcome: ReviewOutcome = { outcome: 'created', ticketId: ticket.id };
    return dc.endDialog(outcome);
  }

  private summary(state: ReviewState, facts: TurnFacts): Partial<Activity> {
    const { draftId, fields } = state.draft;
    if (!facts.cards) return plain(renderSummaryText(fields, facts.lang));
    return cardActivity(buildSummaryCard(draftId, fields, facts.lang), requesterTextsFor(facts.lang).summaryTitle);
  }
}

function plain(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}
