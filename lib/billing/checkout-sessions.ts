import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { db, type DbOrTx } from "@/db";
import { alerts, subscriptions, users } from "@/db/schema";
import { ENDED_STATUSES } from "./status";
import { stripe, stripeConfigured } from "./stripe";

/**
 * Runs `fn` in a transaction holding the checkout lock of each alert: a transaction-scoped
 * advisory lock, so starting a checkout and expiring an alert's checkouts (on delete) happen one
 * at a time per alert, and the lock goes with the transaction whatever happens. Keys are taken in
 * sorted order so two callers locking several alerts cannot deadlock. `fn` must use `tx` only:
 * with PGlite a query on `db` would wait for this very transaction.
 */
export async function withCheckoutLock<T>(alertIds: string[], fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    for (const id of [...new Set(alertIds)].sort()) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`refi-alert-checkout:${id}`}, 0))`);
    }
    return fn(tx);
  });
}
const forAlert = (alertId: string) => (s: Stripe.Checkout.Session) => s.metadata?.alert_id === alertId;

/** Sessions of the customer in one state (newest first; a customer has few). */
async function sessions(customer: string, status: "open" | "complete"): Promise<Stripe.Checkout.Session[]> {
  return (await stripe().checkout.sessions.list({ customer, status, limit: 100 })).data;
}

/**
 * Whether the alert was paid for through Checkout but the subscription is not applied here yet
 * (the webhook is slow): a completed session whose subscription we have no row for, and which is
 * still live at Stripe (one we cancelled as a stray, or one that ended, doesn't count).
 */
export async function paidAwaitingActivation(tx: DbOrTx, customer: string, alertId: string): Promise<boolean> {
  const paid = (await sessions(customer, "complete")).filter(forAlert(alertId));
  const subIds = paid.map((s) => (typeof s.subscription === "string" ? s.subscription : s.subscription?.id)).filter((id): id is string => Boolean(id));
  if (subIds.length === 0) return false;
  const recorded = new Set(
    (await tx.select({ id: subscriptions.stripeSubscriptionId }).from(subscriptions).where(inArray(subscriptions.stripeSubscriptionId, subIds))).map((r) => r.id),
  );
  for (const id of subIds.filter((s) => !recorded.has(s))) {
    const sub = await stripe().subscriptions.retrieve(id);
    if (!(ENDED_STATUSES as readonly string[]).includes(sub.status)) return true;
  }
  return false;
}

// A session reused for another click must leave the homeowner time to pay (Stripe's last 24 h).
const REUSE_MIN_SECONDS_LEFT = 60 * 60;

/**
 * The alert's open Checkout session for the same price, to send a second click (another tab, a
 * double submit) to the same page; every other open session of the alert is expired, so only one
 * can ever be paid. Null when a new one is needed.
 */
export async function reuseOrExpireOpen(customer: string, alertId: string, planPriceId: string): Promise<Stripe.Checkout.Session | null> {
  let reuse: Stripe.Checkout.Session | null = null;
  const now = Math.floor(Date.now() / 1000);
  for (const s of (await sessions(customer, "open")).filter(forAlert(alertId))) {
    if (s.status !== "open") continue;
    if (!reuse && s.url && s.metadata?.plan_price_id === planPriceId && s.expires_at - now > REUSE_MIN_SECONDS_LEFT) reuse = s;
    else await expireIfOpen(s.id);
  }
  return reuse;
}

/** Expires a session; one that stopped being open meanwhile (paid, or past its time) is fine. */
async function expireIfOpen(id: string): Promise<boolean> {
  try {
    await stripe().checkout.sessions.expire(id);
    return true;
  } catch (err) {
    if ((await stripe().checkout.sessions.retrieve(id)).status === "open") throw err;
    return false;
  }
}

/**
 * After alerts (or a whole account) are deleted: expires their open Checkout sessions, so a page
 * left open cannot start a subscription for something deleted. Best effort, after the delete has
 * committed: a Stripe failure is logged, never thrown (a subscription paid anyway is cancelled by
 * the webhook, lib/billing/stray.ts). `alertIds` omitted: every open session of the user.
 * Returns how many were expired.
 */
export async function expireOpenCheckouts(userId: string, alertIds?: string[]): Promise<number> {
  if (alertIds?.length === 0 || !stripeConfigured()) return 0;
  try {
    const [user] = await db.select({ customer: users.stripeCustomerId }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user?.customer) return 0; // never started a checkout
    const customer = user.customer;
    const ids = alertIds ?? (await db.select({ id: alerts.id }).from(alerts).where(eq(alerts.userId, userId))).map((a) => a.id);
    // Under the alerts' checkout locks: a checkout being started right now finishes first (and
    // is expired here), or starts after and finds the alert deleted.
    return await withCheckoutLock(ids, async () => {
      let expired = 0;
      for (const s of await sessions(customer, "open")) {
        if (s.status !== "open" || (alertIds && !alertIds.includes(s.metadata?.alert_id ?? ""))) continue;
        // One paid a moment ago is no longer open: the webhook cancels its subscription.
        if (await expireIfOpen(s.id).catch((err: unknown) => void console.error(`[billing] could not expire checkout session ${s.id} of user ${userId}`, err))) expired++;
      }
      return expired;
    });
  } catch (err) {
    console.error(`[billing] could not expire the open checkout sessions of user ${userId}`, err);
    return 0;
  }
}
