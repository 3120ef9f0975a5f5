import { describe, expect, it } from "vitest";
import { mergeSeries, tickLabel, yAxis } from "./chart-data";

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

describe("yAxis", () => {
  it("holds every value on round steps, never below zero", () => {
    const week = yAxis([6.1, 7.03, 6.75]);
    expect(week.domain[0]).toBeLessThan(6.1);
    expect(week.domain[1]).toBeGreaterThan(7.03);
    expect(week.ticks).toEqual([6, 6.25, 6.5, 6.75, 7, 7.25]);
    const max = yAxis([2.65, 18.63]);
    expect(max.domain[0]).toBe(0);
    expect(max.domain[1]).toBeGreaterThanOrEqual(18.63);
    expect(max.ticks.every((t) => t % 5 === 0)).toBe(true);
    expect(yAxis([]).domain[0]).toBe(0);
  });
});

describe("tickLabel", () => {
  it("shows years on long spans and months on short ones", () => {
    expect(tickLabel(Date.UTC(1981, 9, 9), 20_000)).toBe("1981");
    expect(tickLabel(Date.UTC(2026, 8, 24), 365)).toBe("Sep 26");
  });
});
