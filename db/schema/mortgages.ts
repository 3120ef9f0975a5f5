import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./common";
import { occupancyType, propertyType, trackingSource } from "./enums";
import { users } from "./users";

const cents = (name: string) => bigint(name, { mode: "number" });
const percent = (name: string) => numeric(name, { precision: 5, scale: 3, mode: "number" });

export const mortgages = pgTable(
  "mortgages",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    zipCode: char("zip_code", { length: 5 }).notNull(),
    originalPrincipalCents: cents("original_principal_cents").notNull(),
    originalTerm: integer("original_term").notNull(), // months
    originalInterestRate: percent("original_interest_rate").notNull(),
    remainingPrincipalCents: cents("remaining_principal_cents").notNull(),
    remainingTerm: integer("remaining_term").notNull(), // months
    creditScore: integer("credit_score"),
    // SET NULL (the plan set none): purging the admin who last edited a mortgage must not be
    // blocked by, or delete, the homeowner's mortgage.
    lastUpdatedBy: uuid("last_updated_by").references(() => users.id, { onDelete: "set null" }),
    deletedAt: tstz("deleted_at"),
    estimatedPropertyValueCents: cents("estimated_property_value_cents"),
    propertyType: propertyType("property_type"),
    occupancyType: occupancyType("occupancy_type").default("primary"),
    lenderName: varchar("lender_name", { length: 100 }),
    // AES-256-GCM ciphertext (lib/mortgages/crypto); the plain number is never stored.
    loanNumberEncrypted: text("loan_number_encrypted"),
    // Last four characters, kept to show the masked number without decrypting.
    loanNumberLast4: varchar("loan_number_last4", { length: 4 }),
    lastRateCheckDate: tstz("last_rate_check_date"),
    originationDate: date("origination_date", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_mortgages_user_name_live").on(t.userId, t.name).where(sql`${t.deletedAt} IS NULL`),
    index("idx_mortgage_user_active").on(t.userId, t.deletedAt),
    index("idx_mortgages_last_updated_by").on(t.lastUpdatedBy),
    index("idx_mortgages_deleted").on(t.deletedAt),
    check("ck_mortgages_zip", sql`${t.zipCode} ~ '^[0-9]{5}$'`),
    check("ck_mortgages_principal", sql`${t.originalPrincipalCents} BETWEEN 100000 AND 10000000000`),
    check("ck_mortgages_remaining", sql`${t.remainingPrincipalCents} >= 0 AND ${t.remainingPrincipalCents} <= ${t.originalPrincipalCents}`),
    check("ck_mortgages_term", sql`${t.originalTerm} BETWEEN 1 AND 600`),
    check("ck_mortgages_remaining_term", sql`${t.remainingTerm} BETWEEN 0 AND ${t.originalTerm}`),
    check("ck_mortgages_rate", sql`${t.originalInterestRate} BETWEEN 0 AND 25`),
    check("ck_mortgages_credit", sql`${t.creditScore} IS NULL OR ${t.creditScore} BETWEEN 300 AND 850`),
    check("ck_mortgages_property_value", sql`${t.estimatedPropertyValueCents} IS NULL OR ${t.estimatedPropertyValueCents} > 0`),
  ],
);

export const mortgageTracking = pgTable(
  "mortgage_tracking",
  {
    id: id(),
    mortgageId: uuid("mortgage_id")
      .notNull()
      .references(() => mortgages.id, { onDelete: "cascade" }),
    currentRate: percent("current_rate").notNull(),
    currentRemainingTerm: integer("current_remaining_term").notNull(),
    currentRemainingPrincipalCents: cents("current_remaining_principal_cents").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    source: trackingSource("source").notNull().default("manual"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("idx_tracking_mortgage_recorded").on(t.mortgageId, t.recordedOn),
    check("ck_tracking_rate", sql`${t.currentRate} BETWEEN 0 AND 25`),
    check("ck_tracking_term", sql`${t.currentRemainingTerm} BETWEEN 0 AND 600`),
    check("ck_tracking_principal", sql`${t.currentRemainingPrincipalCents} >= 0`),
  ],
);
