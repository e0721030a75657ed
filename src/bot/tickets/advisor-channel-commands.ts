import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { AdvisorChannel, AdvisorChannelRepository, AdvisorRouting } from '../../domain/tickets/advisor-group';
import type { OpaqueJson } from '../../domain/tickets/ticket';
import { createLogger, type Logger } from '../../logging/logger';
import { cleanText, stripRecipientMentions } from '../turn-input';
import type { AdvisorMembership } from './advisor-membership';
import { advisorTextsFor, type AdvisorTexts } from './advisor-texts';

/** A command an advisor gives Lotse in a channel. */
export type ChannelCommand = { readonly kind: 'register'; readonly group: string } | { readonly kind: 'list_groups' };

const REGISTER = /^tickets?\s+(?:für|fuer|fur|for)\s+(.+?)\s+(?:hier|here)\s*[.!]?$/iu;
const LIST_GROUPS = /^(?:gruppen|beratergruppen|groups|advisor groups)\s*[.!?]?$/iu;
const QUOTES = /^["'„“”‚‘’«»<]+|["'„“”‚‘’«»>]+$/gu;

/** Reads "Tickets für <Gruppe> hier" / "tickets for <group> here" / "Gruppen" from a message text (mention already removed). */
export function parseChannelCommand(text: string): ChannelCommand | null {
  const register = REGISTER.exec(text);
  if (register) return { kind: 'register', group: register[1]!.replace(QUOTES, '').trim() };
  return LIST_GROUPS.test(text) ? { kind: 'list_groups' } : null;
}

export interface AdvisorChannelCommandsDeps {
  readonly routing: AdvisorRouting;
  readonly channels: AdvisorChannelRepository;
  /** Moving a group to another team needs a member of the team registered so far. */
  readonly membership: AdvisorMembership;
  readonly now?: () => Date;
}

/** Where a channel message was posted: team and channel ids from Teams' channel data. */
interface ChannelPlace {
  readonly teamId: string;
  readonly channelId: string;
}

/**
 * The advisors' channel commands: "@Lotse Tickets für <Gruppe> hier" registers the channel for the
 * group's tickets (its conversation reference is what the notifier needs to start new threads
 * there), "@Lotse Gruppen" lists the groups and where their tickets go.
 */
export class AdvisorChannelCommands {
  private readonly logger: Logger = createLogger('tickets');
  private readonly now: () => Date;

  constructor(private readonly deps: AdvisorChannelCommandsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Handles the message when it is a channel command; false when it is none (the message goes on to the dialogs). */
  async handle(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (typeof activity.text !== 'string' || activity.value !== undefined) return false;
    const command = parseChannelCommand(cleanText(stripRecipientMentions(activity)));
    if (command === null) return false;
    const texts = advisorTextsFor(activity.locale);
    const place = channelPlaceOf(activity);
    if (place === null) {
      // "Gruppen" in a personal chat may be a question for the FAQ; a registration attempt is not.
      if (command.kind === 'list_groups') return false;
      await context.sendActivity(texts.channel.channelOnly);
      return true;
    }
    await context.sendActivity(command.kind === 'register' ? await this.register(context, place, command.group, texts) : await this.listGroups(place, texts));
    return true;
  }

  private async register(context: TurnContext, place: ChannelPlace, wanted: string, texts: AdvisorTexts): Promise<string> {
    const { routing, channels } = this.deps;
    const group = routing.findByName(wanted);
    if (!group) {
      this.logger.info({ conversationId: context.activity.conversation?.id, outcome: 'unknown_group' }, 'channel registration refused');
      return texts.channel.unknownGroup(wanted, this.groupLines());
    }
    const previous = await channels.get(group.id);
    const from = context.activity.from;
    if (previous !== null && previous.teamId !== place.teamId && !(await this.memberOfPreviousTeam(context, previous))) {
      this.logger.info({ groupId: group.id, teamId: place.teamId, outcome: 'not_member_of_previous_team' }, 'channel registration refused');
      return texts.channel.moveRefused(group.name);
    }
    const channel: AdvisorChannel = {
      groupId: group.id,
      teamId: place.teamId,
      channelId: place.channelId,
      conversationReference: channelReferenceOf(context.activity),
      registeredBy: { id: from?.aadObjectId ?? from?.id ?? 'unknown', displayName: from?.name ?? '' },
      registeredAt: this.now().toISOString(),
    };
    await channels.save(channel);
    const moved = previous !== null && previous.channelId !== place.channelId;
    this.logger.info({ groupId: group.id, teamId: place.teamId, channelId: place.channelId, moved }, 'advisor channel registered');
    return texts.channel.registered(group.name, moved);
  }

  /** Tickets carry personal data: nobody outside the group's team may redirect them to a team of their own. */
  private async memberOfPreviousTeam(context: TurnContext, previous: AdvisorChannel): Promise<boolean> {
    const userId = context.activity.from?.aadObjectId;
    return userId !== undefined && (await this.deps.membership.isMember(context, previous.teamId, userId));
  }

  private async listGroups(place: ChannelPlace, texts: AdvisorTexts): Promise<string> {
    const here = new Set((await this.deps.channels.listByChannel(place.channelId)).map((channel) => channel.groupId));
    const lines: string[] = [];
    for (const group of this.deps.routing.groups) {
      const where = here.has(group.id) ? 'here' : (await this.deps.channels.get(group.id)) ? 'elsewhere' : 'none';
      lines.push(texts.channel.groupLine(group.name, group.id, where));
    }
    return texts.channel.groupsList(lines.join('\n'));
  }

  private groupLines(): string {
    return this.deps.routing.groups.map((group) => `- ${group.name} (${group.id})`).join('\n');
  }
}

/** Team and channel of a message in a team channel; null in personal and group chats. */
export function channelPlaceOf(activity: Partial<Activity>): ChannelPlace | null {
  if (activity.conversation?.conversationType !== 'channel') return null;
  const channelData = activity.channelData as { team?: { id?: unknown }; channel?: { id?: unknown } } | undefined;
  const teamId = channelData?.team?.id;
  const channelId = channelData?.channel?.id;
  return typeof teamId === 'string' && teamId !== '' && typeof channelId === 'string' && channelId !== '' ? { teamId, channelId } : null;
}

/**
 * The reference of the channel itself (not the thread the command was posted in): the thread part
 * `;messageid=…` of the conversation id, the activity id and the user are dropped.
 */
export function channelReferenceOf(activity: Partial<Activity>): OpaqueJson {
  const { activityId: _activityId, user: _user, ...reference } = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
  const conversation = reference.conversation ? { ...reference.conversation, id: withoutThread(reference.conversation.id) } : reference.conversation;
  return JSON.parse(JSON.stringify({ ...reference, conversation })) as OpaqueJson;
}

/** `19:abc@thread.tacv2;messageid=123` → `19:abc@thread.tacv2`. */
export function withoutThread(conversationId: string): string {
  const index = conversationId.indexOf(';messageid=');
  return index === -1 ? conversationId : conversationId.slice(0, index);
}
