import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Intent } from '../src/domain/knowledge/intent';
import { textsFor } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { HANDOFF_DIALOG_ID } from './dialog-deps';

/** The intents that ask for a person or a ticket rather than an FAQ answer. */
export const HANDOFF_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['open_ticket', 'my_tickets', 'talk_to_human']);

export interface HandoffOptions {
  readonly facts: TurnFacts;
  readonly intent: Intent;
}

/**
 * The one place that handles "Ticket eröffnen", "meine Anfragen" and "Mensch sprechen". Until the
 * ticket feature exists it says honestly that forwarding is being set up and names the
 * Geschäftsstelle; the ticket issue replaces this dialog (same id) with create-ticket / my-tickets.
 */
export class HandoffDialog extends Dialog<HandoffOptions> {
  constructor() {
    super(HANDOFF_DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffOptions): Promise<DialogTurnResult> {
    await dc.context.sendActivity(textsFor(options?.facts.locale).handoffNotice);
    return dc.endDialog();
  }
}
