import { ConversationState, MemoryStorage, TestAdapter, UserState, type TurnContext } from 'botbuilder';
import { Dialog, TextPrompt, WaterfallDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { LotseTurn } from '../../../dialogs/dialog-deps';
import { SingleTurnDialog, type Handover } from '../../../dialogs/single-turn.dialog';
import { LotseBot } from '../../../src/bot/lotse-bot';

/** A root that sends "ticket" to a multi-turn dialog, "plain" to a plain Dialog and echoes everything else. */
class TestRoot extends SingleTurnDialog<LotseTurn> {
  constructor() {
    super('root');
  }

  override async runTurn(context: TurnContext, turn?: LotseTurn): Promise<Handover | null> {
    const text = turn?.input.kind === 'text' ? turn.input.text : '';
    if (text === 'ticket') return { dialogId: 'ticket', options: {} };
    if (text === 'plain') return { dialogId: 'plain', options: { note: 'plain dialog' } };
    if (text === 'chain') return { dialogId: 'echo', options: { prefix: 'chained' } };
    await context.sendActivity(`root: ${text}`);
    return null;
  }
}

class EchoDialog extends SingleTurnDialog<{ prefix: string }> {
  constructor() {
    super('echo');
  }

  override async runTurn(context: TurnContext, options?: { prefix: string }): Promise<Handover | null> {
    await context.sendActivity(`${options?.prefix ?? ''}: ${context.activity.text ?? ''}`);
    return null;
  }
}

class PlainDialog extends Dialog<{ note: string }> {
  constructor() {
    super('plain');
  }

  override async beginDialog(dc: DialogContext, options?: { note: string }): Promise<DialogTurnResult> {
    await dc.context.sendActivity(options?.note ?? '');
    return dc.endDialog();
  }
}

function createTestBot(storage = new MemoryStorage()): TestAdapter {
  const conversationState = new ConversationState(storage);
  const ticket = new WaterfallDialog('ticket', [
    async (step) => step.prompt('subject', 'Betreff?'),
    async (step) => {
      await step.context.sendActivity(`Ticket: ${String(step.result)}`);
      return step.endDialog();
    },
  ]);
  const bot = new LotseBot({
    conversationState,
    userState: new UserState(storage),
    dialog: new TestRoot(),
    dialogs: [ticket, new TextPrompt('subject'), new PlainDialog(), new EchoDialog()],
  });
  return new TestAdapter((context) => bot.run(context));
}

describe('LotseBot dialog routing', () => {
  it('runs single-turn dialogs while the stack is empty and stores an empty stack', async () => {
    const storage = new MemoryStorage();
    const adapter = createTestBot(storage);
    await adapter.send('hallo').assertReply('root: hallo').send('chain').assertReply('chained: chain');
    const stored = await storage.read(['test/conversations/Convo1/']);
    expect(stored['test/conversations/Convo1/']).toMatchObject({ dialogState: { dialogStack: [] } });
  });

  it('begins a dialog that is not single-turn in a dialog context', async () => {
    await createTestBot().send('plain').assertReply('plain dialog').send('danach').assertReply('root: danach');
  });

  it('continues a multi-turn dialog on the stack instead of routing the message', async () => {
    await createTestBot()
      .send('ticket')
      .assertReply('Betreff?')
      .send('Drucker kaputt')
      .assertReply('Ticket: Drucker kaputt')
      .send('hallo')
      .assertReply('root: hallo');
  });
});
