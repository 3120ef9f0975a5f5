import "server-only";
import { asc, eq } from "drizzle-orm";
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

/** Active plans with their active prices, for the pricing page. */
export const activePlans = unstable_cache(
  async (): Promise<PublicPlan[]> => {
    const rows = await db
      .select({ plan: plans, price: planPrices })
      .from(plans)
      .innerJoin(planPrices, eq(planPrices.planId, plans.id))
      .where(eq(plans.isActive, true))
      .orderBy(asc(plans.name), asc(planPrices.amountCents));
    const byCode = new Map<string, PublicPlan>();
    for (const { plan, price } of rows) {
      if (!price.isActive) continue;
      const entry = byCode.get(plan.code) ?? { code: plan.code, name: plan.name, description: plan.description, features: plan.features, prices: [] };
      entry.prices.push({ id: price.id, amountCents: price.amountCents, currency: price.currency, interval: price.interval });
      byCode.set(plan.code, entry);
    }
    return [...byCode.values()];
  },
  ["active-plans"],
  { tags: [PRICING_CACHE_TAG], revalidate: 600 },
);
