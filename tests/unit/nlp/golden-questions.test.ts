import { ExampleIntentClassifier } from '../../../src/nlp/intent-classifier';
import { createLoadedEngine, loadProductIntents } from './nlp-fixtures';

/**
 * Golden questions on the 12 fixture entries, the way municipal staff type them: what the bot must
 * answer, and what it must not answer. The pipeline is the product's: intents first, then the engine.
 */
describe('golden questions', () => {
  const engine = createLoadedEngine();
  const intents = new ExampleIntentClassifier(loadProductIntents());

  it.each([
    ['Wann brauchen wir eine DSFA?', 't-01'],
    ['Datenschutz-Folgenabschätzung bei Videoüberwachung nötig?', 't-01'],
    ['XRechnung empfangen – wie geht das technisch?', 't-02'],
    ['Wir haben einen Hackerangriff – wem müssen wir das melden?', 't-03'],
    ['Wie lang muss ein Kennwort sein?', 't-04'],
    ['Was ist die BundID?', 't-05'],
    ['Wie stellen wir Open Data bereit?', 't-06'],
    ['Muss unsere Homepage barrierefrei sein?', 't-07'],
    ['Wie eröffne ich eine Anfrage über das Ticket-Formular?', 't-08'],
    ['Backup Konzept gegen Erpressungstrojaner', 't-09'],
    ['Was ist bei der Einführung einer elektronischen Akte zu beachten?', 't-10'],
    ['Brauchen wir einen AVV mit unserem Hosting-Dienstleister?', 't-11'],
    ['Gibt es Fortbildungen zum E-Government?', 't-12'],
  ])('"%s" ranks %s first', (question, expected) => {
    expect(intents.classify(question)).toBeNull();
    expect(engine.answer(question).candidates[0]?.entryId).toBe(expected);
  });

  it.each(['Wie wird das Wetter morgen in Stuttgart?', 'Was gibt es heute in der Kantine?', 'Wer hat gestern das Spiel gewonnen?'])(
    'does not answer the off-topic question "%s"',
    (question) => {
      expect(engine.answer(question).outcome).toBe('none');
    },
  );

  it.each(['hallo', 'danke!', 'hilfe'])('treats "%s" as an intent, not a question', (text) => {
    expect(intents.classify(text)).not.toBeNull();
  });
});
