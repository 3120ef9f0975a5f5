import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/db";
import { alerts, planPrices, plans, subscriptions, users, type PlanPrice } from "@/db/schema";
import { audit } from "@/lib/audit";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, NotFoundError, ServiceUnavailableError } from "@/lib/errors";
import { LIVE_STATUSES } from "./status";
import { forgetMissingStripeIds, isResourceMissing } from "./stale-stripe-ids";
import { stripe, stripeConfigured } from "./stripe";

export { DEFAULT_PLAN_CODE } from "./plan-code";
import { DEFAULT_PLAN_CODE } from "./plan-code";
export type Interval = "month" | "year";

/** The newest active price of the default plan for an interval, or null when none is on sale. */
async function currentPrice(interval: Interval): Promise<PlanPrice | null> {
  const [row] = await db
    .select({ price: planPrices })
    .from(planPrices)
    .innerJoin(plans, eq(plans.id, planPrices.planId))
    .where(and(eq(plans.code, DEFAULT_PLAN_CODE), eq(plans.isActive, true), eq(planPrices.isActive, true), eq(planPrices.interval, interval)))
    .orderBy(desc(planPrices.createdAt))
    .limit(1);
  return row?.price ?? null;
}

/** What checkout charges for an interval; 503 when that price is not on sale. */
export async function activePlanPrice(interval: Interval = "year"): Promise<PlanPrice> {
  const price = await currentPrice(interval);
  if (!price) throw new ServiceUnavailableError("This plan is not on sale at the moment. Please try again later.");
  return price;
}

/** The prices the "Activate alert" form offers, yearly first. */
export async function offeredPrices(): Promise<PlanPrice[]> {
  const found = await Promise.all((["year", "month"] as const).map(currentPrice));
  return found.filter((p): p is PlanPrice => p !== null);
}

/**
 * The Stripe price for one of our plan_prices rows, creating the product and price at Stripe the
 * first time one is needed. Idempotency keys make two concurrent first checkouts create one
 * object; the `IS NULL` guards keep the first id stored.
 */
export async function ensureStripePrice(planPriceId: string): Promise<string> {
  const [row] = await db
    .select({ price: planPrices, plan: plans })
    .from(planPrices)
    .innerJoin(plans, eq(plans.id, planPrices.planId))
    .where(eq(planPrices.id, planPriceId))
    .limit(1);
  if (!row) throw new NotFoundError("Price not found.");
  if (row.price.stripePriceId) return row.price.stripePriceId;
  let productId = row.plan.stripeProductId;
  if (!productId) {
    const product = await stripe().products.create(
      { name: row.plan.name, description: row.plan.description ?? undefined, metadata: { plan_id: row.plan.id, plan_code: row.plan.code } },
      { idempotencyKey: `refi-product-${row.plan.id}` },
    );
    const [stored] = await db
      .update(plans)
      .set({ stripeProductId: product.id })
      .where(and(eq(plans.id, row.plan.id), isNull(plans.stripeProductId)))
      .returning({ id: plans.stripeProductId });
    productId = stored?.id ?? (await db.select({ id: plans.stripeProductId }).from(plans).where(eq(plans.id, row.plan.id)))[0]!.id!;
  }
  const price = await stripe().prices.create(
    {
      product: productId,
      unit_amount: row.price.amountCents,
      currency: row.price.currency,
      recurring: { interval: row.price.interval },
      metadata: { plan_price_id: row.price.id },
    },
    { idempotencyKey: `refi-price-${row.price.id}` },
  );
  const [stored] = await db
    .update(planPrices)
    .set({ stripePriceId: price.id })
    .where(and(eq(planPrices.id, row.price.id), isNull(planPrices.stripePriceId)))
    .returning({ id: planPrices.stripePriceId });
  if (stored?.id) return stored.id;
  const [again] = await db.select({ id: planPrices.stripePriceId }).from(planPrices).where(eq(planPrices.id, row.price.id));
  return again!.id!;
}

/** The user's Stripe customer: the stored one, or a new one (stored, reused for every checkout). */
export async function ensureStripeCustomer(userId: string): Promise<string> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, customer: users.stripeCustomerId })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user) throw new NotFoundError("Account not found.");
  if (user.customer) return user.customer;
  const customer = await stripe().customers.create(
    { email: user.email, name: user.name, metadata: { user_id: user.id } },
    { idempotencyKey: `refi-customer-${user.id}` },
  );
  const [stored] = await db
    .update(users)
    .set({ stripeCustomerId: customer.id })
    .where(and(eq(users.id, userId), isNull(users.stripeCustomerId)))
    .returning({ id: users.stripeCustomerId });
  if (stored?.id) return stored.id;
  const [again] = await db.select({ id: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  return again!.id!;
}

export type CheckoutStart = { url: string; sessionId: string };

/**
 * Starts Stripe Checkout (subscription mode) for one of the user's alerts. Only verified users
 * may pay; another user's alert (or a deleted one) is 404; an alert that already has a live
 * subscription is refused (409).
 */
export async function createAlertCheckout(userId: string, alertId: string, opts: { interval?: Interval } = {}): Promise<CheckoutStart> {
  const [row] = await db
    .select({ alert: alerts, verified: users.emailVerified })
    .from(alerts)
    .innerJoin(users, eq(users.id, alerts.userId))
    .where(and(eq(alerts.id, alertId), eq(alerts.userId, userId), isNull(alerts.deletedAt), isNull(users.deletedAt)))
    .limit(1);
  if (!row) throw new NotFoundError("Alert not found.");
  if (!row.verified) throw new ForbiddenError("Please verify your email address before subscribing.");
  const [existing] = await db.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.alertId, alertId)).limit(1);
  if (existing && (LIVE_STATUSES as readonly string[]).includes(existing.status)) {
    throw new ConflictError("This alert already has a subscription. Manage it on the billing page.");
  }
  if (!stripeConfigured()) throw new ServiceUnavailableError("Payments are not available right now. Please try again later.");

  const planPrice = await activePlanPrice(opts.interval ?? "year");
  const startSession = async () => {
    const priceId = await ensureStripePrice(planPrice.id);
    const customer = await ensureStripeCustomer(userId);
    const appUrl = env().APP_URL.replace(/\/+$/, "");
    const metadata = { alert_id: alertId, user_id: userId, mortgage_id: row.alert.mortgageId, plan_price_id: planPrice.id };
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: "subscription",
      customer,
      line_items: [{ price: priceId, quantity: 1 }],
      client_reference_id: userId,
      metadata,
      subscription_data: { metadata },
      success_url: `${appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      // "Nothing was charged", with the way back to this alert (app/(app)/billing/cancel).
      cancel_url: `${appUrl}/billing/cancel?alert=${alertId}`,
    };
    // Only the newest checkout for an alert can be paid: expiring older open ones means two tabs
    // (or a back button) can never start two subscriptions for the same alert.
    const openSessions = await stripe().checkout.sessions.list({ customer, status: "open", limit: 100 });
    for (const old of openSessions.data) {
      if (old.status === "open" && old.metadata?.alert_id === alertId) await stripe().checkout.sessions.expire(old.id);
    }
    return { session: await stripe().checkout.sessions.create(params), priceId, customer };
  };
  let started: Awaited<ReturnType<typeof startSession>>;
  try {
    started = await startSession();
  } catch (err) {
    // Stored Stripe ids from another account (keys switched) or a reset stand-in: clear the ones
    // Stripe no longer has and try once more, creating them again.
    if (!isResourceMissing(err) || !(await forgetMissingStripeIds({ userId, planPriceId: planPrice.id }))) throw err;
    started = await startSession();
  }
  const { session, priceId } = started;
  if (!session.url) throw new ServiceUnavailableError("Stripe did not return a checkout page. Please try again.");
  await audit({ actorId: userId, action: "billing.checkout_started", targetType: "alert", targetId: alertId, after: { session: session.id, price: priceId } });
  return { url: session.url, sessionId: session.id };
}
