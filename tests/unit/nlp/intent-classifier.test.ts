import { ExampleIntentClassifier } from '../../../src/nlp/intent-classifier';
import { loadProductIntents } from './nlp-fixtures';

describe('ExampleIntentClassifier', () => {
  const sut = new ExampleIntentClassifier(loadProductIntents());

  it.each([
    ['hallo', 'greeting', 'de'],
    ['Guten Morgen!', 'greeting', 'de'],
    ['hi there', 'greeting', 'en'],
    ['danke dir!!', 'thanks', 'de'],
    ['Vielen Dank', 'thanks', 'de'],
    ['thank you very much', 'thanks', 'en'],
    ['hilfe', 'help', 'de'],
    ['Was kannst du?', 'help', 'de'],
    ['what can you do', 'help', 'en'],
    ['Tschüss', 'goodbye', 'de'],
    ['bye', 'goodbye', 'en'],
    ['Ticket eröffnen', 'open_ticket', 'de'],
    ['open a ticket', 'open_ticket', 'en'],
    ['Status meiner Anfragen', 'my_tickets', 'de'],
    ['my tickets', 'my_tickets', 'en'],
    ['Ich möchte bitte mit einem echten Mitarbeiter sprechen', 'talk_to_human', 'de'],
    ['talk to a human', 'talk_to_human', 'en'],
  ])('recognises "%s" as %s (%s)', (text, intent, language) => {
    expect(sut.classifyWithLanguage(text)).toMatchObject({ intent, language });
  });

  it('tolerates a typo in an example word', () => {
    expect(sut.classify('dankeschon')?.intent).toBe('thanks');
    expect(sut.classify('bist du ein mensch oder eine maschiene')?.intent).toBe('help');
  });

  it.each([
    'Hilfe beim XRechnung-Empfang',
    'Wie melde ich einen Sicherheitsvorfall?',
    'Ticket-System für Bürgeranfragen?',
    'Wie lange dauert die Bearbeitung einer Ticket-Anfrage?',
    'Hilfe, bei uns sind alle Dateien verschlüsselt – was machen wir jetzt?',
    'Wie stelle ich eine Anfrage über das Ticket-Formular?',
    'Danke für die Info zur DSFA, wann ist sie erforderlich?',
  ])('does not hijack the FAQ question "%s"', (text) => {
    expect(sut.classify(text)).toBeNull();
  });

  it('returns null for empty, long or odd input', () => {
    expect(sut.classify('')).toBeNull();
    expect(sut.classify('hallo '.repeat(100))).toBeNull();
    expect(sut.classify('😀')).toBeNull();
  });
});
