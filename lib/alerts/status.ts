// The one place that decides what state an alert is in, for the list, the page and the badge.
// The sweep's SQL encodes the same rule for "monitored" (lib/alerts/sweep.ts).

export type SubscriptionLike = { status: string; currentPeriodEnd: Date | null } | null;
export type AlertLike = { isActive: boolean; pausedAt: Date | null; userDismissed: boolean; deletedAt: Date | null };

export type AlertStatus = "deleted" | "dismissed" | "paused" | "awaiting_payment" | "payment_lapsed" | "grace" | "monitoring";

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  deleted: "Deleted",
  dismissed: "Dismissed",
  paused: "Paused",
  awaiting_payment: "Awaiting payment",
  payment_lapsed: "Payment lapsed",
  grace: "Monitoring (payment past due)",
  monitoring: "Monitoring",
};

/** Whether the subscription pays for monitoring now: active or trialing, or past due until the period ends. */
export function subscriptionCovers(sub: SubscriptionLike, now = new Date()): boolean {
  if (!sub) return false;
  if (sub.status === "active" || sub.status === "trialing") return true;
  return sub.status === "past_due" && sub.currentPeriodEnd !== null && sub.currentPeriodEnd > now;
}

export function alertStatus(alert: AlertLike, sub: SubscriptionLike, now = new Date()): AlertStatus {
  if (alert.deletedAt) return "deleted";
  if (alert.userDismissed) return "dismissed";
  if (!alert.isActive || alert.pausedAt) return "paused";
  if (!sub || sub.status === "incomplete") return "awaiting_payment";
  if (!subscriptionCovers(sub, now)) return "payment_lapsed";
  return sub.status === "past_due" ? "grace" : "monitoring";
}

/** Whether the owner should be offered checkout for this alert. */
export function needsPayment(alert: AlertLike, sub: SubscriptionLike, now = new Date()): boolean {
  const s = alertStatus(alert, sub, now);
  return s === "awaiting_payment" || s === "payment_lapsed";
}
