import { formatDate } from "@/lib/format";
import { todayIso } from "@/lib/mortgages/dates";
import { surveyFreshness } from "@/lib/rates/freshness";

/**
 * On the public pages: when a weekly release is overdue (lib/rates/freshness.ts), say that the
 * figures are the newest on file, not this week's. These pages are regenerated every hour and on
 * each import, so the age is at most an hour behind. Nothing when the survey is current.
 */
export function StaleSurveyNote({ week, className }: { week: string | undefined; className?: string }) {
  if (!week) return null;
  const freshness = surveyFreshness(week, todayIso());
  if (!freshness.overdue) return null;
  return (
    <p className={`text-sm text-amber-800 dark:text-amber-300 ${className ?? ""}`} data-testid="stale-survey">
      These are the newest figures we have, from the week of {formatDate(week)} ({freshness.age} ago): Freddie Mac&apos;s later
      releases have not reached us yet.
    </p>
  );
}
