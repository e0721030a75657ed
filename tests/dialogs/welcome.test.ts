import { ActivityTypes, type Activity } from 'botbuilder';
import { converse, createHarness, type Harness } from './support/bot-harness';

function membersAdded(memberIds: string[], extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: ActivityTypes.ConversationUpdate, membersAdded: memberIds.map((id) => ({ id, name: id })), ...extra };
}

describe('welcome on first contact', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await createHarness();
  });

  it('welcomes a new user in German with what Lotse does and three example questions', async () => {
    await harness.adapter
      .send(membersAdded(['user1', 'bot']))
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Guten Tag! Ich bin \*\*Lotse\*\*/);
        expect(reply.text).toMatch(/Quelle/);
        expect(reply.text?.match(/^- .+\?$/gm)).toHaveLength(3);
      });
  });

  it('welcomes only once per user, also in a new conversation', async () => {
    const [first, again, otherConversation] = await converse(
      harness,
      membersAdded(['user1']),
      membersAdded(['bot']),
      membersAdded(['user1'], { conversation: { id: 'personal-2', isGroup: false, conversationType: 'personal', name: 'p2' } }),
    );
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
    expect(otherConversation).toEqual([]);
  });

  it('welcomes in English when the locale is English', async () => {
    const [[reply]] = await converse(harness, membersAdded(['user1'], { locale: 'en-US' }));
    expect(reply?.text).toMatch(/^Hello! I'm \*\*Lotse\*\*/);
    expect(reply?.text).toMatch(/How can we receive XRechnung/);
  });

  it('introduces itself once when added to a team channel, without greeting members who join later', async () => {
    const channel = { id: '19:team-channel@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'Beratung' };
    const [botAdded, botAddedAgain, memberJoined] = await converse(
      harness,
      membersAdded(['bot'], { conversation: channel }),
      membersAdded(['bot'], { conversation: channel }),
      membersAdded(['29:new-colleague'], { conversation: channel }),
    );
    expect(botAdded).toHaveLength(1);
    expect(botAdded[0]?.text).toMatch(/Erwähnen Sie mich mit @Lotse/);
    expect(botAddedAgain).toEqual([]);
    expect(memberJoined).toEqual([]);
  });

  it('does not welcome on an ordinary question', async () => {
    const [[reply, ...rest]] = await converse(harness, 'Wie backe ich einen Marmorkuchen?');
    expect(reply?.text).toMatch(/keine passende Antwort/);
    expect(rest).toEqual([]);
  });
});
