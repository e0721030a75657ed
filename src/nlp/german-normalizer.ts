/**
 * German text normalisation shared by indexing and querying, so both sides agree:
 * Unicode NFC, umlaut folding (ä -> ae, ö -> oe, ü -> ue, ß -> ss, the spelling people use on
 * keyboards without umlauts), other diacritics stripped, control characters removed.
 * Case is kept here; {@link normalizeGerman} lower-cases, {@link foldGerman} does not (the
 * tokeniser uses the capitalisation of German nouns as a weak content signal).
 */
const UMLAUTS: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
};

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;
const COMBINING_MARKS = /\p{M}+/gu;
/** Printable ASCII and ordinary whitespace: nothing to fold. */
const PLAIN_ASCII = /^[\x20-\x7e\t\n\r]*$/;
/**
 * Printable ASCII and precomposed umlauts or ß, the usual German text: both normalisations leave
 * it as it is (no combining marks, no control characters), so folding is the replacement alone.
 */
const ASCII_AND_UMLAUTS = /^[\x20-\x7eäöüÄÖÜß]*$/;
const FOLDED_LETTERS = /[äöüÄÖÜßẞ]/g;
const foldLetter = (ch: string): string => UMLAUTS[ch] ?? ch;

/** Folds umlauts, ß and diacritics and removes control characters; keeps case. */
export function foldGerman(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  if (ASCII_AND_UMLAUTS.test(text)) return text.replace(FOLDED_LETTERS, foldLetter);
  const composed = text.normalize('NFC').replace(CONTROL_CHARS, ' ');
  const folded = composed.replace(FOLDED_LETTERS, foldLetter);
  return folded.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** {@link foldGerman} plus lower-casing: the canonical form of a word for search. */
export function normalizeGerman(text: string): string {
  return foldGerman(text.normalize('NFC').toLowerCase());
}
