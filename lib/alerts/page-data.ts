import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { userPreferences } from "@/db/schema";
import { latestRates } from "@/lib/rates/latest";
import { paymentCents } from "./evaluate";
import { TERM_OPTIONS } from "./schemas";
import { calculatedCostCents, mortgageChoices } from "./queries";
import { bothSeries } from "./series";

export type LatestByProduct = Record<string, { rate: number; date: string } | null>;

/** The newest rate of each product the alerts watch. */
export async function latestByProduct(): Promise<LatestByProduct> {
  const rates = await latestRates();
  const pick = (t: string) => {
    const r = rates.find((x) => x.rateType === t);
    return r ? { rate: r.rate, date: r.date } : null;
  };
  return { "30_year_fixed": pick("30_year_fixed"), "15_year_fixed": pick("15_year_fixed") };
}

/**
 * The owner's side of the alert form: their mortgages (with what each costs a month now and the
 * estimated refinance costs, when they let us estimate) and the term a new alert starts with.
 */
export async function alertFormChoices(userId: string) {
  const [choices, [prefs]] = await Promise.all([
    mortgageChoices(userId),
    db.select({ auto: userPreferences.autoCalculateRefiCost, term: userPreferences.defaultRefiTerm }).from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1),
  ]);
  const auto = prefs?.auto ?? true;
  const mortgages = choices.map((m) => ({
    id: m.id,
    name: m.name,
    remainingPrincipalCents: m.remainingPrincipalCents,
    // What they pay now (the dashboard's figure), so a payment target above it can be flagged.
    currentPaymentCents: m.remainingTerm > 0 ? paymentCents(m.remainingPrincipalCents, Number(m.currentRate), m.remainingTerm) : 0,
    // And the rate they pay, so a rate target at or above it can be flagged too.
    currentRate: Number(m.currentRate),
    calculatedCostCents: auto ? calculatedCostCents(m.remainingPrincipalCents) : null,
  }));
  // The settings' "Default refinance term" is the new alert's term when the form offers it.
  const defaultTerm = TERM_OPTIONS.some((o) => o.value === prefs?.term) ? prefs!.term : 360;
  return { mortgages, defaultTerm };
}

/** Everything the alert form needs: the owner's choices, today's rates and the history to replay. */
export async function alertFormData(userId: string) {
  const [choices, latest, series] = await Promise.all([alertFormChoices(userId), latestByProduct(), bothSeries()]);
  return { ...choices, latest, series };
}
