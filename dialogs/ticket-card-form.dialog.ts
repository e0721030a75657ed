import { CardFactory, MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { createLogger, type Logger } from '../src/logging/logger';
import { categoryChoices, checkTicketForm, prefillFromQuestion, TICKET_FIELDS, type TicketField, type TicketFields } from '../src/bot/tickets/ticket-fields';
import { buildTicketFormCard, type FormValues } from '../src/bot/tickets/ticket-draft.cards';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import { turnFactsOf } from '../src/bot/turn-facts';
import { readMessageInput } from '../src/bot/turn-input';
import type { DialogDeps } from './dialog-deps';
import { tenantIdOf } from './ticket-dialog-support';
import { type TicketDraft } from './ticket-draft';

export const TICKET_CARD_FORM_DIALOG_ID = 'create-ticket.card-form';

/** The form's dialog state: what it showed, so that the submit is checked against exactly that. */
interface FormState {
  readonly draft: TicketDraft;
  readonly categories: readonly string[];
  readonly askMunicipality: boolean;
  readonly rememberedMunicipality: string | null;
  values: FormValues;
}

/** Longest value kept to refill the form after a refused submit (a forged one may be huge). */
const MAX_REFILL_LENGTH = 5000;

/**
 * The Adaptive Card form of a ticket draft. Waits for its submit and checks every field; a
 * forged or incomplete submit gets the form again (with the values sent and what is wrong) and
 * nothing is kept. Ends with the checked {@link TicketFields}. The municipality is asked only
 * while it is not remembered (and when the requester edits the draft); it is remembered in user
 * state once submitted.
 */
export class TicketCardFormDialog extends Dialog<TicketDraft> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(TICKET_CARD_FORM_DIALOG_ID);
    this.logger = createLogger('tickets');
  }

  override async beginDialog(dc: DialogContext, draft?: TicketDraft): Promise<DialogTurnResult> {
    if (!draft || !this.deps.tickets) return dc.endDialog();
    const remembered = (await this.deps.tickets.municipality.get(dc.context)) ?? null;
    const tenantMunicipality = this.deps.tickets.municipalityByTenant[tenantIdOf(dc.context.activity) ?? ''];
    const categories = categoryChoices(this.deps.categories());
    const state: FormState = {
      draft,
      categories,
      askMunicipality: remembered === null || draft.fields !== null,
      rememberedMunicipality: remembered,
      values: draft.fields ? valuesOf(draft.fields) : this.prefill(draft, categories, remembered ?? tenantMunicipality),
    };
    dc.activeDialog!.state = state;
    await this.sendForm(dc, state, []);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FormState;
    const input = readMessageInput(dc.context.activity);
    if (input.kind !== 'submit' || input.submit.action !== 'ticket_form') {
      await dc.context.sendActivity(requesterTextsFor(turnFactsOf(dc.context.activity).lang).formFirst);
      return Dialog.EndOfTurn;
    }
    const submitted = input.submit;
    const check = checkTicketForm(submitted, {
      categories: state.categories,
      municipality: state.askMunicipality ? null : state.rememberedMunicipality,
    });
    if (!check.ok) {
      this.logger.info({ draftId: state.draft.draftId, problems: check.problems }, 'ticket form refused');
      state.values = { ...state.values, ...stringValues(submitted) };
      await this.sendForm(dc, state, check.problems);
      return Dialog.EndOfTurn;
    }
    if (state.askMunicipality) await this.deps.tickets?.municipality.set(dc.context, check.fields.municipality);
    return dc.endDialog(check.fields);
  }

  private prefill(draft: TicketDraft, categories: readonly string[], municipality: string | undefined | null): FormValues {
    const values: FormValues = { urgency: 'normal' };
    if (municipality) values.municipality = municipality;
    if (!draft.origin) return values;
    const { subject, description } = prefillFromQuestion(draft.origin.text);
    // The category of the best candidate is a good first guess.
    const top = draft.origin.candidates[0];
    const category = top ? this.deps.knowledge.getEntry(top.entryId)?.category : undefined;
    return { ...values, subject, description, ...(category && categories.includes(category) ? { category } : {}) };
  }

  private async sendForm(dc: DialogContext, state: FormState, problems: readonly TicketField[]): Promise<void> {
    const facts = turnFactsOf(dc.context.activity);
    const card = buildTicketFormCard({
      draftId: state.draft.draftId,
      lang: facts.lang,
      values: state.values,
      categories: state.categories,
      askMunicipality: state.askMunicipality,
      municipality: state.rememberedMunicipality,
      problems,
    });
    await dc.context.sendActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary: requesterTextsFor(facts.lang).formTitle });
  }
}

function valuesOf(fields: TicketFields): FormValues {
  return { subject: fields.subject, description: fields.description, category: fields.category, urgency: fields.priority, municipality: fields.municipality };
}

/** The submitted values that are strings (to refill the form); anything else is dropped. */
function stringValues(submitted: Readonly<Partial<Record<TicketField, unknown>>>): FormValues {
  const values: FormValues = {};
  for (const field of TICKET_FIELDS) {
    const value = submitted[field];
    if (typeof value === 'string') values[field] = value.slice(0, MAX_REFILL_LENGTH);
  }
  return values;
}
