import type { FaqStatus } from '../../../domain/knowledge/faq-entry';
import type { VersionChange } from '../../../domain/knowledge/knowledge-version';

/** German labels of the FAQ statuses. */
export const STATUS_LABELS: Readonly<Record<FaqStatus, string>> = {
  draft: 'Entwurf',
  published: 'Veröffentlicht',
  retired: 'Zurückgezogen',
};

/** German labels of the entry fields (editor, versions page). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'ID',
  question: 'Frage',
  alternativeQuestions: 'Alternative Fragen',
  answer: 'Antwort',
  category: 'Kategorie',
  tags: 'Schlagwörter',
  source: 'Quelle',
  owner: 'Verantwortlich',
  reviewDate: 'Wiedervorlage',
  status: 'Status',
};

export function changeLabel(change: VersionChange, restoredFrom: number | null): string {
  switch (change) {
    case 'created':
      return 'Angelegt';
    case 'updated':
      return 'Geändert';
    case 'restored':
      return `Version ${restoredFrom ?? '?'} wiederhergestellt`;
    case 'imported':
      return 'Aus Datei importiert (Dashboard)';
    case 'baseline':
      return 'Stand vor der ersten Bearbeitung';
  }
}

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const DATE = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });

/** An ISO timestamp as German date and time (Berlin). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/** A `YYYY-MM-DD` date as German date. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : DATE.format(date);
}

/** Today's date in Berlin as `YYYY-MM-DD`. */
export function berlinToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}
