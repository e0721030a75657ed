import type { Activity } from 'botbuilder';
import { choicesResult, noneResult } from '../../support/fakes/fake-answer-engine';
import { AMBIGUOUS_QUESTION, button, cardOf, cardText, CLEAR_QUESTION, converse, message, submit } from '../support/bot-harness';
import { fill, inputIds, inputOf, showCardTitles } from './support/card-helpers';
import { createTicketHarness, seedTicket, TENANT_ID, type TicketHarness } from './support/ticket-harness';

const QUESTION = 'Wie bekommen wir einen Zugang zum Rechnungseingangsportal?';
const DESCRIPTION = 'Unser alter Zugang ist abgelaufen, die zuständige Kollegin ist nicht mehr im Haus.';
const FORWARD = 'An die Berater:innen weitergeben';

/** A Teams personal chat of Erika (AAD object id `aad-erika`) in the Musterstadt tenant. */
const TEAMS: Partial<Activity> = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:erika', name: 'Erika Muster', aadObjectId: 'aad-erika' },
  conversation: { id: 'a:personal-erika', conversationType: 'personal', isGroup: false, name: '' },
  channelData: { tenant: { id: TENANT_ID } },
};

function scriptQuestion(harness: TicketHarness): void {
  harness.engine.script(QUESTION, noneResult('kb-002'));
  harness.engine.script(`${QUESTION} ${DESCRIPTION}`, choicesResult('kb-001', 'kb-003'));
}

/** Asks the question Lotse cannot answer and clicks "An die Berater:innen weitergeben": the form. */
async function openFormFromNoAnswer(harness: TicketHarness): Promise<Partial<Activity>> {
  const [[noAnswer]] = await converse(harness, QUESTION);
  const [[form]] = await converse(harness, submit(button(cardOf(noAnswer!), FORWARD).data));
  return form!;
}

describe('opening a ticket with the card form', () => {
  let harness: TicketHarness;

  beforeEach(async () => {
    harness = await createTicketHarness();
    scriptQuestion(harness);
  });

  it('from "no answer": form, suggestions once, summary, Absenden — the ticket keeps question, candidates, reference and municipality', async () => {
    const teams = await createTicketHarness(TEAMS);
    scriptQuestion(teams);
    const [[noAnswer, ...rest]] = await converse(teams, QUESTION);
    expect(rest).toEqual([]);
    expect(noAnswer?.text).toMatch(/^Dazu habe ich leider keine passende Antwort/);
    expect(button(cardOf(noAnswer!), FORWARD).data).toEqual({ action: 'handoff', questionId: 'q-1' });

    const [[form]] = await converse(teams, submit(button(cardOf(noAnswer!), FORWARD).data));
    const formCard = cardOf(form!);
    expect(cardText(formCard)).toContain('Anfrage an die Berater:innen');
    expect(inputOf(formCard, 'subject')).toMatchObject({ value: QUESTION, maxLength: 200, isRequired: true });
    expect(inputOf(formCard, 'description')).toMatchObject({ isMultiline: true });
    expect(inputOf(formCard, 'category')).toMatchObject({
      choices: [
        { title: 'E-Rechnung', value: 'E-Rechnung' },
        { title: 'Nutzerkonten', value: 'Nutzerkonten' },
        { title: 'Sonstiges', value: 'Sonstiges' },
      ],
    });
    expect(inputOf(formCard, 'urgency')).toMatchObject({ value: 'normal', choices: [{ title: 'niedrig' }, { title: 'normal' }, { title: 'hoch' }, { title: 'dringend' }] });
    expect(inputOf(formCard, 'municipality')).toMatchObject({ value: 'Musterstadt' });
    expect(button(formCard, 'Weiter').data).toEqual({ action: 'ticket_form', draftId: 'q-2' });

    const values = { subject: QUESTION, description: DESCRIPTION, category: 'E-Rechnung', urgency: 'high', municipality: 'Musterstadt' };
    const [[suggestions, summary, ...more]] = await converse(teams, submit(fill(form!, 'Weiter', values)));
    expect(more).toEqual([]);
    expect(cardText(cardOf(suggestions!))).toMatch(/^Vielleicht hilft das schon:/);
    expect(showCardTitles(cardOf(suggestions!))).toEqual(['Wie können wir XRechnungen technisch empfangen?', 'Wie prüfen wir eingehende XRechnungen auf Gültigkeit?']);
    const summaryCard = cardOf(summary!);
    expect(cardText(summaryCard)).toContain('Bitte prüfen Sie Ihre Anfrage');
    expect(cardText(summaryCard)).toContain('Dringlichkeit: hoch');
    expect(cardText(summaryCard)).toContain('Ihre Kommune: Musterstadt');
    expect(summaryCard.actions.map((action) => action.title)).toEqual(['Absenden', 'Ändern', 'Abbrechen']);
    expect(teams.tickets()).toEqual([]);

    const [[created, ...after]] = await converse(teams, submit(button(summaryCard, 'Absenden').data));
    expect(after).toEqual([]);
    expect(created?.text).toMatch(/^Vielen Dank! Ihre Anfrage ist unter der Nummer LOT-2026-000001 eingegangen\./);
    expect(created?.text).toContain('Die Berater:innen der zuständigen Gruppe sind benachrichtigt.');
    expect(created?.text).toContain('Sie antworten Ihnen hier im Chat.');
    expect(created?.text).toContain('„Meine Anfragen“');

    const [ticket] = teams.tickets();
    expect(ticket).toMatchObject({
      number: 'LOT-2026-000001',
      status: 'new',
      subject: QUESTION,
      description: DESCRIPTION,
      originalQuestion: QUESTION,
      category: 'E-Rechnung',
      advisorGroup: 'e-rechnung',
      priority: 'high',
      requester: { id: 'aad-erika', displayName: 'Erika Muster', municipality: 'Musterstadt' },
      candidates: [{ entryId: 'kb-002', score: 1, confidence: 0.1 }],
      idempotencyKey: 'a:personal-erika:q-2',
      conversationReference: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: { id: 'a:personal-erika' },
        user: { id: '29:erika', aadObjectId: 'aad-erika' },
      },
    });
    expect(teams.outbox.notifications).toEqual([{ kind: 'post_card', ticketId: ticket!.id }]);
  });

  it('offers the button under an answer and under choices, with the question id', async () => {
    const [[answer], [choices]] = await converse(harness, CLEAR_QUESTION, AMBIGUOUS_QUESTION);
    expect(cardOf(answer!).actions.map((action) => [action.title, action.data])).toEqual([
      ['Ja', { action: 'feedback', questionId: 'q-1', entryId: 'kb-001', helpful: true }],
      ['Nein', { action: 'feedback', questionId: 'q-1', entryId: 'kb-001', helpful: false }],
      [FORWARD, { action: 'handoff', questionId: 'q-1' }],
    ]);
    expect(cardOf(choices!).actions.at(-1)).toMatchObject({ title: FORWARD, data: { action: 'handoff', questionId: 'q-2' } });
  });

  it('from an answer: subject prefilled, category of the answer preselected, the shown answer not suggested again', async () => {
    harness.engine.script(`${CLEAR_QUESTION} ${DESCRIPTION}`, choicesResult('kb-001', 'kb-003'));
    const [[answer]] = await converse(harness, CLEAR_QUESTION);
    const [[form]] = await converse(harness, submit(button(cardOf(answer!), FORWARD).data));
    expect(inputOf(cardOf(form!), 'subject')).toMatchObject({ value: CLEAR_QUESTION });
    expect(inputOf(cardOf(form!), 'category')).toMatchObject({ value: 'E-Rechnung' });
    const values = { subject: CLEAR_QUESTION, description: DESCRIPTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Beispielhausen' };
    const [[suggestions]] = await converse(harness, submit(fill(form!, 'Weiter', values)));
    expect(showCardTitles(cardOf(suggestions!))).toEqual(['Wie prüfen wir eingehende XRechnungen auf Gültigkeit?']);
  });

  it('asks the municipality once and remembers it for the next ticket', async () => {
    const form = await openFormFromNoAnswer(harness);
    expect(inputOf(cardOf(form), 'municipality')).not.toHaveProperty('value', expect.any(String));
    const [[summary]] = await converse(harness, submit(fill(form, 'Weiter', { subject: 'Erstes Anliegen', category: 'Sonstiges', urgency: 'low', municipality: 'Beispielhausen' })));
    await converse(harness, submit(button(cardOf(summary!), 'Absenden').data));

    const [[secondForm]] = await converse(harness, 'Ticket eröffnen');
    expect(inputIds(cardOf(secondForm!))).toEqual(['subject', 'description', 'category', 'urgency']);
    expect(cardText(cardOf(secondForm!))).toContain('Ihre Kommune: Beispielhausen');
    const [[secondSummary]] = await converse(harness, submit(fill(secondForm!, 'Weiter', { subject: 'Zweites Anliegen', category: 'Nutzerkonten', urgency: 'normal', municipality: 'Gefälscht' })));
    await converse(harness, submit(button(cardOf(secondSummary!), 'Absenden').data));
    expect(harness.tickets().map((ticket) => [ticket.subject, ticket.requester.municipality, ticket.originalQuestion])).toEqual([
      ['Erstes Anliegen', 'Beispielhausen', QUESTION],
      ['Zweites Anliegen', 'Beispielhausen', ''],
    ]);
  });

  it('from free text asks for the subject: nothing prefilled, no question on the ticket', async () => {
    const [[form, ...rest]] = await converse(harness, 'Ich will einen Mensch sprechen');
    expect(rest).toEqual([]);
    expect(inputOf(cardOf(form!), 'subject')).not.toHaveProperty('value', expect.any(String));
    const [[summary]] = await converse(harness, submit(fill(form!, 'Weiter', { subject: 'Rückruf erbeten', category: 'Sonstiges', urgency: 'normal', municipality: 'Musterstadt' })));
    expect(cardText(cardOf(summary!))).toContain('Kategorie: Sonstiges');
    await converse(harness, submit(button(cardOf(summary!), 'Absenden').data));
    expect(harness.tickets()).toMatchObject([{ subject: 'Rückruf erbeten', originalQuestion: '', candidates: [], category: 'Sonstiges', advisorGroup: 'allgemein' }]);
  });

  it('creates one ticket for a double click on the form and on "Absenden"', async () => {
    const form = await openFormFromNoAnswer(harness);
    const values = fill(form, 'Weiter', { subject: QUESTION, description: DESCRIPTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Musterstadt' });
    const [[, summary], [again]] = await converse(harness, submit(values), submit(values));
    expect(again?.text).toMatch(/^Ihre Angaben sind übernommen\./);
    const absenden = submit(button(cardOf(summary!), 'Absenden').data);
    const [[created], [second]] = await converse(harness, absenden, absenden);
    expect(created?.text).toContain('LOT-2026-000001');
    expect(second?.text).toBe('Diese Anfrage ist bereits unter der Nummer LOT-2026-000001 eingegangen.');
    expect(harness.tickets()).toHaveLength(1);
    expect(harness.outbox.notifications).toHaveLength(1);
  });

  it('returns the same ticket when Teams retries "Absenden" after the first try lost its state', async () => {
    const form = await openFormFromNoAnswer(harness);
    const [[summary]] = await converse(harness, submit(fill(form, 'Weiter', { subject: QUESTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Musterstadt' })));
    const before = { ...harness.memory };
    const absenden = submit(button(cardOf(summary!), 'Absenden').data, { id: 'activity-absenden' });
    const [[created]] = await converse(harness, absenden);
    // The retry arrives as if the first turn had never saved its state.
    Object.keys(harness.memory).forEach((key) => delete harness.memory[key]);
    Object.assign(harness.memory, before);
    const [[retried]] = await converse(harness, absenden);
    expect(retried?.text).toBe(created?.text);
    expect(harness.tickets()).toHaveLength(1);
  });

  it.each([
    ['a subject over 200 characters', { subject: 'x'.repeat(201) }, ['Bitte geben Sie einen Betreff mit höchstens 200 Zeichen an.']],
    ['an empty subject', { subject: '   ' }, ['Bitte geben Sie einen Betreff']],
    ['a subject that is no text', { subject: { $ne: null } }, ['Bitte geben Sie einen Betreff']],
    ['a category that was not offered', { category: 'Gehälter' }, ['Bitte wählen Sie eine Kategorie aus der Liste.']],
    ['an unknown urgency', { urgency: 'sofort' }, ['Bitte wählen Sie eine Dringlichkeit aus der Liste.']],
    ['a missing municipality', { municipality: undefined }, ['Bitte nennen Sie Ihre Kommune']],
    ['a description over 5,000 characters', { description: 'y'.repeat(5001) }, ['Die Beschreibung darf höchstens 5.000 Zeichen lang sein.']],
    ['everything missing', { subject: undefined, category: undefined, urgency: undefined, municipality: undefined }, ['Betreff', 'Kategorie', 'Dringlichkeit', 'Kommune']],
  ])('refuses %s: a polite error and the form again, nothing created', async (_case, override, expected) => {
    const form = await openFormFromNoAnswer(harness);
    const values = fill(form, 'Weiter', { subject: QUESTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Musterstadt', ...override });
    const [[again, ...rest]] = await converse(harness, submit(JSON.parse(JSON.stringify(values))));
    expect(rest).toEqual([]);
    const text = cardText(cardOf(again!));
    expect(text).toContain('Ihre Angaben sind leider noch nicht vollständig. Bitte prüfen Sie:');
    for (const part of expected) expect(text).toContain(part);
    expect(button(cardOf(again!), 'Weiter').data).toEqual({ action: 'ticket_form', draftId: 'q-2' });
    expect(harness.tickets()).toEqual([]);
    // The corrected form goes on as usual.
    const [[summary]] = await converse(harness, submit(fill(again!, 'Weiter', { subject: QUESTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Musterstadt' })));
    expect(cardText(cardOf(summary!))).toContain('Bitte prüfen Sie Ihre Anfrage');
  });

  it("does not forward someone else's question, and a forged question id", async () => {
    await converse(harness, QUESTION);
    const [[refused], [unknown]] = await converse(
      harness,
      submit({ action: 'handoff', questionId: 'q-1' }, { from: { id: 'user2', name: 'Max' } }),
      submit({ action: 'handoff', questionId: 'q-404' }),
    );
    expect(refused?.text).toBe('Diese Auswahl kann ich leider nicht zuordnen. Bitte stellen Sie Ihre Frage einfach noch einmal.');
    expect(unknown?.text).toBe(refused?.text);
  });

  it('"Ändern" shows the form again with the values; the suggestions are not shown twice', async () => {
    const form = await openFormFromNoAnswer(harness);
    const [[suggestions, summary]] = await converse(harness, submit(fill(form, 'Weiter', { subject: QUESTION, description: DESCRIPTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Musterstadt' })));
    expect(cardText(cardOf(suggestions!))).toMatch(/^Vielleicht hilft das schon:/);
    const [[edit]] = await converse(harness, submit(button(cardOf(summary!), 'Ändern').data));
    expect(inputOf(cardOf(edit!), 'description')).toMatchObject({ value: DESCRIPTION });
    expect(inputOf(cardOf(edit!), 'municipality')).toMatchObject({ value: 'Musterstadt' });
    const [[secondSummary, ...rest]] = await converse(harness, submit(fill(edit!, 'Weiter', { subject: QUESTION, description: DESCRIPTION, category: 'E-Rechnung', urgency: 'urgent', municipality: 'Musterstadt' })));
    expect(rest).toEqual([]);
    expect(cardText(cardOf(secondSummary!))).toContain('Dringlichkeit: dringend');
    await converse(harness, submit(button(cardOf(secondSummary!), 'Absenden').data));
    expect(harness.tickets()).toMatchObject([{ priority: 'urgent', idempotencyKey: 'Convo1:q-2' }]);
  });

  it('"Abbrechen" (button or typed) discards the draft', async () => {
    const form = await openFormFromNoAnswer(harness);
    const [[cancelled]] = await converse(harness, submit(button(cardOf(form), 'Abbrechen').data));
    expect(cancelled?.text).toMatch(/^Gut, ich habe die Anfrage verworfen\./);
    const [[stale]] = await converse(harness, submit(fill(form, 'Weiter', { subject: 'x', category: 'Sonstiges', urgency: 'low', municipality: 'M' })));
    expect(stale?.text).toMatch(/^Dieses Formular ist nicht mehr aktiv\./);
    const [[second]] = await converse(harness, 'Ticket eröffnen');
    const [[typed]] = await converse(harness, 'abbrechen');
    expect(second?.attachments).toHaveLength(1);
    expect(typed?.text).toMatch(/^Gut, ich habe die Anfrage verworfen\./);
    expect(harness.tickets()).toEqual([]);
  });

  it('answers a question typed while the form is open and gives the draft up', async () => {
    const form = await openFormFromNoAnswer(harness);
    const [[answer]] = await converse(harness, CLEAR_QUESTION);
    expect(cardOf(answer!).body[0]).toMatchObject({ text: 'Wie können wir XRechnungen technisch empfangen?' });
    const [[stale]] = await converse(harness, submit(fill(form, 'Weiter', { subject: QUESTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'M' })));
    expect(stale?.text).toMatch(/^Dieses Formular ist nicht mehr aktiv\./);
    expect(harness.tickets()).toEqual([]);
  });

  it('tells honestly when the store fails on "Absenden", keeps the draft, and the next click creates the ticket', async () => {
    const form = await openFormFromNoAnswer(harness);
    const [[, summary]] = await converse(harness, submit(fill(form, 'Weiter', { subject: QUESTION, description: DESCRIPTION, category: 'E-Rechnung', urgency: 'normal', municipality: 'Musterstadt' })));
    harness.repository.failWrites = true;
    const absenden = submit(button(cardOf(summary!), 'Absenden').data);
    const [[failed, ...rest]] = await converse(harness, absenden);
    expect(rest).toEqual([]);
    expect(failed?.text).toBe('Ihre Anfrage konnte gerade nicht gespeichert werden. Ihre Angaben bleiben erhalten: Bitte klicken Sie gleich erneut auf „Absenden“.');
    expect(harness.tickets()).toEqual([]);

    harness.repository.failWrites = false;
    const [[created]] = await converse(harness, absenden);
    expect(created?.text).toMatch(/unter der Nummer LOT-2026-000001 eingegangen/);
    expect(harness.tickets()).toMatchObject([{ subject: QUESTION, description: DESCRIPTION }]);
  });

  it('forwards the question with a typed "ja" after "no answer"', async () => {
    const [[noAnswer]] = await converse(harness, QUESTION);
    expect(noAnswer?.text).toMatch(/keine passende Antwort/);
    const [[form]] = await converse(harness, 'ja');
    expect(inputOf(cardOf(form!), 'subject')).toMatchObject({ value: QUESTION });
  });
});

describe('opening a ticket in English', () => {
  it('words the form, summary and confirmation in English', async () => {
    const harness = await createTicketHarness({ locale: 'en-US' });
    const [[form]] = await converse(harness, 'open a ticket');
    const formCard = cardOf(form!);
    expect(cardText(formCard)).toMatch(/^Request to the advisors\nDescribe what you need\./);
    expect(inputOf(formCard, 'subject')).toMatchObject({ label: 'Subject' });
    expect(inputOf(formCard, 'category')).toMatchObject({ choices: expect.arrayContaining([{ title: 'Other', value: 'Sonstiges' }]) });
    expect(inputOf(formCard, 'urgency')).toMatchObject({ choices: [{ title: 'low' }, { title: 'normal' }, { title: 'high' }, { title: 'urgent' }] });
    expect(formCard.actions.map((action) => action.title)).toEqual(['Continue', 'Cancel']);
    const [[refused]] = await converse(harness, submit(fill(form!, 'Continue', { subject: '' })));
    expect(cardText(cardOf(refused!))).toContain('Some details are still missing. Please check:\n- Please enter a subject of at most 200 characters.');
    const [[summary]] = await converse(harness, submit(fill(form!, 'Continue', { subject: 'Printer', category: 'Sonstiges', urgency: 'low', municipality: 'Musterstadt' })));
    expect(cardText(cardOf(summary!))).toContain('Please check your request\nSubject: Printer\nCategory: Other\nUrgency: low\nYour municipality: Musterstadt');
    expect(cardOf(summary!).actions.map((action) => action.title)).toEqual(['Submit', 'Edit', 'Cancel']);
    const [[created]] = await converse(harness, submit(button(cardOf(summary!), 'Submit').data));
    expect(created?.text).toMatch(/^Thank you! Your request has been received as LOT-2026-000001\./);
    expect(created?.text).toContain('"My requests" shows the status at any time.');
  });
});

describe('in a channel or group chat', () => {
  it('offers no forwarding and keeps tickets and their numbers to the personal chat', async () => {
    const harness = await createTicketHarness({ conversation: { id: 'group-1', isGroup: true, conversationType: 'groupChat', name: 'Team' } });
    harness.engine.script(QUESTION, noneResult('kb-002'));
    const ticket = await seedTicket(harness, 'waiting');
    const [[answer], [noAnswer], [request], [list], [number]] = await converse(harness, CLEAR_QUESTION, QUESTION, 'Ticket eröffnen', 'Meine Anfragen', 'LOT-2026-000001');
    expect(cardOf(answer!).actions.map((action) => action.title)).toEqual(['Ja', 'Nein']);
    expect(noAnswer?.attachments ?? []).toEqual([]);
    const personalOnly = /^Anfragen an die Berater:innen und ihren Stand bespreche ich zum Schutz Ihrer Daten nur im persönlichen Chat\./;
    expect(request?.text).toMatch(personalOnly);
    expect(list?.text).toMatch(personalOnly);
    expect(number?.text).toMatch(/keine passende Antwort/);
    const [[confirmed]] = await converse(harness, submit({ action: 'ticket_confirm_resolved', ticketId: ticket.id }));
    expect(confirmed?.text).toMatch(personalOnly);
    expect(harness.tickets()).toHaveLength(1);
  });
});

describe('without tickets set up', () => {
  it('shows no forward button and answers ticket requests with where to turn instead', async () => {
    const { createHarness } = await import('../support/bot-harness');
    const plain = await createHarness();
    const [[answer], [noAnswer], [request]] = await converse(plain, CLEAR_QUESTION, message(QUESTION), 'Ticket eröffnen');
    expect(cardOf(answer!).actions.map((action) => action.title)).toEqual(['Ja', 'Nein']);
    expect(noAnswer?.attachments ?? []).toEqual([]);
    expect(request?.text).toMatch(/Geschäftsstelle der Kooperation/);
  });
});
