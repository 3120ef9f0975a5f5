import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { createdAt, id, tstz, updatedAt } from "./common";
import { billingInterval, invoiceStatus, subscriptionStatus } from "./enums";
import { users } from "./users";

export const plans = pgTable(
  "plans",
  {
    id: id(),
    code: varchar("code", { length: 50 }).notNull(),
    name: varchar("name", { length: 100 }).notNull(),
    description: text("description"),
    features: jsonb("features").$type<string[]>().notNull().default([]),
    isActive: boolean("is_active").notNull().default(true),
    stripeProductId: varchar("stripe_product_id", { length: 100 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("uq_plans_code").on(t.code)],
);

/** A price change is a new row: history is kept and subscribers keep the price they bought. */
export const planPrices = pgTable(
  "plan_prices",
  {
    id: id(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "restrict" }),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull().default("usd"),
    interval: billingInterval("interval").notNull(),
    stripePriceId: varchar("stripe_price_id", { length: 100 }),
    isActive: boolean("is_active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("idx_plan_prices_plan").on(t.planId, t.isActive),
    index("idx_plan_prices_created_by").on(t.createdBy),
    uniqueIndex("uq_plan_prices_stripe").on(t.stripePriceId),
    check("ck_plan_prices_amount", sql`${t.amountCents} > 0`),
  ],
);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    planPriceId: uuid("plan_price_id").references(() => planPrices.id, { onDelete: "set null" }),
    stripeCustomerId: varchar("stripe_customer_id", { length: 100 }).notNull(),
    stripeSubscriptionId: varchar("stripe_subscription_id", { length: 100 }).notNull(),
    stripePriceId: varchar("stripe_price_id", { length: 100 }).notNull(),
    status: subscriptionStatus("status").notNull().default("incomplete"),
    currentPeriodStart: tstz("current_period_start"),
    currentPeriodEnd: tstz("current_period_end"),
    trialStart: tstz("trial_start"),
    trialEnd: tstz("trial_end"),
    canceledAt: tstz("canceled_at"),
    endedAt: tstz("ended_at"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull().default("usd"),
    // The plan said "month"; the offer the data model sets is yearly ($120 a year).
    interval: billingInterval("interval").notNull().default("year"),
    // Creation time of the newest Stripe event applied: older events are stale and ignored.
    lastStripeEventAt: tstz("last_stripe_event_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_subscriptions_alert").on(t.alertId),
    uniqueIndex("uq_subscriptions_stripe").on(t.stripeSubscriptionId),
    index("idx_subscription_user_status").on(t.userId, t.status),
    index("idx_subscription_customer").on(t.stripeCustomerId),
    index("idx_subscription_plan_price").on(t.planPriceId),
    index("idx_subscription_period").on(t.currentPeriodEnd).where(sql`${t.status} = 'active'`),
    check("ck_subscriptions_amount", sql`${t.amountCents} >= 0`),
  ],
);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stripeInvoiceId: varchar("stripe_invoice_id", { length: 100 }).notNull(),
    stripePaymentIntentId: varchar("stripe_payment_intent_id", { length: 100 }),
    amountDueCents: bigint("amount_due_cents", { mode: "number" }).notNull(),
    amountPaidCents: bigint("amount_paid_cents", { mode: "number" }).notNull().default(0),
    currency: char("currency", { length: 3 }).notNull().default("usd"),
    status: invoiceStatus("status").notNull().default("draft"),
    invoiceDate: tstz("invoice_date").notNull(),
    dueDate: tstz("due_date"),
    paidAt: tstz("paid_at"),
    invoicePdfUrl: varchar("invoice_pdf_url", { length: 500 }),
    hostedInvoiceUrl: varchar("hosted_invoice_url", { length: 500 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_invoices_stripe").on(t.stripeInvoiceId),
    index("idx_invoice_user_status").on(t.userId, t.status, t.invoiceDate.desc()),
    index("idx_invoice_subscription").on(t.subscriptionId, t.invoiceDate.desc()),
    check("ck_invoices_amounts", sql`${t.amountDueCents} >= 0 AND ${t.amountPaidCents} >= 0`),
  ],
);

/** Every Stripe event received, by Stripe's id: makes webhook delivery idempotent. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: varchar("id", { length: 100 }).primaryKey(),
    type: varchar("type", { length: 100 }).notNull(),
    eventCreatedAt: tstz("event_created_at").notNull(),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    processedAt: tstz("processed_at"),
    error: text("error"),
  },
  (t) => [index("idx_stripe_events_type").on(t.type, t.receivedAt.desc())],
);
