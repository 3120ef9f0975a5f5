import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import { db, type DbOrTx } from "@/db";
import { alerts, planPrices, plans, subscriptions, users, type PlanPrice } from "@/db/schema";
import { audit } from "@/lib/audit";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, NotFoundError, ServiceUnavailableError } from "@/lib/errors";
import { LIVE_STATUSES } from "./status";
import { paidAwaitingActivation, reuseOrExpireOpen, withCheckoutLock } from "./checkout-sessions";
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

/** Said when the alert was paid for but Stripe's webhook has not been applied yet. */
export const PAYMENT_RECEIVED_MESSAGE = "We've received your payment for this alert. It will show as active in a minute or two: please refresh this page shortly.";

/** The user's own, not deleted alert (404 otherwise); verified users only; no live subscription yet (409). */
async function checkoutableAlert(tx: DbOrTx, userId: string, alertId: string) {
  const [row] = await tx
    .select({ alert: alerts, verified: users.emailVerified })
    .from(alerts)
    .innerJoin(users, eq(users.id, alerts.userId))
    .where(and(eq(alerts.id, alertId), eq(alerts.userId, userId), isNull(alerts.deletedAt), isNull(users.deletedAt)))
    .limit(1);
  if (!row) throw new NotFoundError("Alert not found.");
  if (!row.verified) throw new ForbiddenError("Please verify your email address before subscribing.");
  const [existing] = await tx.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.alertId, alertId)).limit(1);
  if (existing && (LIVE_STATUSES as readonly string[]).includes(existing.status)) {
    throw new ConflictError("This alert already has a subscription. Manage it on the billing page.");
  }
  return row.alert;
}

/**
 * Starts Stripe Checkout (subscription mode) for one of the user's alerts. Only verified users
 * may pay; another user's alert (or a deleted one) is 404; an alert that already has a live
 * subscription, or was just paid for (webhook not applied yet), is refused (409).
 *
 * The checks and the session are made under the alert's checkout lock, so two requests at once
 * (two tabs, a double click) cannot both create a session: the second one waits, then is sent to
 * the session the first one made. The lock's transaction stays open across those Stripe calls;
 * they are few and only this alert's checkouts wait on it.
 */
export async function createAlertCheckout(userId: string, alertId: string, opts: { interval?: Interval } = {}): Promise<CheckoutStart> {
  await checkoutableAlert(db, userId, alertId); // fails fast, before any Stripe call
  if (!stripeConfigured()) throw new ServiceUnavailableError("Payments are not available right now. Please try again later.");

  const planPrice = await activePlanPrice(opts.interval ?? "year");
  const startSession = async () => {
    // Idempotent and safe outside the lock: they only create the shared Stripe price and customer.
    const priceId = await ensureStripePrice(planPrice.id);
    const customer = await ensureStripeCustomer(userId);
    return withCheckoutLock([alertId], async (tx) => {
      // Again under the lock: a delete, a webhook or another checkout may have finished meanwhile.
      const alert = await checkoutableAlert(tx, userId, alertId);
      if (await paidAwaitingActivation(tx, customer, alertId)) throw new ConflictError(PAYMENT_RECEIVED_MESSAGE);
      const open = await reuseOrExpireOpen(customer, alertId, planPrice.id);
      if (open) return open;
      const appUrl = env().APP_URL.replace(/\/+$/, "");
      const metadata = { alert_id: alertId, user_id: userId, mortgage_id: alert.mortgageId, plan_price_id: planPrice.id };
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
      const session = await stripe().checkout.sessions.create(params);
      await audit({ actorId: userId, action: "billing.checkout_started", targetType: "alert", targetId: alertId, after: { session: session.id, price: priceId } }, tx);
      return session;
    });
  };
  let session: Stripe.Checkout.Session;
  try {
    session = await startSession();
  } catch (err) {
    // Stored Stripe ids from another account (keys switched) or a reset stand-in: clear the ones
    // Stripe no longer has and try once more, creating them again.
    if (!isResourceMissing(err) || !(await forgetMissingStripeIds({ userId, planPriceId: planPrice.id }))) throw err;
    session = await startSession();
  }
  if (!session.url) throw new ServiceUnavailableError("Stripe did not return a checkout page. Please try again.");
  return { url: session.url, sessionId: session.id };
}
