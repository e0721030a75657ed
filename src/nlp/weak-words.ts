import { normalizeGerman } from './german-normalizer';

/**
 * Words that are not stop words but rarely decide which topic a question is about: general
 * verbs of doing/getting/needing, vague adverbs and discourse words. They keep a low query
 * weight so long narrative questions are ranked by their topic words. A general list.
 */
const WEAK = `
machen macht machst gemacht mache tun tut getan geben gegeben kommen kommt kam gekommen gehen ging gegangen brauchen braucht
brauche brauchst gebraucht benoetigen benoetigt bekommen bekommt bekam kriegen kriegt sagen sagt gesagt sagte heisst heissen
stehen steht stand gelten gilt sehen sieht finden findet lassen laesst bleiben bleibt wissen weiss moeglich moeglichst
einfach wirklich zwingend trotzdem sowieso bisher kuenftig kuenftigen aktuell aktuellen heute neu neue neuen neues neuer
ganz ganze ganzen gar immer wieder oft sofort richtig konkret konkrete konkreten genauer ehrlich gesagt besser beste
dinge ding sache sachen frage fragen thema themen problem leute bzw etc usw erstmal erst ersten erste zuerst
what's whats thing things use used need needs make do want
`;

/** Weak words in normalised (folded, lower-case) form. */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  WEAK.split(/\s+/)
    .filter((word) => word.length > 0)
    .map(normalizeGerman),
);
