import { pgEnum } from "drizzle-orm/pg-core";

// Enum values follow ../shared/design (the expansion plan) exactly; values marked "ours" extend it.
export const userRole = pgEnum("user_role", ["user", "admin"]);
export const alertFrequency = pgEnum("alert_frequency", ["instant", "daily", "weekly"]);
// "system" is ours: follow the device (new accounts keep the browser's choice).
export const themePreference = pgEnum("theme_preference", ["light", "dark", "system"]);
export const propertyType = pgEnum("property_type", ["single_family", "condo", "townhouse", "multi_family"]);
export const occupancyType = pgEnum("occupancy_type", ["primary", "secondary", "investment"]);
export const trackingSource = pgEnum("tracking_source", ["manual", "projected"]);
export const alertType = pgEnum("alert_type", ["monthly_payment", "interest_rate"]);
export const triggerStatus = pgEnum("trigger_status", ["triggered", "notified", "acknowledged", "expired"]);
export const userAction = pgEnum("user_action", ["none", "contacted_lender", "dismissed", "snoozed"]);
export const rateType = pgEnum("rate_type", [
  "30_year_fixed",
  "15_year_fixed",
  "FHA_30",
  "VA_30",
  "5_1_ARM",
  "7_1_ARM",
  "10_1_ARM",
]);
export const emailType = pgEnum("email_type", [
  "welcome",
  "alert_notification",
  "password_reset",
  "email_verification",
  "payment_receipt",
  "payment_failed",
  "rate_drop_alert",
  "weekly_digest",
  "marketing",
  // ours: daily digests, security notices (password changed, sign-up attempt on an existing address)
  "daily_digest",
  "security_notice",
]);
export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed", "bounced", "opened", "clicked"]);
export const calculationType = pgEnum("calculation_type", [
  "monthly_payment",
  "break_even",
  "efficient_frontier",
  "refinance_savings",
  "amortization",
  "target_rate", // ours: the target-rate finder is a calculator too
]);
export const subscriptionStatus = pgEnum("subscription_status", [
  "active",
  "canceled",
  "past_due",
  "unpaid",
  "incomplete",
  "incomplete_expired",
  "trialing",
  "paused", // Stripe's own status for paused collection
]);
export const invoiceStatus = pgEnum("invoice_status", ["draft", "open", "paid", "uncollectible", "void"]);
export const billingInterval = pgEnum("billing_interval", ["month", "year"]);
export const jobStatus = pgEnum("job_status", ["queued", "running", "done", "failed"]);
