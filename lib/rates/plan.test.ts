import { describe, expect, it } from "vitest";
import { changeBetween, planTypeImport, type StoredRate } from "./plan";

// Four real 30-year weeks of Oct–Nov 2022, with the changes as stored.
const stored: StoredRate[] = [
  { date: "2022-10-20", rate: 6.94, points: 0.9, changeFromPrevious: null },
  { date: "2022-10-27", rate: 7.08, points: 0.8, changeFromPrevious: 0.14 },
  { date: "2022-11-10", rate: 7.08, points: 0.9, changeFromPrevious: 0 },
  { date: "2022-11-17", rate: 6.61, points: null, changeFromPrevious: -0.47 },
];

describe("planTypeImport", () => {
  it("a back-dated week is inserted and the week after it gets its change recomputed", () => {
    const plan = planTypeImport(stored, [{ date: "2022-11-03", rate: 6.95, points: 0.8 }]);
    expect(plan).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, recomputed: 1, newLatest: null });
    expect(plan.writes).toEqual([
      { date: "2022-11-03", rate: 6.95, points: 0.8, changeFromPrevious: -0.13 },
      { date: "2022-11-10", rate: 7.08, points: 0.9, changeFromPrevious: 0.13, recomputeOnly: true },
    ]);
  });

  it("the same rows again change nothing", () => {
    const plan = planTypeImport(stored, stored.map(({ date, rate, points }) => ({ date, rate, points })));
    expect(plan).toMatchObject({ writes: [], inserted: 0, updated: 0, unchanged: 4, recomputed: 0 });
  });

  it("a corrected rate updates its row and the next week's change; rows without points keep theirs", () => {
    const plan = planTypeImport(stored, [{ date: "2022-10-27", rate: 7.1, points: undefined }]);
    expect(plan).toMatchObject({ updated: 1, recomputed: 1 });
    expect(plan.writes).toEqual([
      { date: "2022-10-27", rate: 7.1, points: 0.8, changeFromPrevious: 0.16 },
      { date: "2022-11-10", rate: 7.08, points: 0.9, changeFromPrevious: -0.02, recomputeOnly: true },
    ]);
  });

  it("reports a new latest date, and fills an empty series with changes from the first row on", () => {
    const plan = planTypeImport([], [
      { date: "2022-11-23", rate: 6.58, points: null },
      { date: "2022-11-17", rate: 6.61, points: null },
    ]);
    expect(plan.newLatest).toBe("2022-11-23");
    expect(plan.writes.map((w) => [w.date, w.changeFromPrevious])).toEqual([
      ["2022-11-17", null],
      ["2022-11-23", -0.03],
    ]);
  });

  it("computes changes exactly to the thousandth", () => {
    expect(changeBetween(6.61, 7.08)).toBe(-0.47);
    expect(changeBetween(7.33, 7.23)).toBe(0.1);
    expect(changeBetween(5, null)).toBeNull();
  });
});
