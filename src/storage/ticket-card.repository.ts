import type { TicketCardPost, TicketCardRepository } from '../domain/tickets/ticket-card';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type TicketCardDocument = TicketCardPost & { _id: string };

/** Where each ticket's card is (collection `ticketCards`, `_id` = ticket id). */
export class DocumentTicketCardRepository implements TicketCardRepository {
  private readonly cards: Collection<TicketCardDocument>;

  constructor(store: DocumentStore) {
    this.cards = store.collection<TicketCardDocument>('ticketCards');
  }

  async get(ticketId: string): Promise<TicketCardPost | null> {
    assertId(ticketId, 'ticket id');
    const doc = await this.cards.findOne({ _id: ticketId });
    if (!doc) return null;
    const { _id: _ignored, ...post } = doc;
    return post;
  }

  async save(post: TicketCardPost): Promise<void> {
    assertId(post.ticketId, 'ticket id');
    await this.cards.replaceOne({ _id: post.ticketId }, { _id: post.ticketId, ...post }, { upsert: true });
  }
}
