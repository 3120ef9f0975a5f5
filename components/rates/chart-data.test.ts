import { describe, expect, it } from "vitest";
import { mergeSeries, ownLabelSides, tickLabel, timeTicks, yAxis } from "./chart-data";

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
    expect(tickLabel(Date.UTC(2026, 8, 24), 365)).toBe("Sep '26");
  });
});

describe("timeTicks", () => {
  it("ticks the 1st of every few months on a year, labelled month and year", () => {
    const ticks = timeTicks(Date.UTC(2025, 8, 25), Date.UTC(2026, 8, 24));
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.map((t) => t.label)).toEqual(["Nov '25", "Jan '26", "Mar '26", "May '26", "Jul '26", "Sep '26"]);
    expect(ticks.every((t) => new Date(t.t).getUTCDate() === 1)).toBe(true);
  });

  it("ticks round years on long spans", () => {
    const ticks = timeTicks(Date.UTC(1971, 3, 2), Date.UTC(2026, 8, 24));
    expect(ticks.map((t) => t.label)).toEqual(["1980", "1990", "2000", "2010", "2020"]);
    expect(timeTicks(5, 5)).toEqual([]);
  });
});

describe("ownLabelSides", () => {
  it("labels a line below it when the line above is too close for two labels, above otherwise", () => {
    const domain: [number, number] = [4, 8];
    // 7.125 and 6.875 are 0.25 apart, 6 % of the 4-point span: the lower one's label goes below.
    const sides = ownLabelSides([{ id: "cabin", rate: 7.125 }, { id: "maple", rate: 4.5 }, { id: "juniper", rate: 6.875 }], domain);
    expect(Object.fromEntries(sides)).toEqual({ cabin: "above", juniper: "below", maple: "above" });
    // Far apart, every label sits above its line.
    expect(Object.fromEntries(ownLabelSides([{ id: "a", rate: 7.5 }, { id: "b", rate: 5 }], domain))).toEqual({ a: "above", b: "above" });
  });
});
