import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { RateCards } from "@/components/rates/rate-cards";
import { StaleSurveyNote } from "@/components/rates/stale-survey-note";
import { RatesChart } from "@/components/rates/rates-chart";
import { RecentRatesTable, recentWeeks } from "@/components/rates/recent-rates-table";
import { formatDate } from "@/lib/format";
import { readForPrerender } from "@/lib/prerender";
import { latestRates } from "@/lib/rates/latest";
import { querySeries, rateSeries } from "@/lib/rates/series";
import { ARM_5_1_LAST_DATE, isRateType, RATE_TYPES, type RateType } from "@/lib/rates/types";

export const metadata: Metadata = {
  title: "Mortgage rates since 1971",
  description: "Freddie Mac's weekly 30-year, 15-year and 5/1 ARM mortgage rates: this week's rates, the weekly change and the full history.",
};

const INITIAL_RANGE = "1Y" as const;

// Prerendered at build and regenerated in the background; a rate import revalidates it at once.
export const revalidate = 3600;

/**
 * Public and the same for every visitor (the signed-in overlay is fetched by the browser), so it
 * is prerendered from cached queries that an import invalidates. Only types with real data are shown.
 */
export default async function RatesPage() {
  const latest = (await readForPrerender("the rates page", () => latestRates())).filter((r): r is typeof r & { rateType: RateType } => isRateType(r.rateType));
  const types = RATE_TYPES.filter((t) => latest.some((r) => r.rateType === t));
  const cards = types.map((t) => latest.find((r) => r.rateType === t)!);

  if (types.length === 0) {
    return (
      <div className="py-10">
        <PageHeader title="Mortgage rates" />
        <EmptyState title="No rates loaded yet" description="Run the seed (npm run db:seed) or import Freddie Mac's file (npm run rates:import) to load the survey history." />
      </div>
    );
  }

  const [initial, full] = await Promise.all([
    Promise.all(types.map((type) => querySeries({ type, range: INITIAL_RANGE }))),
    Promise.all(types.map(async (type) => ({ type, points: await rateSeries(type) }))),
  ]);
  const recent = recentWeeks(full, 12);

  return (
    <div className="py-10">
      <PageHeader
        title="Mortgage rates"
        description="Average US rates from Freddie Mac's weekly Primary Mortgage Market Survey®, published every Thursday, with history back to 1971."
      />

      <StaleSurveyNote week={cards.map((c) => c.date).sort().at(-1)} className="mb-4" />
      <RateCards rates={cards} />

      <section aria-labelledby="history" className="mt-10 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="history" className="mb-4 text-base font-semibold text-slate-900 dark:text-slate-100">
          Rate history
        </h2>
        <RatesChart types={types} initialRange={INITIAL_RANGE} initial={initial} />
      </section>

      <section aria-labelledby="recent" className="mt-10">
        <h2 id="recent" className="mb-3 text-base font-semibold text-slate-900 dark:text-slate-100">
          The last 12 weeks
        </h2>
        <RecentRatesTable rows={recent.rows} types={recent.types} />
      </section>

      <section className="mt-8 space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p>
          Freddie Mac changed its method on {formatDate("2022-11-17")}: since then the survey uses applications submitted to its Loan Product
          Advisor, and it no longer publishes fees and points or the 5/1 ARM (its last 5/1 ARM week was {formatDate(ARM_5_1_LAST_DATE)}).
        </p>
        <p>FHA, VA, 7/1 and 10/1 ARM rates are not part of the survey, so they are not shown here.</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">Source: Freddie Mac Primary Mortgage Market Survey®</p>
      </section>
    </div>
  );
}
