import { personalConversationId } from './teams-activities';

/** A user as Teams knows them: the Bot Framework id (`29:…`) plus the Entra ID profile. */
export interface TeamsMember {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly givenName?: string;
  readonly surname?: string;
}

/** A team with its channels. As in Teams, the team id is also the id of its General channel. */
export interface TeamsTeam {
  readonly id: string;
  readonly name: string;
  readonly aadGroupId?: string;
  readonly channels?: ReadonlyArray<{ readonly id: string; readonly name?: string }>;
}

/** What the connector answers: an HTTP status and a JSON body. */
export interface DirectoryAnswer {
  readonly status: number;
  readonly body: unknown;
}

const notFound = (code: string, message: string): DirectoryAnswer => ({ status: 404, body: { error: { code, message } } });

/** Strips the thread part: `19:abc@thread.tacv2;messageid=123` → `19:abc@thread.tacv2`. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

/**
 * The membership and team tables behind the fake connector's member and team endpoints, answering
 * the way the Teams connector does (`TeamsChannelAccount` shapes, 404 with an error code otherwise).
 */
export class FakeTeamsDirectory {
  private readonly members = new Map<string, TeamsMember[]>();
  private readonly teams = new Map<string, TeamsTeam>();
  private readonly personalConversations = new Map<string, string>();

  constructor(private readonly tenantId: string) {}

  setTeam(team: TeamsTeam): void {
    this.teams.set(team.id, team);
  }

  setMembers(teamIdOrConversationId: string, members: readonly TeamsMember[]): void {
    this.members.set(teamIdOrConversationId, [...members]);
  }

  setPersonalConversation(userId: string, conversationId: string): void {
    this.personalConversations.set(userId, conversationId);
  }

  /** The 1:1 conversation of a user (by `29:` id or Entra object id): Teams returns the existing one, the builders' default unless set. */
  personalConversationOf(userIdOrAadObjectId: string): string {
    const userId = this.findAnyMember(userIdOrAadObjectId)?.id ?? userIdOrAadObjectId;
    return this.personalConversations.get(userId) ?? personalConversationId(userId);
  }

  /** `GET /v3/conversations/:id/members/:memberId` — by `29:` id or Entra object id. */
  getMember(conversationId: string, memberId: string): DirectoryAnswer {
    const members = this.membersOf(conversationId);
    if (!members) return notFound('ConversationNotFound', 'Conversation not found.');
    const member = members.find((candidate) => candidate.id === memberId || candidate.aadObjectId === memberId);
    if (!member) return notFound('MemberNotFoundInConversation', 'Member not found in conversation.');
    return { status: 200, body: this.toAccount(member) };
  }

  /** `GET /v3/conversations/:id/members` (the deprecated unpaged list). */
  getMembers(conversationId: string): DirectoryAnswer {
    const members = this.membersOf(conversationId);
    if (!members) return notFound('ConversationNotFound', 'Conversation not found.');
    return { status: 200, body: members.map((member) => this.toAccount(member)) };
  }

  /** `GET /v3/conversations/:id/pagedmembers?pageSize&continuationToken`. */
  getPagedMembers(conversationId: string, pageSize: number | undefined, continuationToken: string | undefined): DirectoryAnswer {
    const members = this.membersOf(conversationId);
    if (!members) return notFound('ConversationNotFound', 'Conversation not found.');
    const start = continuationToken ? Number(continuationToken) : 0;
    const end = start + (pageSize && pageSize > 0 ? pageSize : 200);
    const page = members.slice(start, end).map((member) => this.toAccount(member));
    return { status: 200, body: end < members.length ? { members: page, continuationToken: String(end) } : { members: page } };
  }

  /** `GET /v3/teams/:teamId`. */
  getTeamDetails(teamId: string): DirectoryAnswer {
    const team = this.teams.get(teamId);
    if (!team) return notFound('NotFound', 'Team not found.');
    return {
      status: 200,
      body: {
        id: team.id,
        name: team.name,
        aadGroupId: team.aadGroupId,
        type: 'standard',
        channelCount: 1 + (team.channels?.length ?? 0),
        memberCount: this.members.get(team.id)?.length ?? 0,
      },
    };
  }

  /** `GET /v3/teams/:teamId/conversations`: General (without a name, like Teams) first, then the channels. */
  getChannels(teamId: string): DirectoryAnswer {
    const team = this.teams.get(teamId);
    if (!team) return notFound('NotFound', 'Team not found.');
    const channels = (team.channels ?? []).filter((channel) => channel.id !== team.id);
    return { status: 200, body: { conversations: [{ id: team.id }, ...channels.map((channel) => ({ id: channel.id, name: channel.name }))] } };
  }

  /** Members of a team or conversation: exact id, else the channel of a thread, else the team owning that channel. */
  private membersOf(conversationId: string): TeamsMember[] | undefined {
    const channelId = channelOf(conversationId);
    const direct = this.members.get(conversationId) ?? this.members.get(channelId);
    if (direct) return direct;
    const team = [...this.teams.values()].find((candidate) => candidate.channels?.some((channel) => channel.id === channelId));
    return team ? this.members.get(team.id) : undefined;
  }

  private findAnyMember(userIdOrAadObjectId: string): TeamsMember | undefined {
    for (const members of this.members.values()) {
      const found = members.find((member) => member.id === userIdOrAadObjectId || member.aadObjectId === userIdOrAadObjectId);
      if (found) return found;
    }
    return undefined;
  }

  /** A `TeamsChannelAccount`; `objectId` too, because `TeamsInfo.getMembers` reads that field. */
  private toAccount(member: TeamsMember): Record<string, unknown> {
    return {
      id: member.id,
      name: member.name,
      aadObjectId: member.aadObjectId,
      objectId: member.aadObjectId,
      givenName: member.givenName ?? member.name.split(' ')[0],
      surname: member.surname ?? member.name.split(' ').slice(1).join(' '),
      email: member.email,
      userPrincipalName: member.userPrincipalName ?? member.email,
      tenantId: this.tenantId,
      userRole: 'user',
    };
  }
}
