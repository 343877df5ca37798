import { describe, expect, it } from "vitest";
import { csvField, csvRow, parseCsv } from "../../backend/src/lib/csv.ts";
import { parseTrackingCsv } from "../../backend/src/lib/tracking-csv.ts";

describe("csvField", () => {
  it.each([
    ["plain text stays as it is", "Bahnhofstrasse 1", "Bahnhofstrasse 1"],
    ["a comma quotes the field", "Muster, Anna", '"Muster, Anna"'],
    ["a quote is doubled inside quotes", 'The "Loft"', '"The ""Loft"""'],
    ["a line break quotes the field", "c/o Muster\nFloor 2", '"c/o Muster\nFloor 2"'],
    ["a leading = cannot run as a formula", '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["a leading + is neutralised", "+41 44 000 00 00", "'+41 44 000 00 00"],
    ["a leading - is neutralised", "-1+1", "'-1+1"],
    ["a leading @ is neutralised", "@SUM(A1)", "'@SUM(A1)"],
    ["a leading tab is neutralised and quoted", "\t=1", '"\'\t=1"'],
    ["a leading carriage return is neutralised and quoted", "\r=1", '"\'\r=1"'],
    ["a formula after leading spaces is neutralised", "  =1+1", "'  =1+1"],
    ["a formula after a no-break space is neutralised", "\u00a0@SUM(A1)", "'\u00a0@SUM(A1)"],
    // A semicolon-locale spreadsheet splits on ;: quoted, the field stays one text cell.
    ["a semicolon then a formula is quoted", ";=1+cmd|' /C calc'!A0", "\";=1+cmd|' /C calc'!A0\""],
    ["a semicolon inside a field quotes it", "Muster; Anna", '"Muster; Anna"'],
    ["a tab inside a field quotes it", "a\t=1", '"a\t=1"'],
    ["an = later in the text is left alone", "a=b", "a=b"],
    ["null is an empty field", null, ""],
    ["a number is written as a number", 42, "42"],
    ["a negative number stays a number", -3, "-3"],
  ])("%s", (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("ends a row with CRLF", () => {
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("parseCsv", () => {
  it("reads back what csvRow wrote, whatever the fields hold", () => {
    const nasty = ["a,b", 'say "hi"', "two\nlines", "", "plain", "x;y", "tab\there"];
    const [record] = parseCsv(csvRow(nasty));
    expect(record?.fields).toEqual(nasty);
  });

  it("numbers each record by the line it starts on, across quoted line breaks and blank lines", () => {
    const records = parseCsv('h1,h2\n"x\ny",1\n\nz,2\r\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["h1", "h2"]],
      [2, ["x\ny", "1"]],
      [5, ["z", "2"]],
    ]);
  });

  it("skips a byte-order mark and reads a last line without a line end", () => {
    expect(parseCsv("\uFEFFa,b\n1,2").map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("refuses an unclosed quote and names its line", () => {
    expect(() => parseCsv('a\n"open,1\n')).toThrow(/line 2/);
  });
});

describe("parseTrackingCsv", () => {
  const header = "order_number,carrier,tracking_number,shipped_date\n";

  it("keeps valid rows and rejects each bad one with its line and reason", () => {
    const { rows, rejected } = parseTrackingCsv(
      `${header}1001,Swiss Post,99.00.123,2027-03-01
,Swiss Post,99.00.124,2027-03-01
1003,DHL,,2027-03-01
abc,DHL,JD1,2027-03-01
1005,DHL,JD2,01/03/2027
1006,DHL,JD3,2027-02-30
1001,DHL,JD4,2027-03-02
#1008,UPS,1Z9,2027-03-03
`,
    );
    expect(rows).toEqual([
      {
        line: 2,
        orderNumber: 1001,
        carrier: "Swiss Post",
        trackingNumber: "99.00.123",
        shippedDate: "2027-03-01",
      },
      {
        line: 9,
        orderNumber: 1008,
        carrier: "UPS",
        trackingNumber: "1Z9",
        shippedDate: "2027-03-03",
      },
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "missing order_number"],
      [4, "missing tracking_number"],
      [5, 'malformed order number "abc"'],
      [6, 'malformed shipped date "01/03/2027" (expected YYYY-MM-DD)'],
      [7, 'malformed shipped date "2027-02-30" (expected YYYY-MM-DD)'],
      [8, "order 1001 is already on line 2 of this file"],
    ]);
  });

  it("finds the columns by name, in any order and letter case", () => {
    const { rows } = parseTrackingCsv(
      "Shipped Date,Tracking Number,Carrier,Order Number\n2027-03-01,T1,DPD,7\n",
    );
    expect(rows[0]).toMatchObject({ orderNumber: 7, carrier: "DPD", trackingNumber: "T1" });
  });

  it("numbers lines of a part as lines of the whole file", () => {
    const { rejected } = parseTrackingCsv(`${header}x,DHL,T,2027-03-01\n`, 101);
    expect(rejected[0]?.line).toBe(102);
  });

  it.each([
    ["an empty file", ""],
    [
      "a header without the tracking number",
      "order_number,carrier,shipped_date\n1,DHL,2027-01-01\n",
    ],
  ])("refuses %s as a whole", (_name, text) => {
    expect(() => parseTrackingCsv(text)).toThrow();
  });
});
