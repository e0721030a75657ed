import { TICKET_PRIORITIES } from '../../domain/tickets/ticket';
import type { FaqEntry } from '../../domain/knowledge/faq-entry';
import { adaptiveCard, type AdaptiveCard, type CardElement, type SubmitAction } from '../cards/adaptive-card';
import type { TicketDraftSubmit, TicketFormSubmit } from '../cards/card-actions';
import { toPlainText } from '../cards/plain-text';
import { textsFor, type Lang } from '../texts';
import { requesterTextsFor, type RequesterTexts } from './requester-texts';
import { MAX_DESCRIPTION_LENGTH, MAX_MUNICIPALITY_LENGTH, MAX_SUBJECT_LENGTH, OTHER_CATEGORY, type TicketField, type TicketFields } from './ticket-fields';

/**
 * The create-ticket dialog's cards: the form, the FAQ suggestions shown once before submitting,
 * and the summary to confirm — each with its plain-text twin for channels without cards.
 */

/** What the form shows in its fields (prefill, or what the requester sent last time). */
export type FormValues = Partial<Record<TicketField, string>>;

export interface TicketFormInput {
  readonly draftId: string;
  readonly lang: Lang;
  readonly values: FormValues;
  /** The categories to choose from, "Sonstiges" last (see `categoryChoices`). */
  readonly categories: readonly string[];
  /** False when the municipality is remembered: it is shown, not asked. */
  readonly askMunicipality: boolean;
  /** The remembered municipality (shown when not asked). */
  readonly municipality: string | null;
  /** Fields a previous submit got wrong, to name above the form. */
  readonly problems?: readonly TicketField[];
}

/** The form: subject, description, category, urgency and (if not remembered) municipality. */
export function buildTicketFormCard(input: TicketFormInput): AdaptiveCard {
  const { draftId, lang, values, problems = [] } = input;
  const texts = requesterTextsFor(lang);
  const body: CardElement[] = [
    { type: 'TextBlock', text: texts.formTitle, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
    { type: 'TextBlock', text: texts.formIntro, wrap: true, isSubtle: true },
  ];
  if (problems.length > 0) body.push({ type: 'TextBlock', text: problemList(problems, texts), wrap: true, weight: 'bolder' });
  body.push(
    {
      type: 'Input.Text',
      id: 'subject',
      label: texts.labels.subject,
      placeholder: texts.placeholders.subject,
      value: values.subject,
      maxLength: MAX_SUBJECT_LENGTH,
      isRequired: true,
      errorMessage: texts.fieldErrors.subject,
    },
    {
      type: 'Input.Text',
      id: 'description',
      label: texts.labels.description,
      placeholder: texts.placeholders.description,
      value: values.description,
      isMultiline: true,
      maxLength: MAX_DESCRIPTION_LENGTH,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'category',
      label: texts.labels.category,
      style: 'compact',
      value: values.category,
      isRequired: true,
      errorMessage: texts.fieldErrors.category,
      choices: input.categories.map((category) => ({ title: categoryTitle(category, texts), value: category })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'urgency',
      label: texts.labels.urgency,
      style: 'compact',
      value: values.urgency ?? 'normal',
      isRequired: true,
      errorMessage: texts.fieldErrors.urgency,
      choices: TICKET_PRIORITIES.map((priority) => ({ title: texts.urgencyNames[priority], value: priority })),
    },
  );
  if (input.askMunicipality) {
    body.push({
      type: 'Input.Text',
      id: 'municipality',
      label: texts.labels.municipality,
      placeholder: texts.placeholders.municipality,
      value: values.municipality,
      maxLength: MAX_MUNICIPALITY_LENGTH,
      isRequired: true,
      errorMessage: texts.fieldErrors.municipality,
    });
  } else if (input.municipality) {
    body.push({ type: 'FactSet', facts: [{ title: texts.labels.municipality, value: input.municipality }] });
  }
  const next: SubmitAction<TicketFormSubmit> = { type: 'Action.Submit', title: texts.continueButton, data: { action: 'ticket_form', draftId } };
  const cancel: SubmitAction<TicketDraftSubmit> = {
    type: 'Action.Submit',
    title: texts.cancelButton,
    data: { action: 'ticket_draft', draftId, decision: 'cancel' },
    associatedInputs: 'none',
  };
  return adaptiveCard(lang, `${texts.formTitle}. ${texts.formIntro}`, `${texts.formTitle}\n\n${texts.formIntro}`, body, [next, cancel]);
}

/** "Vielleicht hilft das schon:" — each entry a button that unfolds its answer in place. */
export function buildSuggestionsCard(entries: readonly FaqEntry[], lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const { sourceLabel } = textsFor(lang);
  const titles = entries.map((entry, index) => `${index + 1}: ${entry.question}`).join('. ');
  return adaptiveCard(lang, `${texts.suggestionsTitle} ${titles}.`, renderSuggestionsText(entries, lang), [
    { type: 'TextBlock', text: texts.suggestionsTitle, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
    { type: 'TextBlock', text: texts.suggestionsHint, wrap: true, isSubtle: true },
    {
      type: 'ActionSet',
      actions: entries.map((entry) => ({
        type: 'Action.ShowCard',
        title: entry.question,
        card: {
          type: 'AdaptiveCard',
          body: [
            { type: 'TextBlock', text: entry.answer, wrap: true },
            { type: 'FactSet', facts: [{ title: sourceLabel, value: entry.source }] },
          ],
        },
      })),
    },
  ]);
}

/** The suggestions without cards: titles with their answers. */
export function renderSuggestionsText(entries: readonly FaqEntry[], lang: Lang): string {
  const texts = requesterTextsFor(lang);
  const { sourceLabel } = textsFor(lang);
  const items = entries.map((entry, index) => `${index + 1}. ${entry.question}\n${toPlainText(entry.answer)}\n${sourceLabel}: ${entry.source}`);
  return [texts.suggestionsTitle, ...items, texts.suggestionsPlainHint].join('\n\n');
}

/** The summary to confirm: "Absenden", "Ändern", "Abbrechen". */
export function buildSummaryCard(draftId: string, fields: TicketFields, lang: Lang): AdaptiveCard {
  const texts = requesterTextsFor(lang);
  const decide = (title: string, decision: TicketDraftSubmit['decision']): SubmitAction<TicketDraftSubmit> => ({
    type: 'Action.Submit',
    title,
    data: { action: 'ticket_draft', draftId, decision },
  });
  return adaptiveCard(lang, `${texts.summaryTitle}. ${fields.subject}`, renderSummaryText(fields, lang), [
    { type: 'TextBlock', text: texts.summaryTitle, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' },
    { type: 'FactSet', facts: summaryFacts(fields, texts) },
    { type: 'TextBlock', text: texts.labels.description, wrap: true, weight: 'bolder', spacing: 'medium' },
    { type: 'TextBlock', text: fields.description || texts.noDescription, wrap: true },
    { type: 'TextBlock', text: texts.summaryHint, wrap: true, isSubtle: true, spacing: 'medium' },
  ], [decide(texts.submitButton, 'submit'), decide(texts.editButton, 'edit'), decide(texts.cancelButton, 'cancel')]);
}

/** The summary without cards, ending with how to answer. */
export function renderSummaryText(fields: TicketFields, lang: Lang): string {
  const texts = requesterTextsFor(lang);
  const facts = summaryFacts(fields, texts).map((fact) => `${fact.title}: ${fact.value}`);
  const description = `${texts.labels.description}: ${fields.description || texts.noDescription}`;
  return [texts.summaryTitle, [...facts, description].join('\n'), texts.summaryPlainPrompt].join('\n\n');
}

/** A numbered list for the plain-text questions ("1. …"). */
export function numberedList(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}

/** How a category is shown: "Sonstiges" in the requester's language, the others as they are. */
export function categoryTitle(category: string, texts: RequesterTexts): string {
  return category === OTHER_CATEGORY ? texts.otherCategory : category;
}

function summaryFacts(fields: TicketFields, texts: RequesterTexts): { title: string; value: string }[] {
  return [
    { title: texts.labels.subject, value: fields.subject },
    { title: texts.labels.category, value: categoryTitle(fields.category, texts) },
    { title: texts.labels.urgency, value: texts.urgencyNames[fields.priority] },
    { title: texts.labels.municipality, value: fields.municipality },
  ];
}

function problemList(problems: readonly TicketField[], texts: RequesterTexts): string {
  return [texts.formInvalid, ...problems.map((field) => `- ${texts.fieldErrors[field]}`)].join('\n');
}
