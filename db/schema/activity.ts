import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { alerts, triggers } from "./alerts";
import { createdAt, id, tstz, updatedAt } from "./common";
import { calculationType, emailStatus, emailType } from "./enums";
import { mortgages } from "./mortgages";
import { users } from "./users";

export const emailLog = pgTable(
  "email_log",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    recipientEmail: varchar("recipient_email", { length: 255 }).notNull(),
    emailType: emailType("email_type").notNull(),
    subject: varchar("subject", { length: 255 }).notNull(),
    alertId: uuid("alert_id").references(() => alerts.id, { onDelete: "set null" }),
    triggerId: uuid("trigger_id").references(() => triggers.id, { onDelete: "set null" }),
    status: emailStatus("status").notNull().default("queued"),
    sentAt: tstz("sent_at"),
    openedAt: tstz("opened_at"),
    clickedAt: tstz("clicked_at"),
    errorMessage: text("error_message"),
    provider: varchar("provider", { length: 50 }),
    providerMessageId: varchar("provider_message_id", { length: 255 }),
    // ours: retries and re-sending
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at"),
    template: varchar("template", { length: 100 }).notNull(),
    templateParams: jsonb("template_params").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("idx_email_user_created").on(t.userId, t.createdAt.desc()),
    index("idx_email_type_status").on(t.emailType, t.status, t.createdAt.desc()),
    index("idx_email_status").on(t.status).where(sql`${t.status} IN ('failed', 'bounced')`),
    index("idx_email_failed_created").on(t.createdAt.desc()).where(sql`${t.status} IN ('failed', 'bounced')`),
    index("idx_email_recipient").on(t.recipientEmail),
    index("idx_email_provider_message").on(t.providerMessageId),
    index("idx_email_created").on(t.createdAt),
    index("idx_email_alert").on(t.alertId),
    index("idx_email_trigger").on(t.triggerId),
    index("idx_email_retry").on(t.nextAttemptAt).where(sql`${t.status} IN ('queued', 'failed') AND ${t.nextAttemptAt} IS NOT NULL`),
    // A trigger is emailed at most once, however many workers run.
    uniqueIndex("uq_email_trigger_notification")
      .on(t.triggerId)
      .where(sql`${t.emailType} = 'alert_notification' AND ${t.triggerId} IS NOT NULL`),
    check("ck_email_attempts", sql`${t.attempts} >= 0`),
  ],
);

export const calculationHistory = pgTable(
  "calculation_history",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    sessionId: varchar("session_id", { length: 100 }),
    mortgageId: uuid("mortgage_id").references(() => mortgages.id, { onDelete: "set null" }),
    calculationType: calculationType("calculation_type").notNull(),
    inputParams: jsonb("input_params").$type<Record<string, unknown>>().notNull(),
    outputResults: jsonb("output_results").$type<Record<string, unknown>>().notNull(),
    ipAddress: varchar("ip_address", { length: 45 }),
    userAgent: varchar("user_agent", { length: 255 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("idx_calc_user_created").on(t.userId, t.createdAt.desc()),
    index("idx_calc_session").on(t.sessionId, t.createdAt.desc()),
    index("idx_calc_type").on(t.calculationType, t.createdAt.desc()),
    index("idx_calc_mortgage").on(t.mortgageId),
    index("idx_calc_created").on(t.createdAt),
    check("ck_calc_owner", sql`${t.userId} IS NOT NULL OR ${t.sessionId} IS NOT NULL`),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: varchar("action", { length: 100 }).notNull(),
    targetType: varchar("target_type", { length: 50 }).notNull(),
    targetId: varchar("target_id", { length: 100 }),
    before: jsonb("before"),
    after: jsonb("after"),
    ipAddress: varchar("ip_address", { length: 45 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("idx_audit_actor_created").on(t.actorId, t.createdAt.desc()),
    index("idx_audit_target").on(t.targetType, t.targetId),
    index("idx_audit_created").on(t.createdAt.desc()),
  ],
);
