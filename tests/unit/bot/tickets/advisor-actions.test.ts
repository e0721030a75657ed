import { TEAM_ID, anna, ben, cardOfResponse, channelMessage, createAdvisorHarness, invoke, invokeActivity, outsider } from './advisor-harness';
import { cardText, executeActions, verbsOf } from './ticket-card-inspection';

describe('ticket card actions (Universal Actions invoke)', () => {
  it('lets a member of the group claim: 200 with the refreshed card, the ticket is hers, card and requester hear of it', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const response = await invoke(harness, invokeActivity(anna, 'claim', { ticketId: ticket.id, version: ticket.version }));
    expect(response.status).toBe(200);
    const card = cardOfResponse(response);
    expect(cardText(card)).toContain('Status: In Bearbeitung – Anna Beraterin');
    expect(verbsOf(card)).toContain('reply');
    const stored = await harness.desk.tickets.getTicket(ticket.id);
    expect(stored).toMatchObject({ status: 'assigned', assignee: { id: anna.id, displayName: 'Anna Beraterin' }, version: ticket.version + 1 });
    expect(harness.outbox.notifications).toEqual(
      expect.arrayContaining([
        { kind: 'refresh_card', ticketId: ticket.id },
        { kind: 'notify_requester', ticketId: ticket.id, event: { type: 'claimed' } },
      ]),
    );
    expect(harness.membership.asked).toEqual([`${TEAM_ID}|${anna.id}`]);
  });

  it('of two advisors claiming at once, exactly one gets the ticket; the other card says who has it', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const data = { ticketId: ticket.id, version: ticket.version };
    const [forAnna, forBen] = [invokeActivity(anna, 'claim', data), invokeActivity(ben, 'claim', data)];
    await Promise.all([harness.adapter.processActivity(forAnna), harness.adapter.processActivity(forBen)]);
    const replies = harness.adapter.activeQueue.splice(0);
    const responseTo = (id: string | undefined) => replies.find((reply) => reply.replyToId === id)?.value as Parameters<typeof cardOfResponse>[0];
    const stored = await harness.desk.tickets.getTicket(ticket.id);
    const winner = stored.assignee!.id === anna.id ? anna : ben;
    const [loserActivity, winnerActivity] = winner === anna ? [forBen, forAnna] : [forAnna, forBen];
    expect(harness.repository.updates.filter((update) => update.auditTrail.at(-1)?.action === 'claim')).toHaveLength(1);
    expect(cardText(cardOfResponse(responseTo(winnerActivity.id)))).not.toContain('Bereits von');
    const loserCard = cardOfResponse(responseTo(loserActivity.id));
    expect(loserCard.body[0]).toMatchObject({ text: `Bereits von ${winner.displayName} übernommen.`, color: 'attention' });
    expect(verbsOf(loserCard)).not.toContain('claim');
  });

  it('politely refuses someone outside the group, and changes nothing', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const enqueued = harness.outbox.jobs.length;
    const response = await invoke(harness, invokeActivity(outsider, 'claim', { ticketId: ticket.id, version: ticket.version }));
    expect(response).toEqual({
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: expect.stringContaining('nur für Mitglieder der Beratergruppe „Datenschutz und Informationssicherheit“'),
      },
    });
    expect(await harness.desk.tickets.getTicket(ticket.id)).toMatchObject({ status: 'new', assignee: null, version: ticket.version });
    expect(harness.repository.updates).toEqual([]);
    expect(harness.outbox.jobs).toHaveLength(enqueued);
  });

  it('gives someone outside the group a read-only card on refresh, and members the card with its buttons', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const forOutsider = cardOfResponse(await invoke(harness, invokeActivity(outsider, 'refresh', { ticketId: ticket.id })));
    expect(executeActions(forOutsider)).toEqual([]);
    expect(cardText(forOutsider)).toContain('Nur Mitglieder der Beratergruppe „Datenschutz und Informationssicherheit“ können dieses Ticket bearbeiten.');
    const forAnna = cardOfResponse(await invoke(harness, invokeActivity(anna, 'refresh', { ticketId: ticket.id })));
    expect(verbsOf(forAnna)).toEqual(expect.arrayContaining(['claim', 'close', 'note', 'priority', 'route']));
  });

  it('asks about the membership for every action, not by assumption: a user removed from the team is refused', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    harness.membership.remove(TEAM_ID, anna.id);
    const response = await invoke(harness, invokeActivity(anna, 'claim', { ticketId: ticket.id, version: ticket.version }));
    expect(response.body.type).toBe('application/vnd.microsoft.activity.message');
    expect((await harness.desk.tickets.getTicket(ticket.id)).assignee).toBeNull();
  });

  it('refuses when no channel is registered for the group (membership cannot be checked)', async () => {
    const harness = createAdvisorHarness({ registerChannel: false });
    const ticket = await harness.openTicket();
    const response = await invoke(harness, invokeActivity(anna, 'claim', { ticketId: ticket.id, version: ticket.version }));
    expect(response.body).toMatchObject({ statusCode: 200, value: expect.stringContaining('noch kein Kanal registriert') });
    expect((await harness.desk.tickets.getTicket(ticket.id)).status).toBe('new');
  });

  it.each([
    ['no value at all', undefined],
    ['an action without type', { action: { verb: 'claim', data: { ticketId: 'x', version: 1 } } }],
    ['an Action.Submit in an invoke', { action: { type: 'Action.Submit', verb: 'claim', data: { ticketId: 'x', version: 1 } } }],
    ['an unknown verb', { action: { type: 'Action.Execute', verb: 'delete_everything', data: { ticketId: 'x', version: 1 } } }],
    ['a claim without version', { action: { type: 'Action.Execute', verb: 'claim', data: { ticketId: 'x' } } }],
    ['an operator instead of an id', { action: { type: 'Action.Execute', verb: 'claim', data: { ticketId: { $ne: null }, version: 1 } } }],
    ['an unknown priority', { action: { type: 'Action.Execute', verb: 'priority', data: { ticketId: 'x', version: 1, priority: 'sofort' } } }],
    ['a string', 'claim'],
  ])('answers a forged payload (%s) with 400 and a clear message', async (_case, value) => {
    const harness = createAdvisorHarness();
    const response = await invoke(harness, { ...invokeActivity(anna, 'claim', {}), value });
    expect(response).toEqual({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Diese Kartenaktion ist ungültig. Bitte laden Sie die Karte neu.' } },
    });
    expect(harness.membership.asked).toEqual([]);
  });

  it('says so for an unknown ticket', async () => {
    const harness = createAdvisorHarness();
    const response = await invoke(harness, invokeActivity(anna, 'claim', { ticketId: 'no-such-ticket', version: 1 }));
    expect(response.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Dieses Ticket gibt es nicht (mehr).' });
  });

  it('refuses a change from a stale card and shows the current state instead', async () => {
    const harness = createAdvisorHarness();
    const opened = await harness.openTicket();
    const claimed = await harness.desk.claim(opened.id, anna);
    await harness.desk.note(opened.id, ben, 'Rückfrage beim Fachamt läuft');
    const response = await invoke(harness, invokeActivity(anna, 'resolve', { ticketId: opened.id, version: claimed.version }));
    const card = cardOfResponse(response);
    expect(card.body[0]).toMatchObject({ text: 'Das Ticket wurde inzwischen geändert – hier ist der aktuelle Stand.' });
    expect(cardText(card)).toContain('Rückfrage beim Fachamt läuft');
    expect((await harness.desk.tickets.getTicket(opened.id)).status).toBe('assigned');
  });

  it('explains in German why a status change is not possible', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const resolve = cardOfResponse(await invoke(harness, invokeActivity(anna, 'resolve', { ticketId: ticket.id, version: ticket.version })));
    expect(resolve.body[0]).toMatchObject({ text: 'Das ist im Status „Neu“ nicht möglich.' });
    const reply = cardOfResponse(await invoke(harness, invokeActivity(anna, 'reply', { ticketId: ticket.id, version: ticket.version, replyText: 'Hallo' })));
    expect(reply.body[0]).toMatchObject({ text: 'Bitte übernehmen Sie das Ticket, bevor Sie antworten.' });
  });

  it('sends a reply to the requester and keeps a note internal', async () => {
    const harness = createAdvisorHarness();
    const claimed = await harness.desk.claim((await harness.openTicket()).id, anna);
    const replied = cardOfResponse(await invoke(harness, invokeActivity(anna, 'reply', { ticketId: claimed.id, version: claimed.version, replyText: 'Das darf jeder Elternteil.' })));
    expect(replied.body[0]).toMatchObject({ text: 'Ihre Antwort wurde an die anfragende Person gesendet.', color: 'good' });
    expect(cardText(replied)).toContain('Das darf jeder Elternteil.');
    const afterReply = await harness.desk.tickets.getTicket(claimed.id);
    const noted = cardOfResponse(await invoke(harness, invokeActivity(anna, 'note', { ticketId: claimed.id, version: afterReply.version, noteText: 'Vorlage im Wiki ergänzen' })));
    expect(noted.body[0]).toMatchObject({ text: 'Die interne Notiz wurde gespeichert.' });
    const stored = await harness.desk.tickets.getTicket(claimed.id);
    expect(stored.messages.map((m) => [m.text, m.internal])).toEqual([
      ['Das darf jeder Elternteil.', false],
      ['Vorlage im Wiki ergänzen', true],
    ]);
    const toRequester = harness.outbox.notifications.filter((n) => n.kind === 'notify_requester');
    expect(toRequester).toEqual([
      { kind: 'notify_requester', ticketId: claimed.id, event: { type: 'claimed' } },
      { kind: 'notify_requester', ticketId: claimed.id, event: { type: 'advisor_replied', messageId: stored.messages[0]!.id } },
    ]);
  });

  it('asks for a text when the reply is empty', async () => {
    const harness = createAdvisorHarness();
    const claimed = await harness.desk.claim((await harness.openTicket()).id, anna);
    const card = cardOfResponse(await invoke(harness, invokeActivity(anna, 'reply', { ticketId: claimed.id, version: claimed.version, replyText: '   ' })));
    expect(card.body[0]).toMatchObject({ text: 'Bitte geben Sie einen Text ein.' });
    expect((await harness.desk.tickets.getTicket(claimed.id)).messages).toEqual([]);
  });

  it('changes the priority and forwards to another group', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const prioritised = cardOfResponse(await invoke(harness, invokeActivity(anna, 'priority', { ticketId: ticket.id, version: ticket.version, priority: 'urgent' })));
    expect(cardText(prioritised)).toContain('Priorität: Dringend');
    const current = await harness.desk.tickets.getTicket(ticket.id);
    const routed = cardOfResponse(await invoke(harness, invokeActivity(anna, 'route', { ticketId: ticket.id, version: current.version, groupId: 'technik' })));
    expect(routed.body[0]).toMatchObject({ text: 'An die Gruppe „Technik und Infrastruktur“ weitergeleitet.' });
    expect(await harness.desk.tickets.getTicket(ticket.id)).toMatchObject({ advisorGroup: 'technik', priority: 'urgent' });
    expect(harness.outbox.jobs.map((job) => job.key)).toContain(`post_card:${ticket.id}:technik:1`);
  });

  it('answers a failure to reach Teams with a 500-style response and changes nothing', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    harness.membership.failNext = 1;
    const response = await invoke(harness, invokeActivity(anna, 'claim', { ticketId: ticket.id, version: ticket.version }));
    expect(response.body).toMatchObject({ statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError' } });
    expect((await harness.desk.tickets.getTicket(ticket.id)).status).toBe('new');
  });

  it('answers in English for an English client', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const response = await invoke(harness, invokeActivity(outsider, 'claim', { ticketId: ticket.id, version: ticket.version }, { locale: 'en-US' }));
    expect(response.body.value).toContain('Only members of the advisor group "Datenschutz und Informationssicherheit" can do this.');
  });
});

describe('ticket card actions (Action.Submit fallback)', () => {
  it('claims, updates the card in place and tells a second advisor in the thread who has it', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    const value = { verb: 'claim', ticketId: ticket.id, version: ticket.version };
    await harness.adapter.processActivity(channelMessage(anna, '', { text: undefined, entities: [], value, replyToId: '1700000000001' }));
    expect(harness.adapter.activeQueue.splice(0)).toEqual([]);
    expect(harness.adapter.updates).toHaveLength(1);
    const update = harness.adapter.updates[0]!;
    expect(update).toMatchObject({ id: '1700000000001', type: 'message' });
    expect(cardText(update.attachments![0]!.content)).toContain('In Bearbeitung – Anna Beraterin');

    await harness.adapter.processActivity(channelMessage(ben, '', { text: undefined, entities: [], value, replyToId: '1700000000001' }));
    const replies = harness.adapter.activeQueue.splice(0);
    expect(replies.map((reply) => reply.text)).toEqual(['Bereits von Anna Beraterin übernommen.']);
    expect(cardText(harness.adapter.updates[1]!.attachments![0]!.content)).not.toContain('Bereits von');
    expect((await harness.desk.tickets.getTicket(ticket.id)).assignee?.id).toBe(anna.id);
  });

  it('refuses a forged submit or an outsider in the thread, and leaves requester submits to the dialogs', async () => {
    const harness = createAdvisorHarness();
    const ticket = await harness.openTicket();
    await harness.adapter.processActivity(channelMessage(anna, '', { text: undefined, value: { verb: 'claim', ticketId: ticket.id } }));
    expect(harness.adapter.activeQueue.splice(0).map((reply) => reply.text)).toEqual(['Diese Kartenaktion ist ungültig. Bitte laden Sie die Karte neu.']);
    await harness.adapter.processActivity(channelMessage(outsider, '', { text: undefined, value: { verb: 'claim', ticketId: ticket.id, version: 1 } }));
    expect(harness.adapter.activeQueue.splice(0).map((reply) => reply.text)).toEqual([expect.stringContaining('nur für Mitglieder')]);
    expect(harness.adapter.updates).toEqual([]);
    await harness.adapter.processActivity(channelMessage(anna, '', { text: undefined, value: { action: 'feedback', questionId: 'q-1', entryId: 'kb-1', helpful: true } }));
    expect(harness.adapter.activeQueue.splice(0).map((reply) => reply.text)).toEqual(['root: submit']);
  });
});
