import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLayout, parseRateDate, parseRatesText, RatesFormatError, splitCsvLine } from "./parse";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("layout detection", () => {
  it("recognises the three layouts from their header", () => {
    expect(detectLayout("date,pmms30,pmms30p,pmms15,pmms15p,pmms51,pmms51p,pmms51m,pmms51spread\r").layout).toBe("freddie_mac_pmms");
    expect(detectLayout("observation_date,MORTGAGE30US").layout).toBe("fred");
    expect(detectLayout("DATE,MORTGAGE15US").layout).toBe("fred");
    expect(detectLayout("\uFEFFdate,rate_type,rate,points").layout).toBe("refi_alert");
  });

  it("refuses an unknown header or an unknown FRED series by name", () => {
    expect(() => detectLayout("when,value")).toThrow(RatesFormatError);
    expect(() => detectLayout("observation_date,MORTGAGE99US")).toThrow(/MORTGAGE99US/);
    expect(() => parseRatesText("\n\n")).toThrow(/empty/);
  });
});

describe("Freddie Mac PMMS_history.csv", () => {
  const result = parseRatesText(fixture("PMMS_history.csv"));

  it("reads every published value with its points, and skips the blanks", () => {
    expect(result.layout).toBe("freddie_mac_pmms");
    expect(result.rejections).toEqual([]);
    // 5 rows of 1971 (30-year only), 6 weeks with all three series, 5 weeks with 30 and 15.
    expect(result.rows).toHaveLength(5 + 6 * 3 + 5 * 2);
    expect(result.rows.find((r) => r.date === "1971-04-02")).toEqual({ line: 2, date: "1971-04-02", rateType: "30_year_fixed", rate: 7.33, points: null });
    expect(result.rows.find((r) => r.date === "2022-11-10" && r.rateType === "5_1_ARM")).toMatchObject({ rate: 6.06, points: 0.2 });
    expect(result.rows.find((r) => r.date === "2022-11-17" && r.rateType === "15_year_fixed")).toMatchObject({ rate: 5.98, points: null });
    expect(result.rows.some((r) => r.rateType === "5_1_ARM" && r.date > "2022-11-10")).toBe(false);
  });

  it("rejects a line with a bad date or an out-of-range rate, naming the line and the reason", () => {
    const text = "date,pmms30,pmms30p,pmms15,pmms15p\r\n2/30/2023,6.5,,5.9,\r\n3/2/2023,6.65,,27.5,\r\n3/9/2023,6.73,,5.95,\r\n";
    const r = parseRatesText(text);
    expect(r.rejections).toEqual([
      { line: 2, reason: expect.stringContaining('bad date "2/30/2023"') },
      { line: 3, reason: "15_year_fixed rate 27.5 is out of 0–25" },
    ]);
    expect(r.rows.map((x) => x.date)).toEqual(["2023-03-09", "2023-03-09"]);
  });

  it("a column Freddie Mac adds is left alone, so the daily fetch keeps working; a file with none of its series is refused", () => {
    const r = parseRatesText("date,pmms30,pmms30p,pmms20,pmms15\n11/17/2022,6.61,0.7,6.3,5.98\n");
    expect(r.rejections).toEqual([]);
    expect(r.rows.map((x) => [x.rateType, x.rate, x.points])).toEqual([
      ["30_year_fixed", 6.61, 0.7],
      ["15_year_fixed", 5.98, null],
    ]);
    expect(() => parseRatesText("date,pmms20,pmms20p\n11/17/2022,6.3,0.5\n")).toThrow(/No rate column/);
  });

  it("reads quoted fields, as some copies of the file quote them", () => {
    const r = parseRatesText('date,pmms30,pmms30p,pmms15\n"11/17/2022","6.61","","5.98"\n');
    expect(r.rows.map((x) => [x.rateType, x.rate, x.points])).toEqual([
      ["30_year_fixed", 6.61, null],
      ["15_year_fixed", 5.98, null],
    ]);
  });
});

describe("FRED series", () => {
  it("reads several series; '.' is no value, not a rejection; no points are implied", () => {
    const r = parseRatesText(fixture("fred-mortgage-rates.csv"));
    expect(r.layout).toBe("fred");
    expect(r.rejections).toEqual([]);
    expect(r.skipped).toBe(5);
    expect(r.rows).toHaveLength(11 * 2 + 6);
    expect(r.rows[0]).toEqual({ line: 2, date: "2022-10-06", rateType: "30_year_fixed", rate: 6.66, points: undefined });
  });

  it("accepts the DATE header and rejects non-numbers", () => {
    expect(parseRatesText(fixture("fred-MORTGAGE15US.csv")).rows).toHaveLength(8);
    const r = parseRatesText("DATE,MORTGAGE30US\n2024-01-04,6.62\n2024-01-11,n/a\n2024-01-18,0\n");
    expect(r.rejections).toEqual([
      { line: 3, reason: 'rate "n/a" is not a number' },
      { line: 4, reason: "rate 0 is out of 0–25" },
    ]);
  });
});

describe("our layout", () => {
  it("reads all three types and rejects unknown types, types outside the survey, bad dates and duplicates", () => {
    expect(parseRatesText(fixture("refi-alert-rates.csv")).rows).toHaveLength(16);
    const r = parseRatesText(
      ["date,rate_type,rate,points", "2024-01-04,30_year_fixed,6.62,", "2024-01-04,jumbo_30,7.1,", "2024-13-01,15_year_fixed,5.9,", "2024-01-04,30_year_fixed,6.6,", "2024-01-11,15_year_fixed,5.9,12", "2024-01-11,FHA_30,6.1,"].join("\n"),
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rejections).toEqual([
      { line: 3, reason: 'unknown rate type "jumbo_30" (expected one of 30_year_fixed, 15_year_fixed, 5_1_ARM)' },
      { line: 4, reason: 'bad date "2024-13-01" (expected yyyy-mm-dd)' },
      { line: 5, reason: "duplicate of line 2 (same date and rate type)" },
      { line: 6, reason: "points 12 is out of 0–9.99" },
      { line: 7, reason: `"FHA_30" is not in Freddie Mac's survey (expected one of 30_year_fixed, 15_year_fixed, 5_1_ARM)` },
    ]);
  });
});

describe("helpers", () => {
  it("parses only real calendar dates", () => {
    expect(parseRateDate("7/28/2011")).toBe("2011-07-28");
    expect(parseRateDate("2024-02-29")).toBe("2024-02-29");
    expect(parseRateDate("2023-02-29")).toBeNull();
    expect(parseRateDate("28/7/2011")).toBeNull();
    expect(parseRateDate("2011-7-28")).toBeNull();
  });

  it("splits CSV with quotes", () => {
    expect(splitCsvLine('a,"b,c","d""e", f ')).toEqual(["a", "b,c", 'd"e', "f"]);
  });
});

describe("parseRatesText on a file that is not text", () => {
  it("refuses NUL bytes as a whole-file error instead of a rejection per line", () => {
    expect(() => parseRatesText("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR")).toThrow(/not a text CSV file \(it holds binary data\)/);
    expect(() => parseRatesText("date,rate_type,rate\n2024-01-04,30_year_fixed,6\u0000.5\n")).toThrow(RatesFormatError);
  });
});
