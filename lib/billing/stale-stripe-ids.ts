import "server-only";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { db } from "@/db";
import { planPrices, plans, users } from "@/db/schema";
import { stripe } from "./stripe";

/** Stripe's answer for an id it does not have (another account's, or a reset test stand-in's). */
export function isResourceMissing(err: unknown): boolean {
  return err instanceof Stripe.errors.StripeInvalidRequestError && err.code === "resource_missing";
}

/** Whether Stripe no longer has the object: unknown to it, or deleted (a deleted customer still answers). */
async function gone(retrieve: () => Promise<{ deleted?: unknown }>): Promise<boolean> {
  try {
    return (await retrieve()).deleted === true;
  } catch (err) {
    if (isResourceMissing(err)) return true;
    throw err;
  }
}

/**
 * Checkout was refused for an id Stripe does not know. The ids we store (the plan's product and
 * price, the user's customer) are created once and reused, so after the Stripe keys move to
 * another account, or a test stand-in is reset, every checkout would fail the same way. Each
 * stored id is checked with Stripe; those it no longer has are cleared (only if still the same
 * id), so the next attempt creates them again. Returns whether any was cleared: if none was, the
 * refusal was about something else and must not be retried.
 */
export async function forgetMissingStripeIds({ userId, planPriceId }: { userId: string; planPriceId: string }): Promise<boolean> {
  const [row] = await db
    .select({ priceId: planPrices.stripePriceId, planId: plans.id, productId: plans.stripeProductId })
    .from(planPrices)
    .innerJoin(plans, eq(plans.id, planPrices.planId))
    .where(eq(planPrices.id, planPriceId));
  const [user] = await db.select({ customerId: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  let forgot = false;
  if (row?.priceId && (await gone(() => stripe().prices.retrieve(row.priceId!)))) {
    await db.update(planPrices).set({ stripePriceId: null }).where(and(eq(planPrices.id, planPriceId), eq(planPrices.stripePriceId, row.priceId)));
    forgot = true;
  }
  if (row?.productId && (await gone(() => stripe().products.retrieve(row.productId!)))) {
    await db.update(plans).set({ stripeProductId: null }).where(and(eq(plans.id, row.planId), eq(plans.stripeProductId, row.productId)));
    forgot = true;
  }
  if (user?.customerId && (await gone(() => stripe().customers.retrieve(user.customerId!)))) {
    await db.update(users).set({ stripeCustomerId: null }).where(and(eq(users.id, userId), eq(users.stripeCustomerId, user.customerId)));
    forgot = true;
  }
  return forgot;
}
