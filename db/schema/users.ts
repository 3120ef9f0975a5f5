import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
  char,
} from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./common";
import { alertFrequency, themePreference, userRole } from "./enums";

export const users = pgTable(
  "users",
  {
    id: id(),
    name: varchar("name", { length: 100 }).notNull(),
    // Stored lower-cased (CHECK below); unique among accounts that are not deleted, so a
    // deleted account's address can register again.
    email: varchar("email", { length: 255 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    creditScore: integer("credit_score"),
    lastLoginAt: tstz("last_login_at"),
    emailVerified: boolean("email_verified").notNull().default(false),
    emailVerifiedAt: tstz("email_verified_at"),
    phoneNumber: varchar("phone_number", { length: 20 }),
    phoneVerified: boolean("phone_verified").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    deactivatedAt: tstz("deactivated_at"),
    lastLoginIp: varchar("last_login_ip", { length: 45 }),
    failedLoginAttempts: integer("failed_login_attempts").notNull().default(0),
    lockedUntil: tstz("locked_until"),
    deletedAt: tstz("deleted_at"),
    role: userRole("role").notNull().default("user"),
    // Bumped on password change, deactivation or deletion: sessions carrying an older value stop working.
    sessionVersion: integer("session_version").notNull().default(0),
    // ours: the user's Stripe customer, reused for every checkout
    stripeCustomerId: varchar("stripe_customer_id", { length: 100 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_users_email_live").on(t.email).where(sql`${t.deletedAt} IS NULL`),
    index("idx_users_email").on(t.email),
    index("idx_user_email_verified").on(t.emailVerified, t.isActive),
    index("idx_user_deleted").on(t.deletedAt).where(sql`${t.deletedAt} IS NULL`),
    index("idx_users_created").on(t.createdAt),
    index("idx_users_stripe_customer").on(t.stripeCustomerId),
    check("ck_users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("ck_users_credit_score", sql`${t.creditScore} IS NULL OR ${t.creditScore} BETWEEN 300 AND 850`),
    check("ck_users_failed_attempts", sql`${t.failedLoginAttempts} >= 0`),
  ],
);

export const userPreferences = pgTable(
  "user_preferences",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emailNotifications: boolean("email_notifications").notNull().default(true),
    alertFrequency: alertFrequency("alert_frequency").notNull().default("instant"),
    marketingEmails: boolean("marketing_emails").notNull().default(true),
    theme: themePreference("theme").notNull().default("light"),
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    dateFormat: varchar("date_format", { length: 20 }).notNull().default("MM/DD/YYYY"),
    minRateDropThreshold: numeric("min_rate_drop_threshold", { precision: 4, scale: 3, mode: "number" })
      .notNull()
      .default(0.125),
    autoCalculateRefiCost: boolean("auto_calculate_refi_cost").notNull().default(true),
    defaultRefiTerm: integer("default_refi_term").notNull().default(360),
    shareAnonymousData: boolean("share_anonymous_data").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_user_preferences_user").on(t.userId),
    check("ck_prefs_threshold", sql`${t.minRateDropThreshold} >= 0`),
    check("ck_prefs_refi_term", sql`${t.defaultRefiTerm} BETWEEN 12 AND 600`),
  ],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // SHA-256 (hex) of the emailed token; the token itself is never stored.
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    ipAddress: varchar("ip_address", { length: 45 }),
    userAgent: varchar("user_agent", { length: 255 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("uq_password_reset_token_hash").on(t.tokenHash),
    index("idx_password_reset_user").on(t.userId),
    index("idx_password_reset_expires").on(t.expiresAt),
  ],
);

export const emailVerificationTokens = pgTable(
  "email_verification_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    // ours: the address this token verifies (differs from users.email during an email change)
    email: varchar("email", { length: 255 }).notNull(),
    expiresAt: tstz("expires_at").notNull(),
    verifiedAt: tstz("verified_at"),
    resentCount: integer("resent_count").notNull().default(0),
    lastResentAt: tstz("last_resent_at"),
    ipAddress: varchar("ip_address", { length: 45 }),
    userAgent: varchar("user_agent", { length: 255 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("uq_email_verification_token_hash").on(t.tokenHash),
    index("idx_email_verification_user").on(t.userId),
    index("idx_email_verification_expires").on(t.expiresAt),
  ],
);

/**
 * ours: sessions signed out before their cookie expires. Sessions are JWTs (no session table
 * in the data model); each carries a random id (`sid`), and signing out records it here, so a
 * copy of the cookie stops working at once instead of at its expiry. Rows are kept until the
 * token would have expired anyway, then pruned.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: uuid("sid").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("idx_revoked_sessions_user").on(t.userId), index("idx_revoked_sessions_expires").on(t.expiresAt)],
);
