import { BotAdapter, TurnContext } from 'botbuilder';
import type { Activity, ConversationParameters, ConversationReference, ResourceResponse } from 'botbuilder';
import type { ProactiveAdapter } from '../../../src/bot/tickets/proactive-adapter';

/** One activity the bot sent or updated, with the conversation it went to. */
export interface AdapterCall {
  readonly conversationId: string;
  readonly activity: Partial<Activity>;
}

/** A new channel thread the bot started (`createConversationAsync`). */
export interface ThreadStart {
  readonly channelId: string;
  readonly threadId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
  readonly parameters: ConversationParameters;
}

type Logic = (context: TurnContext) => Promise<void>;

/**
 * A bot adapter standing in for the CloudAdapter in proactive code: runs `continueConversationAsync`
 * and `createConversationAsync` logic in a real TurnContext and records what was sent, updated
 * and which threads were started (Teams' way: thread id `<channel>;messageid=<activity id>`).
 */
export class FakeTeamsAdapter extends BotAdapter implements ProactiveAdapter {
  readonly sent: AdapterCall[] = [];
  readonly updated: AdapterCall[] = [];
  readonly threads: ThreadStart[] = [];
  /** The app ids proactive calls were made with. */
  readonly appIds: string[] = [];
  /** Makes the next proactive calls fail like a connector outage (HTTP 503). */
  failNext = 0;
  private nextId = 1_700_000_000_000;

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      const id = String((this.nextId += 1));
      this.sent.push({ conversationId: context.activity.conversation.id, activity: { ...activity, id } });
      return { id };
    });
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    this.updated.push({ conversationId: context.activity.conversation.id, activity });
    return { id: activity.id ?? '' };
  }

  override async deleteActivity(): Promise<void> {}

  override async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    await this.continueConversationAsync('', reference, logic);
  }

  override async continueConversationAsync(
    botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    this.failIfAsked();
    this.appIds.push(typeof botAppIdOrClaims === 'string' ? botAppIdOrClaims : '(claims)');
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'ContinueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic ?? (async () => undefined));
  }

  override async createConversationAsync(
    botAppId: string,
    channelId: string,
    serviceUrl: string,
    _audience: string,
    parameters: ConversationParameters,
    logic: Logic,
  ): Promise<void> {
    this.failIfAsked();
    this.appIds.push(botAppId);
    const channel = (parameters.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? 'unknown-channel';
    const activityId = String((this.nextId += 1));
    const threadId = `${channel};messageid=${activityId}`;
    this.threads.push({ channelId: channel, threadId, activityId, serviceUrl, parameters });
    const created: Partial<Activity> = { type: 'event', name: 'CreateConversation', id: threadId, channelId, serviceUrl, conversation: { id: threadId, isGroup: true, conversationType: '', name: '' } };
    await this.runMiddleware(new TurnContext(this, created), logic);
  }

  /** Everything sent into one conversation, in order. */
  sentTo(conversationId: string): Partial<Activity>[] {
    return this.sent.filter((call) => call.conversationId === conversationId).map((call) => call.activity);
  }

  private failIfAsked(): void {
    if (this.failNext <= 0) return;
    this.failNext -= 1;
    throw Object.assign(new Error('Service unavailable'), { statusCode: 503 });
  }
}
