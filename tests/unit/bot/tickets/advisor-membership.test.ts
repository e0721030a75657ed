import { TurnContext, TestAdapter } from 'botbuilder';
import { CachedAdvisorMembership } from '../../../../src/bot/tickets/advisor-membership';
import { FakeAdvisorMembership } from '../../../support/fakes/advisor-membership';

const context = new TurnContext(new TestAdapter(), { type: 'invoke' });

function setup() {
  const inner = new FakeAdvisorMembership().add('team-1', 'anna');
  let now = 0;
  const sut = new CachedAdvisorMembership(inner, { ttlMs: 5 * 60_000, maxEntries: 2, now: () => now });
  return { inner, sut, advance: (ms: number) => (now += ms) };
}

describe('CachedAdvisorMembership', () => {
  it('reuses a yes and a no for five minutes, then asks Teams again', async () => {
    const { inner, sut, advance } = setup();
    expect(await sut.isMember(context, 'team-1', 'anna')).toBe(true);
    expect(await sut.isMember(context, 'team-1', 'olaf')).toBe(false);
    inner.remove('team-1', 'anna');
    inner.add('team-1', 'olaf');
    advance(4 * 60_000);
    expect(await sut.isMember(context, 'team-1', 'anna')).toBe(true);
    expect(await sut.isMember(context, 'team-1', 'olaf')).toBe(false);
    expect(inner.asked).toHaveLength(2);
    advance(60_000 + 1);
    expect(await sut.isMember(context, 'team-1', 'anna')).toBe(false);
    expect(await sut.isMember(context, 'team-1', 'olaf')).toBe(true);
    expect(inner.asked).toHaveLength(4);
  });

  it('keeps answers per team and does not remember failures', async () => {
    const { inner, sut } = setup();
    expect(await sut.isMember(context, 'team-2', 'anna')).toBe(false);
    inner.failNext = 1;
    await expect(sut.isMember(context, 'team-1', 'anna')).rejects.toMatchObject({ statusCode: 503 });
    expect(await sut.isMember(context, 'team-1', 'anna')).toBe(true);
  });

  it('forgets the oldest answers beyond its size', async () => {
    const { inner, sut } = setup();
    await sut.isMember(context, 'team-1', 'a');
    await sut.isMember(context, 'team-1', 'b');
    await sut.isMember(context, 'team-1', 'c');
    await sut.isMember(context, 'team-1', 'c');
    await sut.isMember(context, 'team-1', 'a');
    expect(inner.asked).toEqual(['team-1|a', 'team-1|b', 'team-1|c', 'team-1|a']);
  });
});
