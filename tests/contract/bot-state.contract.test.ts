import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import type { Storage } from 'botbuilder';
import { ErrorCode } from '../../src/domain/errors';
import { DocumentBotStateStorage } from '../../src/storage/bot-state.storage';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

describe.each(storeBackendTable)('DocumentBotStateStorage contract (%s)', (_name, backend) => {
  let testStore: TestStore;
  let sut: Storage;

  beforeEach(async () => {
    testStore = await backend.open();
    sut = new DocumentBotStateStorage(testStore.store);
  });
  afterEach(() => testStore.cleanup());

  it('reads back what was written with a fresh eTag, and nothing for unknown keys', async () => {
    await sut.write({ 'msteams/conversations/a:1/': { dialogState: { step: 2 } } });
    const read = await sut.read(['msteams/conversations/a:1/', 'unknown']);
    expect(Object.keys(read)).toEqual(['msteams/conversations/a:1/']);
    expect(read['msteams/conversations/a:1/']).toEqual({ dialogState: { step: 2 }, eTag: expect.any(String) });
  });

  it('keeps keys that are not valid MongoDB field names ($type, dotted) inside the state', async () => {
    const state = { $type: 'DialogState', 'a.b': { $id: 1 }, list: [{ 'x.y': null }] };
    await sut.write({ 'k/1': state });
    expect((await sut.read(['k/1']))['k/1']).toEqual({ ...state, eTag: expect.any(String) });
  });

  it('changes the eTag on every write and rejects a stale eTag with VERSION_CONFLICT', async () => {
    await sut.write({ key: { n: 1 } });
    const first = (await sut.read(['key'])).key;
    await sut.write({ key: { ...first, n: 2 } });
    const second = (await sut.read(['key'])).key;
    expect(second.eTag).not.toBe(first.eTag);
    await expect(sut.write({ key: { ...first, n: 3 } })).rejects.toMatchObject({ code: ErrorCode.VersionConflict });
    expect((await sut.read(['key'])).key).toEqual(second);
  });

  it('writes unconditionally with eTag "*" or without eTag, and creates an item written with an eTag', async () => {
    await sut.write({ key: { n: 1 } });
    await sut.write({ key: { n: 2, eTag: '*' } });
    expect((await sut.read(['key'])).key.n).toBe(2);
    await sut.write({ key: { n: 3 } });
    expect((await sut.read(['key'])).key.n).toBe(3);
    await sut.write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
    expect((await sut.read(['fresh'])).fresh.n).toBe(1);
  });

  it('lets exactly one of 10 concurrent writers with the same eTag win', async () => {
    await sut.write({ key: { n: 0 } });
    const { eTag } = (await sut.read(['key'])).key;
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => sut.write({ key: { n: i + 1, eTag } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === ErrorCode.VersionConflict)).toBe(true);
  });

  it('deletes items', async () => {
    await sut.write({ a: { n: 1 }, b: { n: 2 } });
    await sut.delete(['a', 'missing']);
    expect(Object.keys(await sut.read(['a', 'b']))).toEqual(['b']);
  });

  it('refuses non-string keys instead of turning them into query operators', async () => {
    await sut.write({ a: { n: 1 } });
    await expect(sut.read([{ $ne: null } as unknown as string])).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(sut.delete([{ $exists: true } as unknown as string])).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(Object.keys(await sut.read(['a']))).toEqual(['a']);
  });

  it('behaves like MemoryStorage for botbuilder ConversationState across turns', async () => {
    const runTurns = async (storage: Storage) => {
      const conversationState = new ConversationState(storage);
      const counter = conversationState.createProperty<number>('turns');
      const adapter = new TestAdapter(async (context) => {
        const turns = (await counter.get(context, 0)) + 1;
        await counter.set(context, turns);
        await conversationState.saveChanges(context);
        await context.sendActivity(`turn ${turns}`);
      });
      await adapter.send('hallo').assertReply('turn 1').send('noch da?').assertReply('turn 2').startTest();
    };
    await runTurns(new MemoryStorage());
    await runTurns(sut);
  });
});
