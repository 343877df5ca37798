/**
 * CSV as spreadsheets and 3PL portals read it (RFC 4180): comma-separated, CRLF line ends,
 * fields quoted when they hold a quote, comma or line break.
 */

/**
 * A text a spreadsheet would run as a formula (CSV injection): one that starts, after any
 * spaces, with = + - @, or with a tab or carriage return (which some spreadsheets skip).
 */
const FORMULA_START = /^[ \u00a0]*[=+\-@\t\r]/;

/**
 * Characters that make a field quoted: the quote, line breaks, and every character that some
 * spreadsheet takes as a separator. A German or French Excel opens a CSV splitting on `;`,
 * so an unquoted `x;=cmd()` would become a cell `=cmd()`; a tab splits in a pasted import.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One field, escaped. A text that starts like a formula gets a leading apostrophe so that
 * Excel or LibreOffice show it instead of running it; a text holding a separator of any
 * locale is quoted, so no part of it becomes a cell of its own; numbers are written as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export interface CsvRecord {
  /** The line of the file this record starts on, 1-based (the header is line 1). */
  line: number;
  fields: string[];
}

/**
 * Parses CSV text into records, each with the line it starts on. Accepts CRLF or LF, quoted
 * fields with doubled quotes and line breaks, and a byte-order mark. Blank lines are skipped.
 * An unterminated quote is an error naming its line: nothing is guessed.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]?.trim() === "")) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(`line ${quoteLine}: a quoted field is never closed`);
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
