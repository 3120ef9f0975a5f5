import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { userPreferences } from "@/db/schema";
import { latestRates } from "@/lib/rates/latest";
import { paymentCents } from "./evaluate";
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

/** Everything the alert form needs: the user's mortgages, today's rates and the history to replay. */
export async function alertFormData(userId: string) {
  const [choices, [prefs], latest, series] = await Promise.all([
    mortgageChoices(userId),
    db.select({ auto: userPreferences.autoCalculateRefiCost }).from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1),
    latestByProduct(),
    bothSeries(),
  ]);
  const auto = prefs?.auto ?? true;
  const mortgages = choices.map((m) => ({
    id: m.id,
    name: m.name,
    remainingPrincipalCents: m.remainingPrincipalCents,
    // What they pay now (the dashboard's figure), so a payment target above it can be flagged.
    currentPaymentCents: m.remainingTerm > 0 ? paymentCents(m.remainingPrincipalCents, Number(m.currentRate), m.remainingTerm) : 0,
    calculatedCostCents: auto ? calculatedCostCents(m.remainingPrincipalCents) : null,
  }));
  return { mortgages, latest, series };
}
