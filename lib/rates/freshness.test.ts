import { describe, expect, it } from "vitest";
import { latestThursday, SURVEY_OVERDUE_AFTER_DAYS, surveyFreshness } from "./freshness";

describe("surveyFreshness", () => {
  it("treats the newest Thursday as this week's rate through the next release and a late day or two", () => {
    // Published Thu Sep 24; the next release is Thu Oct 1.
    expect(surveyFreshness("2026-09-24", "2026-09-24")).toMatchObject({ ageDays: 0, overdue: false });
    expect(surveyFreshness("2026-09-24", "2026-09-30")).toMatchObject({ ageDays: 6, overdue: false });
    expect(surveyFreshness("2026-09-24", "2026-10-01")).toMatchObject({ ageDays: 7, overdue: false }); // release morning
    expect(surveyFreshness("2026-09-24", "2026-10-03")).toMatchObject({ ageDays: SURVEY_OVERDUE_AFTER_DAYS, overdue: false });
  });

  it("calls a week overdue once a release is more than two days late", () => {
    expect(surveyFreshness("2026-09-24", "2026-10-04")).toMatchObject({ ageDays: 10, overdue: true, age: "10 days" });
  });

  it("says the age in days under two weeks, then in whole weeks", () => {
    expect(surveyFreshness("2026-09-24", "2026-10-07").age).toBe("13 days");
    expect(surveyFreshness("2026-09-24", "2026-10-08").age).toBe("2 weeks");
    expect(surveyFreshness("2026-09-24", "2026-11-29")).toMatchObject({ ageDays: 66, overdue: true, age: "9 weeks" });
  });

  it("counts across a year end and a leap day by the calendar, and never goes negative", () => {
    expect(surveyFreshness("2027-12-30", "2028-03-01").ageDays).toBe(62); // Dec 30 → Mar 1 over Feb 29, 2028
    expect(surveyFreshness("2026-09-24", "2026-09-23")).toMatchObject({ ageDays: 0, overdue: false, age: "0 days" });
  });
});

describe("latestThursday", () => {
  it("is the day itself on a Thursday, else the Thursday before", () => {
    expect(latestThursday("2026-09-24")).toBe("2026-09-24"); // a Thursday
    expect(latestThursday("2026-09-30")).toBe("2026-09-24"); // Wednesday
    expect(latestThursday("2026-11-29")).toBe("2026-11-26"); // Sunday
    expect(latestThursday("2027-01-01")).toBe("2026-12-31"); // across a year end
  });

  it("always gives a Thursday no more than six days back", () => {
    for (let d = 0; d < 21; d++) {
      const day = new Date(Date.UTC(2028, 1, 20 + d)).toISOString().slice(0, 10);
      const thursday = latestThursday(day);
      expect(new Date(`${thursday}T00:00:00Z`).getUTCDay()).toBe(4);
      expect(surveyFreshness(thursday, day).ageDays).toBeLessThanOrEqual(6);
    }
  });
});
