import { TeamsInfo, type TurnContext } from 'botbuilder';

/**
 * Port: is a user a member of a team? Asked before every advisor action on a ticket card, with the
 * team registered for the ticket's group. The context is the turn of the action (its connector
 * reaches Teams). Throws when Teams cannot answer (the action is then not carried out).
 */
export interface AdvisorMembership {
  isMember(context: TurnContext, teamId: string, userId: string): Promise<boolean>;
}

/** Teams' answer when the user is not in the team (or the team is unknown to the bot). */
const NOT_A_MEMBER_STATUS = new Set([403, 404]);

/** Asks Teams (`TeamsInfo.getTeamMember`): a member is found; 404/403 means "not a member". */
export class TeamsAdvisorMembership implements AdvisorMembership {
  async isMember(context: TurnContext, teamId: string, userId: string): Promise<boolean> {
    try {
      const member = await TeamsInfo.getTeamMember(context, teamId, userId);
      return typeof member?.id === 'string' && member.id !== '';
    } catch (error) {
      if (NOT_A_MEMBER_STATUS.has(statusOf(error))) return false;
      throw error;
    }
  }
}

export interface MembershipCacheOptions {
  /** How long an answer (member or not) is reused; default 5 minutes. */
  readonly ttlMs?: number;
  /** Most remembered answers; the oldest go first (default 5000). */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/**
 * Remembers answers of another {@link AdvisorMembership} for a short time, positive and negative,
 * so that a busy channel does not ask Teams on every click. Failures are not remembered.
 */
export class CachedAdvisorMembership implements AdvisorMembership {
  private readonly answers = new Map<string, { member: boolean; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: AdvisorMembership,
    options: MembershipCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.now = options.now ?? Date.now;
  }

  async isMember(context: TurnContext, teamId: string, userId: string): Promise<boolean> {
    const key = `${teamId}\u0000${userId}`;
    const cached = this.answers.get(key);
    if (cached && cached.until > this.now()) return cached.member;
    const member = await this.inner.isMember(context, teamId, userId);
    this.answers.delete(key);
    if (this.answers.size >= this.maxEntries) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, { member, until: this.now() + this.ttlMs });
    return member;
  }
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : 0;
}
