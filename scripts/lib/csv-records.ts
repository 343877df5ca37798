/**
 * Where CSV records start and end, without parsing their fields: enough for the ops CLI to
 * count rows as they stream past and to cut a long file into parts at record boundaries
 * (a quoted field may hold a line break, so lines are not records).
 */

export interface RecordSpan {
  /** The line the record starts on, 1-based. */
  line: number;
  start: number;
  /** Offset just past the record's line end (or the end of the text). */
  end: number;
}

/** Every non-blank record of `text`, in order. */
export function recordSpans(text: string): RecordSpan[] {
  const spans: RecordSpan[] = [];
  let quoted = false;
  let line = 1;
  let start = 0;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\n") {
      line++;
      if (!quoted) {
        if (text.slice(start, i).trim() !== "") spans.push({ line: startLine, start, end: i + 1 });
        start = i + 1;
        startLine = line;
      }
    }
  }
  if (text.slice(start).trim() !== "") spans.push({ line: startLine, start, end: text.length });
  return spans;
}

/** Counts record ends in a stream of CSV text, chunk by chunk. */
export class RecordCounter {
  records = 0;
  #quoted = false;

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === '"') this.#quoted = !this.#quoted;
      else if (c === "\n" && !this.#quoted) this.records++;
    }
  }
}
