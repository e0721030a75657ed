import { TurnTracker } from '../../../src/http/turn-tracker';

describe('TurnTracker', () => {
  it('waits for running turns when draining, and refuses new ones from then on', async () => {
    const sut = new TurnTracker();
    let finish!: () => void;
    const turn = sut.run(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(sut.inFlight).toBe(1);
    let drained = false;
    const drain = sut.drain(5000).then((result) => {
      drained = true;
      return result;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sut.isClosing).toBe(true);
    expect(drained).toBe(false);
    finish();
    await turn;
    await expect(drain).resolves.toEqual({ timedOut: false });
  });

  it('gives up after the timeout when a turn hangs', async () => {
    const sut = new TurnTracker();
    void sut.run(() => new Promise(() => undefined));
    await expect(sut.drain(20)).resolves.toEqual({ timedOut: true });
  });

  it('counts a failed turn as finished', async () => {
    const sut = new TurnTracker();
    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(sut.inFlight).toBe(0);
  });
});
