/**
 * How old the newest survey week is. Freddie Mac publishes the PMMS every Thursday (a day early
 * in a holiday week), dated that Thursday, and the worker fetches it daily; so a newest week up to
 * a week old, plus a couple of days' grace for a late release or a failed fetch, is simply this
 * week's rate. Older than that, one publication at least has not reached us, and pages must stop
 * calling the figures "today's". Plain TypeScript: pages, the admin overview and tests use it.
 */

/** A newest week older than this many days means at least one weekly release is missing. */
export const SURVEY_OVERDUE_AFTER_DAYS = 9;

export type SurveyFreshness = {
  /** Whole days from the survey week to today (0 on the day itself; never negative). */
  ageDays: number;
  /** True once a weekly release is overdue: the figures are the latest we have, not this week's. */
  overdue: boolean;
  /** "9 weeks", "12 days": how old the newest week is, for a sentence. */
  age: string;
};

function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** `week` and `today` are calendar dates ("yyyy-mm-dd"); today is the reader's own. */
export function surveyFreshness(week: string, today: string): SurveyFreshness {
  const ageDays = Math.max(0, dayNumber(today) - dayNumber(week));
  const weeks = Math.floor(ageDays / 7);
  const age = ageDays < 14 ? `${ageDays} day${ageDays === 1 ? "" : "s"}` : `${weeks} weeks`;
  return { ageDays, overdue: ageDays > SURVEY_OVERDUE_AFTER_DAYS, age };
}

/** The newest Thursday on or before `today` ("yyyy-mm-dd"): the week a survey typed today is for. */
export function latestThursday(today: string): string {
  const day = dayNumber(today);
  const sinceThursday = ((day % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday
  return new Date((day - sinceThursday) * 86_400_000).toISOString().slice(0, 10);
}
