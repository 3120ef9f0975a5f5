import { IntentLink } from "@/components/intent-link";
import { StaleSurveyNote } from "@/components/rates/stale-survey-note";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { activePlans } from "@/lib/billing/plans";
import { priceOffers } from "@/lib/billing/price-words";
import { formatBasisPoints, formatDate, formatPercent } from "@/lib/format";
import { readForPrerender } from "@/lib/prerender";
import { latestRates } from "@/lib/rates/latest";

// Prerendered at build and regenerated in the background; a rate import revalidates it at once.
export const revalidate = 3600;

export default async function LandingPage() {
  const [latest, plans] = await Promise.all([readForPrerender("the landing page", () => latestRates()), readForPrerender("the landing page", () => activePlans())]);
  // What an alert costs, said up front (on a phone the header has no room for Pricing).
  const offers = priceOffers(plans[0]?.prices ?? []);
  const rate30 = latest.find((r) => r.rateType === "30_year_fixed");
  const rate15 = latest.find((r) => r.rateType === "15_year_fixed");
  return (
    <div className="py-12 sm:py-20">
      <section className="grid items-center gap-10 lg:grid-cols-[1.2fr_1fr]">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-500">Refinance at the right moment</p>
          <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
            Know the moment refinancing your mortgage pays off.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-slate-600 dark:text-slate-300">
            Tell us about your loan and the payment or rate you are waiting for. We check the market every week against
            Freddie Mac&apos;s survey and email you when refinancing reaches your target, with the savings and the
            break-even worked out for your loan.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <IntentLink href="/sign-up" className={buttonClass()}>Create a free account</IntentLink>
            <IntentLink href="/calculators" className={buttonClass("secondary")}>Try the calculators</IntentLink>
          </div>
          {offers && (
            <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="landing-price">
              Tracking, calculators and rate charts are free. An alert that watches the market for you costs {offers}.{" "}
              <IntentLink href="/pricing" className="font-medium text-brand-700 underline dark:text-brand-500">
                See pricing
              </IntentLink>
            </p>
          )}
        </div>
        <Card className="p-6" aria-labelledby="today-rate">
          <h2 id="today-rate" className="text-sm font-medium text-slate-500 dark:text-slate-400">Latest 30-year fixed rate</h2>
          {rate30 ? (
            <>
              <p className="mt-2 text-5xl font-bold tabular-nums text-slate-900 dark:text-white" data-testid="rate-30">
                {formatPercent(rate30.rate)}
              </p>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                Week of {formatDate(rate30.date)}
                {rate30.changeFromPrevious !== null && <> · {formatBasisPoints(rate30.changeFromPrevious)} from the week before</>}
              </p>
              <StaleSurveyNote week={rate30.date} className="mt-2" />
              {rate15 && (
                <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
                  15-year fixed: <span className="font-semibold tabular-nums">{formatPercent(rate15.rate)}</span>
                </p>
              )}
            </>
          ) : (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No rates loaded yet. Run the seed to load the survey history.</p>
          )}
          <p className="mt-6 text-xs text-slate-500 dark:text-slate-400">Source: Freddie Mac Primary Mortgage Market Survey®</p>
        </Card>
      </section>

      <section className="mt-20 grid gap-6 md:grid-cols-3" aria-label="How it works">
        {[
          ["Track your loan", "Enter each mortgage once. We project your balance month by month and compare it with today's market."],
          ["Set your target", "Pick the monthly payment or rate that would make refinancing worth it. See how often history reached it."],
          ["Get the email", "When the weekly survey crosses your target, you get one clear email with the numbers for your loan."],
        ].map(([title, text]) => (
          <Card key={title}>
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{text}</p>
          </Card>
        ))}
      </section>
    </div>
  );
}
