import type { TurnContext } from 'botbuilder';
import type { AdvisorMembership } from '../../../src/bot/tickets/advisor-membership';

/** Team memberships in memory; counts the questions asked and can fail like an unreachable Teams. */
export class FakeAdvisorMembership implements AdvisorMembership {
  private readonly teams = new Map<string, Set<string>>();
  /** Every question, as `teamId|userId`. */
  readonly asked: string[] = [];
  /** Makes the next calls throw (a connector outage). */
  failNext = 0;

  /** Adds users (AAD object ids) to a team. */
  add(teamId: string, ...userIds: string[]): this {
    const members = this.teams.get(teamId) ?? new Set<string>();
    for (const userId of userIds) members.add(userId);
    this.teams.set(teamId, members);
    return this;
  }

  remove(teamId: string, userId: string): void {
    this.teams.get(teamId)?.delete(userId);
  }

  async isMember(_context: TurnContext, teamId: string, userId: string): Promise<boolean> {
    this.asked.push(`${teamId}|${userId}`);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw Object.assign(new Error('Teams unavailable'), { statusCode: 503 });
    }
    return this.teams.get(teamId)?.has(userId) ?? false;
  }
}
