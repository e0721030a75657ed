import { normalizeGerman } from './german-normalizer';

/**
 * General German and English function words that carry no topic (articles, pronouns,
 * prepositions, conjunctions, auxiliary and modal verbs, question words, particles).
 * A general list, not tuned to any FAQ: topic words are never stop words.
 */
const GERMAN = `
aber alle allem allen aller alles als also am an andere anderem anderen anderer anderes ans auch auf aufs aus bei beim bereits
bin bis bist bitte bzw da dabei dadurch dafuer dagegen daher damit dann daran darauf daraus darf darfst darin darueber darum das
dass davon dazu dem den denen denn der deren derer des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du
durch duerfen duerfte durfte ein eine einem einen einer eines einige einigen er es etwa etwas euch euer eure eurem euren eurer
falls fuer gegen gerade gern gerne gewesen hab habe haben hast hat hatte hatten haette haetten hier hin ich ihm ihn ihnen ihr
ihre ihrem ihren ihrer ihres im in ins ist ja je jede jedem jeden jeder jedes jemand jene jenem jenen jener jenes jetzt kann
kannst kein keine keinem keinen keiner keines koennen koennt koennte koennten konnte konnten man manche mancher mal mehr mein
meine meinem meinen meiner meines mich mir mit moechte moechten moegen muss musst muessen muesste muessten musste mussten nach
nachdem nein nicht nichts noch nun nur ob obwohl oder ohne sehr sei seid sein seine seinem seinen seiner seines seit selbst
sich sie sind so sofern solche solchen soll sollen sollte sollten sondern sowie ueber um und uns unser unsere unserem unseren
unserer unseres unter viel viele vielen vom von vor waehrend war waere waeren waren warum was weil welche welchem welchen
welcher welches wem wen wenn wer werde werden wessen wie wieso wir wird wirst wo wobei wodurch woher wohin wollen wollte
wollten womit woran worauf worin worden wozu wuerde wuerden wurde wurden zu zum zur zwischen weshalb weswegen wofuer worueber
eigentlich halt eben eh mal denn doch schon ueberhaupt genau bzw ca usw zb z b gibt gibts geht gehts ne nen nem hallo hi
worum wieviel wieviele habt haettet duerft irgendwie irgendwo irgendwas sowas
eins zwei drei vier fuenf sechs sieben acht neun zehn
`;

const ENGLISH = `
a about above after again all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how i if in
into is it its itself just me more most my no nor not now of off on once only or other our ours out over own please same she
should so some such than that the their theirs them then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours us get got let lets
`;

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word.length > 0).map(normalizeGerman));
}

/** Stop words in normalised (folded, lower-case) form. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...toSet(GERMAN), ...toSet(ENGLISH)]);
