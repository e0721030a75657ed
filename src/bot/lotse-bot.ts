import {
  ActivityHandler,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import type { LotseTurn } from '../../dialogs/dialog-deps';
import { SingleTurnDialog, type Handover } from '../../dialogs/single-turn.dialog';
import { createLogger, type Logger } from '../logging/logger';
import { textsFor, type BotTexts } from './texts';
import { ADAPTIVE_CARD_ACTION_INVOKE, type AdvisorTurnHandler } from './tickets/advisor-turns';
import { turnFactsOf } from './turn-facts';
import { readMessageInput, type RejectReason } from './turn-input';

export interface LotseBotOptions {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  /** The root dialog; it receives a {@link LotseTurn} for every processed message. */
  readonly dialog: Dialog<LotseTurn>;
  /** The dialogs the root dialog starts; they share its DialogSet. */
  readonly dialogs?: readonly Dialog[];
  /**
   * The advisors' side of tickets: ticket card actions (`adaptiveCard/action` invokes and the
   * Action.Submit fallback) and channel commands ("@Lotse Tickets für <Gruppe> hier").
   */
  readonly advisors?: AdvisorTurnHandler;
}

const REFUSALS: Record<RejectReason, (texts: BotTexts) => string> = {
  empty: (texts) => texts.askForQuestion,
  too_long: (texts) => texts.tooLong,
  attachments_only: (texts) => texts.attachmentsOnly,
  unknown_submit: (texts) => texts.submitNotRecognised,
};

/**
 * Lotse's activity handler: welcomes a user once, cleans and checks every message (bot @mention,
 * control characters, empty, too long, attachments only), hands it to the root dialog and saves
 * conversation and user state at the end of the turn.
 */
export class LotseBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly userState: UserState;
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly rootDialogId: string;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly introduced: StatePropertyAccessor<boolean>;
  private readonly logger: Logger;
  private readonly advisors: AdvisorTurnHandler | undefined;

  constructor({ conversationState, userState, dialog, dialogs = [], advisors }: LotseBotOptions) {
    super();
    this.conversationState = conversationState;
    this.userState = userState;
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(dialog);
    dialogs.forEach((child) => this.dialogs.add(child));
    this.rootDialogId = dialog.id;
    this.welcomed = userState.createProperty<boolean>('welcomed');
    this.introduced = conversationState.createProperty<boolean>('introduced');
    this.logger = createLogger('bot');
    this.advisors = advisors;

    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Runs one turn and saves conversation and user state (errors go to the adapter's `onTurnError`). */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  /** Ticket card actions (Universal Actions) go to the advisors' side; other invokes as botbuilder handles them. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    if (!this.advisors) return { status: 501 };
    const response = await this.advisors.handleInvoke(context);
    return { status: response.statusCode, body: response };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    // A ticket card's Action.Submit fallback or an advisors' channel command, before any dialog sees it.
    if (this.advisors && (await this.advisors.handleMessage(context))) return;
    const input = readMessageInput(activity);
    const facts = turnFactsOf(activity);
    if (input.kind === 'rejected') {
      this.logger.info({ activityId: activity.id, conversationId: facts.conversationId, reason: input.reason }, 'message refused');
      await context.sendActivity(REFUSALS[input.reason](textsFor(facts.locale)));
      return;
    }
    // Later dialogs and prompts read the activity text: give them the cleaned text without the @mention.
    if (input.kind === 'text') activity.text = input.text;

    const turn: LotseTurn = { facts, input };
    // The same state DialogSet.createContext reads (and creates, with an empty stack).
    const state = await this.dialogState.get(context, { dialogStack: [] });
    if (!Array.isArray(state.dialogStack)) state.dialogStack = [];
    if (state.dialogStack.length === 0) {
      await this.runFromEmptyStack(context, { dialogId: this.rootDialogId, options: turn });
      return;
    }
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialogId, turn);
  }

  /**
   * Nothing waits on the dialog stack: runs single-turn dialogs (the root, ask, choose, feedback)
   * directly, as `beginDialog` / `replaceDialog` would, without the cost of a DialogContext. The
   * first dialog that is not single-turn (one that may stay on the stack) begins in a DialogContext.
   */
  private async runFromEmptyStack(context: TurnContext, first: Handover): Promise<void> {
    let next: Handover | null = first;
    while (next) {
      const dialog = this.dialogs.find(next.dialogId);
      if (!(dialog instanceof SingleTurnDialog)) {
        const dc = await this.dialogs.createContext(context);
        await dc.beginDialog(next.dialogId, next.options as object | undefined);
        return;
      }
      next = await dialog.runTurn(context, next.options as object | undefined);
    }
  }

  /**
   * Personal chat: the welcome, once per user. Team channel or group chat: a short note on how to
   * @mention Lotse when Lotse itself is added — never a greeting for every member who joins.
   */
  private async welcome(context: TurnContext): Promise<void> {
    const { activity } = context;
    const texts = textsFor(activity.locale);
    if (isGroupConversation(activity)) {
      const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
      if (!botAdded || (await this.introduced.get(context, false))) return;
      await context.sendActivity(texts.groupIntro);
      await this.introduced.set(context, true);
      return;
    }
    if (!activity.from?.id || (await this.welcomed.get(context, false))) return;
    await context.sendActivity(texts.welcome);
    await this.welcomed.set(context, true);
  }
}

function isGroupConversation(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  return conversation?.isGroup === true || conversation?.conversationType === 'channel' || conversation?.conversationType === 'groupChat';
}
