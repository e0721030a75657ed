import type { SlaClock } from '../../domain/tickets/sla-policy';
import type { Lang } from '../texts';
import type { AdvisorTexts } from './advisor-texts';

/** The time zone of the cooperation's office: due times are shown on its wall clock. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "10.03.2026, 16:00" (German) or "10/03/2026, 16:00" (English) in `timeZone`. */
export function formatDateTime(iso: string, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string {
  const key = `${lang}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** One SLA clock in words: "bald fällig (fällig 10.03.2026, 16:00)", "erledigt am …". */
export function formatSlaClock(clock: SlaClock, texts: AdvisorTexts, lang: Lang, timeZone: string): string {
  const due = formatDateTime(clock.due, lang, timeZone);
  if (clock.stoppedAt !== null) return texts.slaStopped(clock.state, formatDateTime(clock.stoppedAt, lang, timeZone), due);
  return texts.slaRunning(texts.sla[clock.state], due);
}

/** Cuts a long text for the card (the full text stays on the ticket). */
export function shorten(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
