import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';

function entry(fields: Pick<FaqEntry, 'id' | 'question' | 'answer' | 'category' | 'source'> & Partial<FaqEntry>): FaqEntry {
  return {
    alternativeQuestions: [],
    tags: [],
    owner: 'Team E-Rechnung',
    reviewDate: '2026-12-31',
    status: 'published',
    ...fields,
  };
}

/** Receiving XRechnungen: the entry the user story's question should find. */
export const XRECHNUNG_RECEIVE = entry({
  id: 'kb-001',
  question: 'Wie können wir XRechnungen technisch empfangen?',
  answer:
    'Öffentliche Auftraggeber müssen **elektronische Rechnungen** empfangen können. Technisch gibt es drei Wege:\n\n- über die zentrale Rechnungseingangsplattform des Landes\n- per PEPPOL\n- per E-Mail an ein eigenes Postfach\n\nDetails: [Leitfaden E-Rechnung](https://example.org/leitfaden)',
  category: 'E-Rechnung',
  source: 'E-Rechnungsverordnung des Landes, § 4; Kochbuch der Kooperation, Kapitel 3',
});

export const XRECHNUNG_SEND = entry({
  id: 'kb-002',
  question: 'Wie versenden wir XRechnungen an Lieferanten?',
  answer: 'Für den Versand nutzen Sie das Fachverfahren der Finanzbuchhaltung mit XRechnung-Export.',
  category: 'E-Rechnung',
  source: 'Kochbuch der Kooperation, Kapitel 3.2',
});

export const XRECHNUNG_VALIDATE = entry({
  id: 'kb-003',
  question: 'Wie prüfen wir eingehende XRechnungen auf Gültigkeit?',
  answer: 'Prüfen Sie eingehende Rechnungen mit dem KoSIT-Validator.',
  category: 'E-Rechnung',
  source: 'KoSIT, Validator-Dokumentation',
});

export const BUNDID = entry({
  id: 'kb-010',
  question: 'Was brauchen wir für den Anschluss an die BundID?',
  answer: 'Sie benötigen eine Anbindung über die Schnittstelle Ihres Onlinedienste-Portals und einen Vertrag mit dem Betreiber.',
  category: 'Nutzerkonten',
  source: 'OZG-Leitfaden BundID, Version 2.1',
  owner: 'Team OZG',
});

/** Retired since it was offered: no longer answerable. */
export const RETIRED = entry({
  id: 'kb-099',
  question: 'Wie beantragen wir Fördermittel aus dem Modellprogramm?',
  answer: 'Das Programm ist beendet.',
  category: 'Förderung',
  source: 'Förderrichtlinie 2019',
  status: 'retired',
});

export const SAMPLE_FAQ: readonly FaqEntry[] = [XRECHNUNG_RECEIVE, XRECHNUNG_SEND, XRECHNUNG_VALIDATE, BUNDID, RETIRED];
