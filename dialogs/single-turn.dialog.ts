import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

/** Where a turn goes next: the dialog that takes it over and its options. */
export interface Handover {
  readonly dialogId: string;
  readonly options: unknown;
}

/**
 * A dialog that always finishes in the turn it begins: it does its work and either ends or hands
 * the turn to another dialog. `runTurn` is the whole dialog; `beginDialog` runs it inside a
 * DialogContext. When the dialog stack is empty the bot runs such dialogs without a DialogContext
 * (see `LotseBot`), which saves creating one per message; a dialog that waits for the next message
 * (a prompt, a waterfall) is a plain Dialog and always runs on the stack.
 */
export abstract class SingleTurnDialog<O extends object = object> extends Dialog<O> {
  /** Runs the turn; returns the dialog to hand over to, or null when the turn is done. */
  abstract runTurn(context: TurnContext, options?: O): Promise<Handover | null>;

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const next = await this.runTurn(dc.context, options);
    return next ? dc.replaceDialog(next.dialogId, next.options as object | undefined) : dc.endDialog();
  }
}
