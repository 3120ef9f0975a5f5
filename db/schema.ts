/**
 * The whole schema of ../shared/design/data-model.md (18 tables) plus four of ours
 * (rate_limits, jobs, daily_metrics, revoked_sessions). Tables live in db/schema/*.ts by domain; this file is the
 * one import for the rest of the code and for drizzle-kit.
 */
export * from "./schema/enums";
export * from "./schema/users";
export * from "./schema/mortgages";
export * from "./schema/alerts";
export * from "./schema/rates";
export * from "./schema/activity";
export * from "./schema/billing";
export * from "./schema/ops";
export * from "./schema/relations";

import type { alerts, triggers } from "./schema/alerts";
import type { auditLog, calculationHistory, emailLog } from "./schema/activity";
import type { invoices, planPrices, plans, stripeEvents, subscriptions } from "./schema/billing";
import type { mortgageTracking, mortgages } from "./schema/mortgages";
import type { jobs } from "./schema/ops";
import type { mortgageRates, rateIngestRuns } from "./schema/rates";
import type { emailVerificationTokens, passwordResetTokens, userPreferences, users } from "./schema/users";

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserPreferences = typeof userPreferences.$inferSelect;
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
export type EmailVerificationToken = typeof emailVerificationTokens.$inferSelect;
export type Mortgage = typeof mortgages.$inferSelect;
export type NewMortgage = typeof mortgages.$inferInsert;
export type MortgageTracking = typeof mortgageTracking.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type NewAlert = typeof alerts.$inferInsert;
export type Trigger = typeof triggers.$inferSelect;
export type MortgageRate = typeof mortgageRates.$inferSelect;
export type NewMortgageRate = typeof mortgageRates.$inferInsert;
export type RateIngestRun = typeof rateIngestRuns.$inferSelect;
export type EmailLog = typeof emailLog.$inferSelect;
export type CalculationHistory = typeof calculationHistory.$inferSelect;
export type AuditLog = typeof auditLog.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanPrice = typeof planPrices.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type StripeEvent = typeof stripeEvents.$inferSelect;
export type Job = typeof jobs.$inferSelect;
