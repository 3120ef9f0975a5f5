import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, with CRLF line ends", () => {
    expect(toCsv([["a", "b,c"], ['say "hi"', "two\nlines"]])).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it("keeps numbers as numbers, including negatives, and leaves blanks for null or non-finite", () => {
    expect([csvCell(-12.5), csvCell("-12.5"), csvCell(null), csvCell(Number.NaN), csvCell(undefined)]).toEqual(["-12.5", "-12.5", "", "", ""]);
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2+3")).toBe("'-2+3");
  });
});
