import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { queryRows, type DbOrTx } from "@/db";
import { alerts, mortgages, planPrices, subscriptions, users, type Subscription } from "@/db/schema";
import { audit } from "@/lib/audit";
import { ENDED_STATUSES, LIVE_STATUSES } from "./status";

/**
 * Applies Stripe subscription objects to our `subscriptions` row: the one sync used by webhooks,
 * the success page and anything else that learns a subscription's state. Idempotent.
 *
 * `source` says where the object came from:
 * - an event (`createdAt` = event.created): ignored when older than the row's last applied
 *   event, so out-of-order delivery cannot roll state back; otherwise applied and remembered;
 * - `fetched` (read from the API just now, i.e. at least as new as any event so far): applied
 *   without moving last_stripe_event_at, so later events still apply.
 */
export type SyncSource = { kind: "event"; createdAt: Date } | { kind: "fetched" };
/**
 * `rejected`: a subscription new to us that is still live but can never be applied (its alert
 * already has a live subscription, or its alert, mortgage or user is deleted or gone): it would
 * charge every period with nothing to show for it, so the caller cancels it at Stripe
 * (lib/billing/stray.ts). `duplicate`/`unknown`/`stale` are only logged.
 */
export type SyncOutcome =
  | {
      result: "applied";
      subscription: Subscription;
      previousStatus: Subscription["status"] | null;
      /** The alert's earlier subscription this one took the place of, when it had not ended (paused, incomplete). */
      replaced?: { stripeSubscriptionId: string; status: Subscription["status"] };
    }
  | { result: "stale" | "unknown" | "duplicate"; subscription?: Subscription; reason: string }
  | { result: "rejected"; subscription?: Subscription; reason: string; alertId: string; userId: string | null };

const STATUSES = ["active", "canceled", "past_due", "unpaid", "incomplete", "incomplete_expired", "trialing", "paused"] as const;
/** Stripe may add statuses; one we don't know is treated as not paid (not monitored). */
function toStatus(status: string): Subscription["status"] {
  if ((STATUSES as readonly string[]).includes(status)) return status as Subscription["status"];
  console.warn(`unknown Stripe subscription status ${status}: treated as incomplete`);
  return "incomplete";
}

const id = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === "string" ? v : v.id);
const at = (seconds: number | null | undefined): Date | null => (seconds == null ? null : new Date(seconds * 1000));

/** Period bounds: on the items since API version 2025-03-31, on the subscription before. */
function period(sub: Stripe.Subscription): { start: Date | null; end: Date | null } {
  const item = sub.items?.data?.[0] as (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined;
  const legacy = sub as unknown as { current_period_start?: number; current_period_end?: number };
  return { start: at(item?.current_period_start ?? legacy.current_period_start), end: at(item?.current_period_end ?? legacy.current_period_end) };
}

const UUID = /^[0-9a-f-]{36}$/i;
type Owner = { alertId: string; userId: string; deleted: boolean };

/**
 * The alert a subscription pays for, checked to belong to the paying user: null when it is not
 * ours, `gone` when the metadata names an alert id this database does not have. `deleted` when
 * the alert, its mortgage or its user is soft-deleted.
 */
async function resolveOwner(tx: DbOrTx, sub: Stripe.Subscription, existingAlertId: string | null): Promise<Owner | { gone: string; userId: string | null } | null> {
  const alertId = existingAlertId ?? sub.metadata?.alert_id ?? null;
  if (!alertId || !UUID.test(alertId)) return null;
  let userId = sub.metadata?.user_id ?? null;
  if (!userId) {
    const customer = id(sub.customer);
    const [u] = customer ? await tx.select({ id: users.id }).from(users).where(eq(users.stripeCustomerId, customer)).limit(1) : [];
    userId = u?.id ?? null;
  }
  if (!userId || !UUID.test(userId)) return null;
  // Locks the alert row: every change to the alert's subscription is serialized here, so two
  // events for the same subscription (or alert) processed at once cannot lose an update.
  const [alert] = await queryRows<{ id: string; user_id: string; deleted: boolean }>(
    tx,
    sql`SELECT a.id, a.user_id, (a.deleted_at IS NOT NULL OR m.deleted_at IS NOT NULL OR u.deleted_at IS NOT NULL) AS deleted
        FROM ${alerts} a JOIN ${mortgages} m ON m.id = a.mortgage_id JOIN ${users} u ON u.id = a.user_id
        WHERE a.id = ${alertId} FOR NO KEY UPDATE OF a`,
  );
  if (!alert) return { gone: alertId, userId };
  if (alert.user_id !== userId) return null;
  return { alertId, userId, deleted: alert.deleted };
}

/**
 * Whether the subscription charges one of our prices. A missing alert alone could be another
 * app's (a Stripe account shared with staging sends us its events too); our price id says the
 * subscription came from our own checkout, for an alert since purged.
 */
async function chargesOurPrice(tx: DbOrTx, sub: Stripe.Subscription): Promise<boolean> {
  const priceId = sub.items?.data?.[0]?.price?.id;
  if (!priceId) return false;
  const [ours] = await tx.select({ id: planPrices.id }).from(planPrices).where(eq(planPrices.stripePriceId, priceId)).limit(1);
  return Boolean(ours);
}

export async function syncSubscription(tx: DbOrTx, sub: Stripe.Subscription, source: SyncSource): Promise<SyncOutcome> {
  const [known] = await tx.select({ alertId: subscriptions.alertId }).from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, sub.id)).limit(1);
  const owner = await resolveOwner(tx, sub, known?.alertId ?? null);
  // Only a subscription new to us is refused: one we already hold keeps syncing after its alert
  // is deleted (its cancel-at-period-end, an undo that resumes it, its final deletion).
  const incomingEnded = (ENDED_STATUSES as readonly string[]).includes(toStatus(sub.status));
  if (owner && "gone" in owner) {
    if (!known && !incomingEnded && (await chargesOurPrice(tx, sub))) {
      return { result: "rejected", reason: `subscription ${sub.id} (${sub.status}) is for alert ${owner.gone}, which no longer exists`, alertId: owner.gone, userId: owner.userId };
    }
    return { result: "unknown", reason: `subscription ${sub.id}: alert ${owner.gone} is not in this database` };
  }
  if (!owner) return { result: "unknown", reason: `subscription ${sub.id}: no alert of ours (metadata ${JSON.stringify(sub.metadata ?? {})})` };
  if (!known && owner.deleted) {
    const reason = `subscription ${sub.id} (${sub.status}) is for alert ${owner.alertId}, which is deleted (or its mortgage or account is)`;
    return incomingEnded ? { result: "unknown", reason } : { result: "rejected", reason, alertId: owner.alertId, userId: owner.userId };
  }

  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.alertId, owner.alertId)).limit(1);
  const eventAt = source.kind === "event" ? source.createdAt : null;
  if (row && row.stripeSubscriptionId === sub.id && eventAt && row.lastStripeEventAt && eventAt < row.lastStripeEventAt) {
    return { result: "stale", subscription: row, reason: `event of ${eventAt.toISOString()} is older than ${row.lastStripeEventAt.toISOString()}` };
  }
  if (row && row.stripeSubscriptionId !== sub.id) {
    // The alert already has another subscription. A new one replaces it only if the old one
    // has ended (the alert is being paid for again); news about an old, replaced one is ignored.
    const rowLive = (LIVE_STATUSES as readonly string[]).includes(row.status);
    const incomingLive = (LIVE_STATUSES as readonly string[]).includes(toStatus(sub.status));
    if (rowLive && !incomingEnded) {
      // A second subscription for a paid alert (two checkouts, or one paid after the webhook was
      // slow): the first one stays, this one must not keep charging.
      return {
        result: "rejected",
        subscription: row,
        reason: `alert ${owner.alertId} is already paid for by ${row.stripeSubscriptionId} (${row.status}); ${sub.id} is ${sub.status}`,
        alertId: owner.alertId,
        userId: owner.userId,
      };
    }
    if (rowLive || !incomingLive) {
      return { result: "duplicate", subscription: row, reason: `alert ${owner.alertId} is held by ${row.stripeSubscriptionId} (${row.status}); ${sub.id} is ${sub.status}` };
    }
  }

  const item = sub.items?.data?.[0];
  const price = item?.price;
  const stripePriceId = price?.id ?? row?.stripePriceId ?? "";
  const [ourPrice] = stripePriceId
    ? await tx.select({ id: planPrices.id }).from(planPrices).where(eq(planPrices.stripePriceId, stripePriceId)).limit(1)
    : [];
  const { start, end } = period(sub);
  const status = toStatus(sub.status);
  const ended = status === "canceled" || status === "incomplete_expired";
  const values = {
    userId: owner.userId,
    alertId: owner.alertId,
    planPriceId: ourPrice?.id ?? row?.planPriceId ?? null,
    stripeCustomerId: id(sub.customer)!,
    stripeSubscriptionId: sub.id,
    stripePriceId,
    status,
    currentPeriodStart: start ?? row?.currentPeriodStart ?? null,
    currentPeriodEnd: end ?? row?.currentPeriodEnd ?? null,
    trialStart: at(sub.trial_start),
    trialEnd: at(sub.trial_end),
    canceledAt: at(sub.canceled_at),
    endedAt: at(sub.ended_at),
    // Newer Stripe portals schedule a cancellation with cancel_at instead of the flag.
    cancelAtPeriodEnd: !ended && (sub.cancel_at_period_end || sub.cancel_at != null),
    amountCents: (price?.unit_amount ?? row?.amountCents ?? 0) * (item?.quantity ?? 1),
    currency: price?.currency ?? row?.currency ?? "usd",
    interval: price?.recurring?.interval === "month" ? ("month" as const) : ("year" as const),
    updatedAt: new Date(),
  };

  let saved: Subscription;
  if (!row) {
    [saved] = (await tx
      .insert(subscriptions)
      .values({ ...values, lastStripeEventAt: eventAt })
      .returning()) as [Subscription];
  } else {
    const replacing = row.stripeSubscriptionId !== sub.id;
    const last = replacing ? eventAt : eventAt && (!row.lastStripeEventAt || eventAt > row.lastStripeEventAt) ? eventAt : row.lastStripeEventAt;
    [saved] = (await tx.update(subscriptions).set({ ...values, lastStripeEventAt: last }).where(eq(subscriptions.id, row.id)).returning()) as [Subscription];
  }
  await tx.update(users).set({ stripeCustomerId: saved.stripeCustomerId }).where(and(eq(users.id, owner.userId), isNull(users.stripeCustomerId)));

  const previousStatus = row && row.stripeSubscriptionId === sub.id ? row.status : null;
  if (previousStatus !== saved.status || row?.cancelAtPeriodEnd !== saved.cancelAtPeriodEnd) {
    await audit(
      {
        actorId: null,
        action: row ? "subscription.updated" : "subscription.created",
        targetType: "subscription",
        targetId: saved.id,
        before: row ? { status: row.status, cancelAtPeriodEnd: row.cancelAtPeriodEnd, stripeSubscriptionId: row.stripeSubscriptionId } : null,
        after: { status: saved.status, cancelAtPeriodEnd: saved.cancelAtPeriodEnd, stripeSubscriptionId: saved.stripeSubscriptionId, alertId: saved.alertId },
      },
      tx,
    );
  }
  // A paused or incomplete subscription this one replaces could still be resumed or paid at
  // Stripe, and would then charge for an alert that is already paid: the caller cancels it.
  const replaced =
    row && row.stripeSubscriptionId !== sub.id && !(ENDED_STATUSES as readonly string[]).includes(row.status)
      ? { stripeSubscriptionId: row.stripeSubscriptionId, status: row.status }
      : undefined;
  return { result: "applied", subscription: saved, previousStatus, ...(replaced ? { replaced } : {}) };
}
