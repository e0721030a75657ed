/**
 * The (1-based) line on which each element of the top-level `entries` array of a JSON text
 * starts, in order — so that problems of an imported FAQ file can name the line of the entry.
 * Expects text that `JSON.parse` accepted; elements of other top-level arrays are not counted.
 */
export function findJsonEntryLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKey = '';
  let stringStart = 0;
  let inEntries = false;
  let expectElement = false;

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (inEntries && depth === 2 && expectElement && !/[\s,\]]/.test(char)) {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') {
      inString = true;
      stringStart = i;
    } else if (char === '{' || char === '[') {
      depth++;
      if (depth === 2 && char === '[' && lastKey === 'entries') {
        inEntries = true;
        expectElement = true;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 1) inEntries = false;
    } else if (char === ',' && inEntries && depth === 2) {
      expectElement = true;
    }
  }
  return lines;
}
