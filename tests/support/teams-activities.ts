import { randomUUID } from 'node:crypto';
import type { TeamsMember, TeamsTeam } from './fake-teams-directory';

/**
 * Builders for the activities Microsoft Teams posts to `/api/messages`, in Teams' shapes: a
 * requester's personal chat, an advisors' team channel (@mention, Action.Execute invoke) and the
 * installation of the bot in a team. Send them with `postToBot` / `invokeBot` from `./activities`.
 */

export const TEAMS_TENANT_ID = '11111111-1111-1111-1111-111111111111';

/** The bot as Teams addresses it (`recipient`, mention target). */
export const LOTSE_BOT = { id: '28:lotse-bot', name: 'Lotse' } as const;

/** A requester from a member municipality (same ids as `teamsMessage`'s default user). */
export const REQUESTER: TeamsMember = {
  id: '29:user-1',
  aadObjectId: '00000000-0000-0000-0000-0000000000a1',
  name: 'Petra Schmidt',
  email: 'petra.schmidt@musterstadt.example',
  userPrincipalName: 'petra.schmidt@musterstadt.example',
};

/** An advisor who is a member of `ADVISORS_TEAM`. */
export const ADVISOR: TeamsMember = {
  id: '29:advisor-1',
  aadObjectId: '00000000-0000-0000-0000-0000000000b1',
  name: 'Jonas Weber',
  email: 'jonas.weber@ikz.example',
  userPrincipalName: 'jonas.weber@ikz.example',
};

/** The advisors' team; its first channel is where tickets for data protection go. */
export const ADVISORS_TEAM: TeamsTeam = {
  id: '19:beratung-general@thread.tacv2',
  name: 'Beratung',
  aadGroupId: '00000000-0000-0000-0000-0000000000c1',
  channels: [{ id: '19:xyz@thread.tacv2', name: 'Datenschutz' }],
};

/** The id of `ADVISORS_TEAM`'s data-protection channel. */
export const ADVISORS_CHANNEL_ID = '19:xyz@thread.tacv2';

/** The stable 1:1 conversation id of a user with the bot (the fake connector returns it for proactive chats too). */
export function personalConversationId(userId: string): string {
  return `a:1-personal-${userId.replace(/^29:/, '')}`;
}

type Sender = Pick<TeamsMember, 'id' | 'name' | 'aadObjectId'>;

interface Common {
  readonly from?: Sender;
  readonly tenantId?: string;
  readonly locale?: string;
}

/** Where a channel activity happens; `threadRootId` is the id of the thread's first post. */
export interface ChannelPlace {
  readonly team?: TeamsTeam;
  readonly channelId?: string;
  readonly threadRootId?: string;
}

// Teams message ids are millisecond timestamps; these start a day back so they never meet the fake connector's.
let lastMessageId = Date.now() - 86_400_000;
function newMessageId(): string {
  lastMessageId += 1;
  return String(lastMessageId);
}

function envelope(serviceUrl: string, type: string, common: Common, id: string): Record<string, unknown> {
  const locale = common.locale ?? 'de-DE';
  const from = common.from ?? REQUESTER;
  return {
    type,
    id,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    localTimezone: 'Europe/Berlin',
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { ...LOTSE_BOT },
    entities: [{ type: 'clientInfo', locale, country: 'DE', platform: 'Web', timezone: 'Europe/Berlin' }],
    locale,
  };
}

function channelParts(place: ChannelPlace, tenantId: string, rootId: string): Pick<Record<string, unknown>, 'conversation' | 'channelData'> {
  const team = place.team ?? ADVISORS_TEAM;
  const channelId = place.channelId ?? team.channels?.[0]?.id ?? team.id;
  return {
    conversation: { isGroup: true, conversationType: 'channel', tenantId, id: `${channelId};messageid=${place.threadRootId ?? rootId}` },
    // Teams sends ids only here; team and channel names come with conversationUpdate events.
    channelData: { teamsChannelId: channelId, teamsTeamId: team.id, channel: { id: channelId }, team: { id: team.id }, tenant: { id: tenantId } },
  };
}

/**
 * A message in the requester's personal chat. With `value` it is what Teams sends for an
 * Action.Submit of a card (no text, `replyToId` = the card's activity id).
 */
export function personalChatMessage(
  serviceUrl: string,
  text: string | undefined,
  options: Common & { conversationId?: string; value?: Record<string, unknown>; replyToId?: string } = {},
): Record<string, unknown> {
  const tenantId = options.tenantId ?? TEAMS_TENANT_ID;
  const from = options.from ?? REQUESTER;
  const isSubmit = options.value !== undefined;
  return {
    ...envelope(serviceUrl, 'message', options, newMessageId()),
    conversation: { conversationType: 'personal', tenantId, id: options.conversationId ?? personalConversationId(from.id) },
    channelData: { tenant: { id: tenantId }, ...(isSubmit ? { source: { name: 'message' }, legacy: { replyToId: options.replyToId } } : {}) },
    ...(text === undefined ? {} : { text, textFormat: 'plain' }),
    ...(isSubmit ? { value: options.value } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

/** A channel post that @mentions the bot: text `<at>Lotse</at> <text>`, as a new thread unless `threadRootId` is given. */
export function channelMentionMessage(
  serviceUrl: string,
  text = 'Tickets für Datenschutz hier',
  options: Common & ChannelPlace = {},
): Record<string, unknown> {
  const id = newMessageId();
  const mention = `<at>${LOTSE_BOT.name}</at>`;
  const html = `<div><div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${LOTSE_BOT.name}</span> ${text}</div>\n</div>`;
  const base = envelope(serviceUrl, 'message', { ...options, from: options.from ?? ADVISOR }, id);
  return {
    ...base,
    ...channelParts(options, options.tenantId ?? TEAMS_TENANT_ID, id),
    text: `${mention} ${text}`,
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: html }],
    entities: [{ type: 'mention', mentioned: { ...LOTSE_BOT }, text: mention }, ...(base.entities as unknown[])],
    ...(options.threadRootId ? { replyToId: options.threadRootId } : {}),
  };
}

/**
 * The `invoke` Teams sends when someone presses an Action.Execute button (Universal Actions) on a
 * card: in a channel thread by default (the card is the thread root), or in a personal chat when
 * `personalConversationId` is given. The bot's answer comes back in the HTTP response (`invokeBot`).
 */
export function adaptiveCardActionInvoke(
  serviceUrl: string,
  options: Common &
    ChannelPlace & { verb: string; data?: Record<string, unknown>; replyToId: string; title?: string; personalConversationId?: string },
): Record<string, unknown> {
  const tenantId = options.tenantId ?? TEAMS_TENANT_ID;
  const base = envelope(serviceUrl, 'invoke', { ...options, from: options.from ?? ADVISOR }, `f:${randomUUID()}`);
  const place = options.personalConversationId
    ? { conversation: { conversationType: 'personal', tenantId, id: options.personalConversationId }, channelData: { tenant: { id: tenantId } } }
    : channelParts({ ...options, threadRootId: options.threadRootId ?? options.replyToId }, tenantId, options.replyToId);
  const channelData = { ...(place.channelData as Record<string, unknown>), source: { name: 'message' }, legacy: { replyToId: options.replyToId } };
  return {
    ...base,
    ...place,
    channelData,
    name: 'adaptiveCard/action',
    replyToId: options.replyToId,
    value: { action: { type: 'Action.Execute', title: options.title, verb: options.verb, data: options.data ?? {} }, trigger: 'manual' },
  };
}

/** The conversationUpdate Teams sends when the bot is added to a team (`eventType: 'teamMemberAdded'`). */
export function botInstalledInTeam(serviceUrl: string, options: Common & { team?: TeamsTeam; channelId?: string } = {}): Record<string, unknown> {
  const tenantId = options.tenantId ?? TEAMS_TENANT_ID;
  const team = options.team ?? ADVISORS_TEAM;
  const base = envelope(serviceUrl, 'conversationUpdate', { ...options, from: options.from ?? ADVISOR }, `f:${randomUUID()}`);
  delete base.entities;
  delete base.locale;
  return {
    ...base,
    conversation: { isGroup: true, conversationType: 'channel', tenantId, id: team.id },
    membersAdded: [{ id: LOTSE_BOT.id }],
    channelData: {
      team: { aadGroupId: team.aadGroupId, name: team.name, id: team.id },
      eventType: 'teamMemberAdded',
      tenant: { id: tenantId },
      ...(options.channelId ? { settings: { selectedChannel: { id: options.channelId } } } : {}),
    },
  };
}
