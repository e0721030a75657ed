import { MessageFactory, type TurnContext } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type Dialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { TICKET_PRIORITIES, type TicketPriority } from '../src/domain/tickets/ticket';
import {
  categoryChoices,
  prefillFromQuestion,
  readCategory,
  readDescription,
  readMunicipality,
  readSubject,
  readUrgency,
  type TextAnswer,
  type TicketField,
  type TicketFields,
} from '../src/bot/tickets/ticket-fields';
import { categoryTitle, numberedList } from '../src/bot/tickets/ticket-draft.cards';
import { requesterTextsFor, type RequesterTexts } from '../src/bot/tickets/requester-texts';
import { turnFactsOf } from '../src/bot/turn-facts';
import type { DialogDeps } from './dialog-deps';
import { tenantIdOf } from './ticket-dialog-support';
import { isKeepWord, type TicketDraft } from './ticket-draft';

export const TICKET_TEXT_FORM_DIALOG_ID = 'create-ticket.text-form';
const TEXT_PROMPT_ID = 'create-ticket.text-prompt';

/** One question of the plain-text dialog, kept in the prompt's options so the answer is read the same way twice. */
interface Question {
  readonly field: TicketField;
  /** The value "weiter" / "ja" keeps (the draft's, the prefill or the suggested municipality); null for none. */
  readonly keep: string | null;
  /** Categories offered, by number. */
  readonly choices: readonly string[];
}

/** The waterfall's values. */
interface Collected {
  draft: TicketDraft;
  answers: Partial<Record<TicketField, string>>;
  question?: Question;
}

/**
 * The create-ticket dialog for channels without cards: subject, description, category by
 * number, urgency by number and — while not remembered, or when editing — the municipality, one
 * question at a time. Values already known (the question, the draft being edited) are kept with
 * "weiter". "abbrechen" is handled by the create-ticket dialog around it. Ends with the checked
 * {@link TicketFields}.
 */
export function createTicketTextFormDialogs(deps: DialogDeps): Dialog[] {
  const ask = async (step: WaterfallStepContext, field: TicketField, keep: string | null, choices: readonly string[] = []) => {
    const question: Question = { field, keep, choices };
    (step.values as Collected).question = question;
    const text = questionText(question, requesterTextsFor(turnFactsOf(step.context.activity).lang));
    return step.prompt(TEXT_PROMPT_ID, { prompt: MessageFactory.text(text), validations: question });
  };
  const store = (step: WaterfallStepContext): void => {
    const values = step.values as Collected;
    const answer = values.question && typeof step.result === 'string' ? readAnswer(values.question, step.result) : { ok: false as const };
    if (values.question && answer.ok) values.answers[values.question.field] = answer.value;
  };
  const current = (step: WaterfallStepContext): Partial<Record<TicketField, string>> => {
    const { draft } = step.values as Collected;
    if (draft.fields) {
      const { subject, description, category, priority, municipality } = draft.fields;
      return { subject, description, category, urgency: priority, municipality };
    }
    return draft.origin ? prefillFromQuestion(draft.origin.text) : {};
  };

  const steps = new WaterfallDialog(TICKET_TEXT_FORM_DIALOG_ID, [
    async (step) => {
      const draft = step.options as TicketDraft;
      (step.values as Collected).draft = draft;
      (step.values as Collected).answers = {};
      if (!draft.fields) await step.context.sendActivity(requesterTextsFor(turnFactsOf(step.context.activity).lang).textIntro);
      return ask(step, 'subject', current(step).subject || null);
    },
    async (step) => {
      store(step);
      return ask(step, 'description', current(step).description || null);
    },
    async (step) => {
      store(step);
      return ask(step, 'category', current(step).category ?? null, categoryChoices(deps.categories()));
    },
    async (step) => {
      store(step);
      return ask(step, 'urgency', current(step).urgency ?? null);
    },
    async (step) => {
      store(step);
      const { draft, answers } = step.values as Collected;
      const remembered = (await deps.tickets?.municipality.get(step.context)) ?? null;
      if (remembered !== null && draft.fields === null) {
        answers.municipality = remembered;
        return step.next();
      }
      const suggestion = draft.fields?.municipality ?? remembered ?? deps.tickets?.municipalityByTenant[tenantIdOf(step.context.activity) ?? ''] ?? null;
      return ask(step, 'municipality', suggestion);
    },
    async (step) => {
      const { answers, question } = step.values as Collected;
      if (question?.field === 'municipality' && step.result !== undefined) {
        store(step);
        if (answers.municipality) await deps.tickets?.municipality.set(step.context, answers.municipality);
      }
      return step.endDialog(fieldsOf(answers));
    },
  ]);
  return [steps, new TextPrompt(TEXT_PROMPT_ID, validateAnswer)];
}

/** Re-asks with what was wrong when the answer does not fit; the prompt then waits again. */
async function validateAnswer(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const question = prompt.options.validations as Question | undefined;
  const text = prompt.recognized.value;
  if (!question || (typeof text === 'string' && readAnswer(question, text).ok)) return true;
  await retry(prompt.context, question);
  return false;
}

async function retry(context: TurnContext, question: Question): Promise<void> {
  const texts = requesterTextsFor(turnFactsOf(context.activity).lang);
  const problem =
    question.field === 'category'
      ? texts.numberExpected(question.choices.length)
      : question.field === 'urgency'
        ? texts.numberExpected(TICKET_PRIORITIES.length)
        : texts.fieldErrors[question.field];
  await context.sendActivity(MessageFactory.text(`${problem}\n\n${questionText(question, texts)}`));
}

function readAnswer(question: Question, text: string): TextAnswer<string> {
  if (question.keep !== null && isKeepWord(text)) return { ok: true, value: question.keep };
  switch (question.field) {
    case 'subject':
      return readSubject(text);
    case 'description':
      return readDescription(text);
    case 'category':
      return readCategory(text, question.choices);
    case 'urgency':
      return readUrgency(text);
    case 'municipality':
      return readMunicipality(text);
  }
}

function questionText(question: Question, texts: RequesterTexts): string {
  const { field, keep } = question;
  if (field === 'municipality') return texts.askMunicipality(keep);
  const asked =
    field === 'subject'
      ? texts.askSubject
      : field === 'description'
        ? texts.askDescription
        : field === 'category'
          ? texts.askCategory(numberedList(question.choices.map((category) => categoryTitle(category, texts))))
          : texts.askUrgency(numberedList(TICKET_PRIORITIES.map((priority) => texts.urgencyNames[priority])));
  if (keep === null) return asked;
  const shown = field === 'category' ? categoryTitle(keep, texts) : field === 'urgency' ? texts.urgencyNames[keep as TicketPriority] : keep;
  return `${asked}\n\n${texts.keepHint(shown)}`;
}

function fieldsOf(answers: Partial<Record<TicketField, string>>): TicketFields {
  return {
    subject: answers.subject ?? '',
    description: answers.description ?? '',
    category: answers.category ?? '',
    priority: (answers.urgency as TicketPriority | undefined) ?? 'normal',
    municipality: answers.municipality ?? '',
  };
}
