/**
 * CSV as Excel in a German locale reads and writes it: `;` between fields, fields with `;`, quotes
 * or line breaks in double quotes (quotes doubled), CRLF between records, UTF-8 with a byte order
 * mark (without it Excel reads UTF-8 as Windows-1252 and garbles umlauts).
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/** One parsed record with the (1-based) line of the file it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

export type CsvParseResult = { readonly ok: true; readonly records: CsvRecord[] } | { readonly ok: false; readonly line: number; readonly problem: string };

function encodeField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of the rows (first row: the header), with byte order mark and CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(encodeField).join(CSV_SEPARATOR) + '\r\n').join('');
}

/**
 * Parses CSV text (with or without byte order mark; CRLF, LF or CR line ends). Line breaks inside
 * quoted fields stay in the value as they are. Records that are completely empty are skipped.
 */
export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;

  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === CSV_SEPARATOR) {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, problem: 'Anführungszeichen nicht geschlossen.' };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
