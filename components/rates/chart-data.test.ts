import { describe, expect, it } from "vitest";
import { mergeSeries, tickLabel, yDomain } from "./chart-data";

describe("mergeSeries", () => {
  it("puts each type's rate and points on one row per date, in date order", () => {
    const rows = mergeSeries([
      { type: "30_year_fixed", points: [{ date: "2022-11-10", rate: 7.08, points: 0.9 }, { date: "2022-11-17", rate: 6.61, points: null }] },
      { type: "5_1_ARM", points: [{ date: "2022-11-03", rate: 5.95, points: 0.2 }, { date: "2022-11-10", rate: 6.06, points: 0.2 }] },
    ]);
    expect(rows.map((r) => [r.date, r["30_year_fixed"], r["5_1_ARM"]])).toEqual([
      ["2022-11-03", undefined, 5.95],
      ["2022-11-10", 7.08, 6.06],
      ["2022-11-17", 6.61, undefined],
    ]);
    expect(rows[1]!.points).toEqual({ "30_year_fixed": 0.9, "5_1_ARM": 0.2 });
    expect(rows[0]!.t).toBe(Date.UTC(2022, 10, 3));
  });
});

describe("yDomain", () => {
  it("holds every value on half-point bounds, never below zero", () => {
    expect(yDomain([6.1, 7.03, 6.75])).toEqual([6, 7.5]);
    expect(yDomain([0.2, 18.63])).toEqual([0, 20]);
    expect(yDomain([])).toEqual([0, 10]);
  });
});

describe("tickLabel", () => {
  it("shows years on long spans and months on short ones", () => {
    expect(tickLabel(Date.UTC(1981, 9, 9), 20_000)).toBe("1981");
    expect(tickLabel(Date.UTC(2026, 8, 24), 365)).toBe("Sep 26");
  });
});
