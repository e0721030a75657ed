import type { AdvisorChannel, AdvisorChannelRepository } from '../../../src/domain/tickets/advisor-group';
import type { TicketCardPost, TicketCardRepository } from '../../../src/domain/tickets/ticket-card';
import type { LeaseStore } from '../../../src/domain/tickets/ticket-notification';

/** Advisor channels in memory (one per group). */
export class InMemoryAdvisorChannels implements AdvisorChannelRepository {
  readonly channels = new Map<string, AdvisorChannel>();

  async get(groupId: string): Promise<AdvisorChannel | null> {
    return this.channels.get(groupId) ?? null;
  }

  async listByChannel(channelId: string): Promise<AdvisorChannel[]> {
    return [...this.channels.values()].filter((channel) => channel.channelId === channelId);
  }

  async save(channel: AdvisorChannel): Promise<void> {
    this.channels.set(channel.groupId, channel);
  }
}

/** Ticket card posts in memory (one per ticket). */
export class InMemoryTicketCards implements TicketCardRepository {
  readonly posts = new Map<string, TicketCardPost>();

  async get(ticketId: string): Promise<TicketCardPost | null> {
    return this.posts.get(ticketId) ?? null;
  }

  async save(post: TicketCardPost): Promise<void> {
    this.posts.set(post.ticketId, post);
  }
}

/** Leases in memory, with the semantics of `DocumentLeaseStore`. */
export class InMemoryLeases implements LeaseStore {
  private readonly leases = new Map<string, { owner: string; until: number }>();

  async tryAcquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const lease = this.leases.get(name);
    if (lease && lease.owner !== owner && lease.until > now.getTime()) return false;
    this.leases.set(name, { owner, until: now.getTime() + ttlMs });
    return true;
  }
}
