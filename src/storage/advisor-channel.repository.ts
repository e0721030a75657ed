import type { AdvisorChannel, AdvisorChannelRepository } from '../domain/tickets/advisor-group';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type AdvisorChannelDocument = AdvisorChannel & { _id: string };

/** The advisor groups' channels (collection `advisorChannels`, `_id` = group id). */
export class DocumentAdvisorChannelRepository implements AdvisorChannelRepository {
  private readonly channels: Collection<AdvisorChannelDocument>;

  constructor(store: DocumentStore) {
    this.channels = store.collection<AdvisorChannelDocument>('advisorChannels');
  }

  async get(groupId: string): Promise<AdvisorChannel | null> {
    assertId(groupId, 'group id');
    const doc = await this.channels.findOne({ _id: groupId });
    return doc ? withoutId(doc) : null;
  }

  async listByChannel(channelId: string): Promise<AdvisorChannel[]> {
    assertId(channelId, 'channel id');
    return (await this.channels.find({ channelId }, { sort: { _id: 1 } })).map(withoutId);
  }

  async save(channel: AdvisorChannel): Promise<void> {
    assertId(channel.groupId, 'group id');
    await this.channels.replaceOne({ _id: channel.groupId }, { _id: channel.groupId, ...channel }, { upsert: true });
  }
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
