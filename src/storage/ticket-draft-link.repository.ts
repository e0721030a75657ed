import { ErrorCode, isAppError } from '../domain/errors';
import type { TicketDraftLink, TicketDraftLinks } from '../domain/insights/ticket-faq-draft.service';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type LinkDocument = TicketDraftLink & { _id: string };

function toLink(doc: LinkDocument): TicketDraftLink {
  const { _id: _ignored, ...link } = doc;
  return link;
}

/** Which ticket became which FAQ entry: collection `ticketFaqDrafts`, `_id` = ticket number (one per ticket). */
export class DocumentTicketDraftLinks implements TicketDraftLinks {
  private readonly links: Collection<LinkDocument>;

  constructor(store: DocumentStore) {
    this.links = store.collection<LinkDocument>('ticketFaqDrafts');
  }

  async claim(link: TicketDraftLink, staleBefore: string): Promise<TicketDraftLink | null> {
    assertId(link.ticketNumber, 'ticket number');
    assertId(staleBefore, 'time');
    try {
      await this.links.insertOne({ ...link, entryId: null, _id: link.ticketNumber });
      return null;
    } catch (error) {
      if (!isAppError(error, ErrorCode.DuplicateKey)) throw error;
    }
    // A reservation whose process stopped before completing it is taken over in one conditional update.
    const takeover = await this.links.updateOne(
      { _id: link.ticketNumber, entryId: null, createdAt: { $lt: staleBefore } },
      { $set: { createdBy: link.createdBy, createdAt: link.createdAt } },
    );
    if (takeover.matchedCount === 1) return null;
    return this.get(link.ticketNumber);
  }

  async complete(ticketNumber: string, entryId: string): Promise<void> {
    assertId(ticketNumber, 'ticket number');
    assertId(entryId, 'entry id');
    await this.links.updateOne({ _id: ticketNumber }, { $set: { entryId } });
  }

  async release(ticketNumber: string): Promise<void> {
    assertId(ticketNumber, 'ticket number');
    await this.links.deleteOne({ _id: ticketNumber, entryId: null });
  }

  async get(ticketNumber: string): Promise<TicketDraftLink | null> {
    assertId(ticketNumber, 'ticket number');
    const doc = await this.links.findOne({ _id: ticketNumber });
    return doc ? toLink(doc) : null;
  }
}
