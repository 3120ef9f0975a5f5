import { sql, type SQL } from "drizzle-orm";
import type { Subscription } from "@/db/schema";

// Pure: no server-only import, so unit tests and client components may use the helpers.

export type SubscriptionStatus = Subscription["status"];

/** Statuses that still hold (or may still recover) a paid seat: a new checkout is refused. */
export const LIVE_STATUSES = ["active", "trialing", "past_due", "unpaid"] as const satisfies readonly SubscriptionStatus[];

/** Statuses that have ended for good: the alert may be paid for again. */
export const ENDED_STATUSES = ["canceled", "incomplete_expired"] as const satisfies readonly SubscriptionStatus[];

/**
 * Whether a subscription keeps its alert monitored: active and trialing always; past_due stays
 * monitored (with a banner) during the grace period, i.e. until the paid period ends. Everything
 * else (canceled, unpaid, incomplete, incomplete_expired, paused) pauses monitoring.
 * The alert itself must also be the user's own "on" (alerts.is_active, not deleted).
 */
export function isMonitoredStatus(status: SubscriptionStatus | null | undefined, periodEnd: Date | null | undefined, now: Date = new Date()): boolean {
  if (status === "active" || status === "trialing") return true;
  if (status === "past_due") return periodEnd != null && periodEnd.getTime() > now.getTime();
  return false;
}

/**
 * The same rule in SQL, for the alerts sweep: pass the subscriptions table alias columns, e.g.
 * `monitoredSubscriptionSql(subscriptions.status, subscriptions.currentPeriodEnd)`; combine with
 * `alerts.is_active AND alerts.deleted_at IS NULL` (and a LEFT/INNER JOIN on subscriptions.alert_id).
 */
export function monitoredSubscriptionSql(status: SQL | unknown, periodEnd: SQL | unknown): SQL {
  return sql`(${status} IN ('active', 'trialing') OR (${status} = 'past_due' AND ${periodEnd} > now()))`;
}

/** What to tell the homeowner about a subscription status. */
export function statusLabel(status: SubscriptionStatus, cancelAtPeriodEnd = false): string {
  if (cancelAtPeriodEnd && (status === "active" || status === "trialing")) return "Ends at period end";
  switch (status) {
    case "active":
      return "Active";
    case "trialing":
      return "Trial";
    case "past_due":
      return "Payment overdue";
    case "unpaid":
      return "Unpaid";
    case "incomplete":
      return "Awaiting payment";
    case "incomplete_expired":
      return "Expired";
    case "canceled":
      return "Canceled";
    case "paused":
      return "Paused";
  }
}
