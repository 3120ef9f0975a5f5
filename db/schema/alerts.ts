import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./common";
import { alertType, rateType, triggerStatus, userAction } from "./enums";
import { mortgages } from "./mortgages";
import { users } from "./users";

export const alerts = pgTable(
  "alerts",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mortgageId: uuid("mortgage_id")
      .notNull()
      .references(() => mortgages.id, { onDelete: "cascade" }),
    alertType: alertType("alert_type").notNull(),
    targetMonthlyPaymentCents: bigint("target_monthly_payment_cents", { mode: "number" }),
    targetInterestRate: numeric("target_interest_rate", { precision: 5, scale: 3, mode: "number" }),
    targetTerm: integer("target_term").notNull(), // months
    // The homeowner's own estimate of refinance costs, and the one the app computed.
    estimateRefinanceCostCents: bigint("estimate_refinance_cost_cents", { mode: "number" }),
    calculatedRefinanceCostCents: bigint("calculated_refinance_cost_cents", { mode: "number" }),
    isActive: boolean("is_active").notNull().default(true),
    pausedAt: tstz("paused_at"),
    lastNotificationSentAt: tstz("last_notification_sent_at"),
    notificationCount: integer("notification_count").notNull().default(0),
    firstTriggeredAt: tstz("first_triggered_at"),
    lastTriggeredAt: tstz("last_triggered_at"),
    totalTriggers: integer("total_triggers").notNull().default(0),
    userDismissed: boolean("user_dismissed").notNull().default(false),
    dismissedAt: tstz("dismissed_at"),
    deletedAt: tstz("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("idx_alert_user_active").on(t.userId, t.isActive, t.deletedAt),
    index("idx_alert_mortgage_active").on(t.mortgageId, t.isActive),
    index("idx_alert_live").on(t.targetTerm).where(sql`${t.isActive} = TRUE AND ${t.deletedAt} IS NULL AND ${t.userDismissed} = FALSE`),
    check(
      "ck_alert_target",
      sql`(${t.alertType} = 'monthly_payment' AND ${t.targetMonthlyPaymentCents} IS NOT NULL AND ${t.targetMonthlyPaymentCents} > 0)
       OR (${t.alertType} = 'interest_rate' AND ${t.targetInterestRate} IS NOT NULL AND ${t.targetInterestRate} BETWEEN 0 AND 25)`,
    ),
    check("ck_alert_term", sql`${t.targetTerm} BETWEEN 12 AND 600`),
    check("ck_alert_costs", sql`coalesce(${t.estimateRefinanceCostCents}, 0) >= 0 AND coalesce(${t.calculatedRefinanceCostCents}, 0) >= 0`),
  ],
);

export const triggers = pgTable(
  "triggers",
  {
    id: id(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    status: triggerStatus("status").notNull().default("triggered"),
    reason: text("reason").notNull(),
    triggeredAt: tstz("triggered_at").notNull().defaultNow(),
    // The alert's target and the market's value when it fired: a percent (3 decimals) for an
    // interest_rate alert, whole cents a month for a monthly_payment alert.
    thresholdValue: numeric("threshold_value", { precision: 12, scale: 3, mode: "number" }),
    currentValue: numeric("current_value", { precision: 12, scale: 3, mode: "number" }),
    notificationSent: boolean("notification_sent").notNull().default(false),
    notificationSentAt: tstz("notification_sent_at"),
    userViewed: boolean("user_viewed").notNull().default(false),
    viewedAt: tstz("viewed_at"),
    userAction: userAction("user_action"),
    actionTakenAt: tstz("action_taken_at"),
    expiresAt: tstz("expires_at"),
    // ours: which market observation fired it. Unique per alert, so the same rates can never
    // create a trigger twice, however many sweeps run at once.
    rateType: rateType("rate_type").notNull(),
    marketDate: date("market_date", { mode: "string" }).notNull(),
    marketRate: numeric("market_rate", { precision: 5, scale: 3, mode: "number" }).notNull(),
    snoozedUntil: tstz("snoozed_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_trigger_alert_market").on(t.alertId, t.rateType, t.marketDate),
    index("idx_trigger_alert_status").on(t.alertId, t.status, t.triggeredAt.desc()),
    index("idx_trigger_expires").on(t.expiresAt).where(sql`${t.expiresAt} IS NOT NULL`),
    index("idx_trigger_status").on(t.status),
    index("idx_trigger_triggered_at").on(t.triggeredAt),
  ],
);
