import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import type { FaqEntryFields } from '../../../src/domain/knowledge/faq-entry-validation';
import type { EditAuthor } from '../../../src/domain/knowledge/knowledge-version';

/** Editorial fields that pass the FAQ schema; override what a test is about. */
export function faqFields(overrides: Partial<FaqEntryFields> = {}): FaqEntryFields {
  return {
    question: 'Wie empfangen wir XRechnungen?',
    alternativeQuestions: ['XRechnung Empfang', 'Wie kommen E-Rechnungen bei uns an?'],
    answer: 'Über die **zentrale Rechnungseingangsplattform** des Landes oder per PEPPOL.',
    category: 'Zahlung und Rechnung',
    tags: ['xrechnung', 'e-rechnung'],
    source: 'E-Rechnungsverordnung des Landes',
    owner: 'Team Onlinezugang',
    reviewDate: '2027-01-31',
    status: 'published',
    ...overrides,
  };
}

/** A valid entry with the given id. */
export function faqEntry(id: string, overrides: Partial<FaqEntryFields> = {}): FaqEntry {
  return { id, ...faqFields(overrides) };
}

export const ADMIN_ANNA: EditAuthor = { id: 'aad-anna', name: 'Anna Admin' };
export const ADMIN_BERND: EditAuthor = { id: 'aad-bernd', name: 'Bernd Berater' };
