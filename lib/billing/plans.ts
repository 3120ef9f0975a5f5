import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { db } from "@/db";
import { planPrices, plans } from "@/db/schema";

export const PRICING_CACHE_TAG = "pricing";

export type PublicPlan = {
  code: string;
  name: string;
  description: string | null;
  features: string[];
  prices: { id: string; amountCents: number; currency: string; interval: "month" | "year" }[];
};

/**
 * Active plans with the prices checkout sells, for the pricing page: per interval, the newest
 * active price (lib/billing/checkout.ts's rule), cheapest interval first.
 */
export async function activePlansUncached(): Promise<PublicPlan[]> {
  const rows = await db
    .select({ plan: plans, price: planPrices })
    .from(plans)
    .innerJoin(planPrices, eq(planPrices.planId, plans.id))
    .where(eq(plans.isActive, true))
    .orderBy(asc(plans.name), desc(planPrices.createdAt));
  const byCode = new Map<string, PublicPlan>();
  for (const { plan, price } of rows) {
    if (!price.isActive) continue;
    const entry = byCode.get(plan.code) ?? { code: plan.code, name: plan.name, description: plan.description, features: plan.features, prices: [] };
    if (entry.prices.some((p) => p.interval === price.interval)) continue; // an older one: not sold
    entry.prices.push({ id: price.id, amountCents: price.amountCents, currency: price.currency, interval: price.interval });
    byCode.set(plan.code, entry);
  }
  for (const plan of byCode.values()) plan.prices.sort((a, b) => a.amountCents - b.amountCents);
  return [...byCode.values()];
}

/** Cached across requests; a price change in the admin revalidates PRICING_CACHE_TAG. */
export const activePlans = unstable_cache(activePlansUncached, ["active-plans"], { tags: [PRICING_CACHE_TAG], revalidate: 600 });
