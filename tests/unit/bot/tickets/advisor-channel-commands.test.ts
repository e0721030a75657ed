import { parseChannelCommand } from '../../../../src/bot/tickets/advisor-channel-commands';
import { CHANNEL_ID, SERVICE_URL, TEAM_ID, anna, ben, channelMessage, createAdvisorHarness, outsider } from './advisor-harness';

async function say(harness: ReturnType<typeof createAdvisorHarness>, activity: Parameters<typeof harness.adapter.processActivity>[0]): Promise<string[]> {
  await harness.adapter.processActivity(activity);
  return harness.adapter.activeQueue.splice(0).map((reply) => reply.text ?? '');
}

describe('parseChannelCommand', () => {
  it.each([
    ['Tickets für Datenschutz hier', { kind: 'register', group: 'Datenschutz' }],
    ['tickets fuer „Technik und Infrastruktur“ hier.', { kind: 'register', group: 'Technik und Infrastruktur' }],
    ['Ticket für allgemein hier!', { kind: 'register', group: 'allgemein' }],
    ['tickets for onlinedienste here', { kind: 'register', group: 'onlinedienste' }],
    ['Gruppen', { kind: 'list_groups' }],
    ['groups?', { kind: 'list_groups' }],
  ])('reads %j', (text, expected) => {
    expect(parseChannelCommand(text)).toEqual(expected);
  });

  it.each(['Wie melde ich Tickets für Datenschutz?', 'Tickets für hier', 'Gruppen für Datenschutz', ''])('ignores %j', (text) => {
    expect(parseChannelCommand(text)).toBeNull();
  });
});

describe('advisor channel registration', () => {
  it('registers the channel for the group with the reference of the channel itself', async () => {
    const harness = createAdvisorHarness({ registerChannel: false });
    const replies = await say(harness, channelMessage(anna, 'Tickets für Datenschutz hier'));
    expect(replies).toEqual(['Erledigt: Neue Tickets der Gruppe „Datenschutz und Informationssicherheit“ erscheinen ab jetzt in diesem Kanal.']);
    const saved = await harness.channels.get('datenschutz');
    expect(saved).toEqual({
      groupId: 'datenschutz',
      teamId: TEAM_ID,
      channelId: CHANNEL_ID,
      conversationReference: {
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        locale: 'de-DE',
        bot: { id: '28:lotse', name: 'Lotse' },
        conversation: { id: CHANNEL_ID, isGroup: true, conversationType: 'channel', tenantId: 'tenant-1', name: '' },
      },
      registeredBy: { id: anna.id, displayName: 'Anna Beraterin' },
      registeredAt: '2026-03-09T08:00:00.000Z',
    });
  });

  it('understands English and the group id', async () => {
    const harness = createAdvisorHarness({ registerChannel: false });
    const replies = await say(harness, channelMessage(anna, 'tickets for technik here', { locale: 'en-US' }));
    expect(replies).toEqual(['Done: new tickets of the group "Technik und Infrastruktur" now appear in this channel.']);
    expect((await harness.channels.get('technik'))?.channelId).toBe(CHANNEL_ID);
  });

  it('lists the valid groups for an unknown one and saves nothing', async () => {
    const harness = createAdvisorHarness({ registerChannel: false });
    const [reply] = await say(harness, channelMessage(anna, 'Tickets für Meldewesen hier'));
    expect(reply).toContain('Eine Beratergruppe „Meldewesen“ kenne ich nicht.');
    expect(reply).toContain('- Allgemeine Beratung (allgemein)\n- Datenschutz und Informationssicherheit (datenschutz)\n- Technik und Infrastruktur (technik)');
    expect(harness.channels.channels.size).toBe(0);
  });

  it('lists the groups and where their tickets go', async () => {
    const harness = createAdvisorHarness();
    await harness.channels.save({ ...(await harness.channels.get('datenschutz'))!, groupId: 'technik', channelId: '19:technik@thread.tacv2' });
    const [reply] = await say(harness, channelMessage(ben, 'Gruppen'));
    expect(reply).toContain('- Allgemeine Beratung (allgemein): noch kein Kanal');
    expect(reply).toContain('- Datenschutz und Informationssicherheit (datenschutz): dieser Kanal');
    expect(reply).toContain('- Technik und Infrastruktur (technik): ein anderer Kanal');
  });

  it('moves a group within its team, but not to another team by someone outside the team registered so far', async () => {
    const harness = createAdvisorHarness();
    const otherTeam = { channelData: { team: { id: 'team-elsewhere' }, channel: { id: '19:elsewhere@thread.tacv2' } } };
    const refused = await say(harness, channelMessage(outsider, 'Tickets für Datenschutz hier', otherTeam));
    expect(refused).toEqual([expect.stringContaining('Verlegen kann sie nur ein Mitglied jenes Teams.')]);
    expect((await harness.channels.get('datenschutz'))?.teamId).toBe(TEAM_ID);
    const moved = await say(harness, channelMessage(ben, 'Tickets für Datenschutz hier', otherTeam));
    expect(moved).toEqual([expect.stringContaining('(Bisher gingen sie in einen anderen Kanal.)')]);
    expect(await harness.channels.get('datenschutz')).toMatchObject({ teamId: 'team-elsewhere', channelId: '19:elsewhere@thread.tacv2', registeredBy: { id: ben.id } });
  });

  it('works only in a team channel; other messages go on to the dialogs', async () => {
    const harness = createAdvisorHarness({ registerChannel: false });
    const personal = { conversation: { id: 'a:personal-1', conversationType: 'personal', isGroup: false, name: '' }, channelData: {} };
    expect(await say(harness, channelMessage(anna, 'Tickets für Datenschutz hier', personal))).toEqual([expect.stringContaining('Das geht nur in einem Kanal eines Teams')]);
    expect(await say(harness, channelMessage(anna, 'Gruppen', personal))).toEqual(['root: Gruppen']);
    expect(await say(harness, channelMessage(anna, 'Wie empfangen wir XRechnungen?'))).toEqual(['root: Wie empfangen wir XRechnungen?']);
    expect(harness.channels.channels.size).toBe(0);
  });
});
