import { describe, expect, it } from "vitest";
import { RecordCounter, recordSpans } from "../../scripts/lib/csv-records.ts";

describe("recordSpans", () => {
  it("finds records and their lines, across quoted line breaks, skipping blank lines", () => {
    const text = 'h1,h2\r\n"a\nb",1\n\nc,2';
    expect(recordSpans(text).map((s) => [s.line, text.slice(s.start, s.end)])).toEqual([
      [1, "h1,h2\r\n"],
      [2, '"a\nb",1\n'],
      [5, "c,2"],
    ]);
  });
});

describe("RecordCounter", () => {
  it("counts records however the stream is cut, a quoted line break being no record end", () => {
    const text = 'h\r\n"x\ny",1\r\nz,2\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const counter = new RecordCounter();
      counter.push(text.slice(0, cut));
      counter.push(text.slice(cut));
      expect(counter.records).toBe(3);
    }
  });
});
