import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./common";
import { rateType } from "./enums";

/** The plan's `mortgage_rate`: one published rate per (date, rate_type). */
export const mortgageRates = pgTable(
  "mortgage_rates",
  {
    id: id(),
    date: date("date", { mode: "string" }).notNull(),
    rateType: rateType("rate_type").notNull(),
    rate: numeric("rate", { precision: 5, scale: 3, mode: "number" }).notNull(),
    points: numeric("points", { precision: 3, scale: 2, mode: "number" }),
    apr: numeric("apr", { precision: 5, scale: 3, mode: "number" }),
    changeFromPrevious: numeric("change_from_previous", { precision: 4, scale: 3, mode: "number" }),
    // The plan's default named its old scraper; every rate here comes from Freddie Mac's PMMS.
    source: varchar("source", { length: 100 }).notNull().default("freddie_mac_pmms"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("uq_rate_date_type").on(t.date, t.rateType),
    index("idx_rate_date_type").on(t.date.desc(), t.rateType),
    index("idx_rate_type_date").on(t.rateType, t.date.desc()),
    check("ck_rate_range", sql`${t.rate} > 0 AND ${t.rate} <= 25`),
    check("ck_rate_points", sql`${t.points} IS NULL OR ${t.points} >= 0`),
  ],
);

export const rateIngestRuns = pgTable(
  "rate_ingest_runs",
  {
    id: id(),
    source: varchar("source", { length: 500 }).notNull(),
    startedAt: tstz("started_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    // [{ line, reason }] for the rejected rows (first few hundred)
    rejections: jsonb("rejections").$type<{ line: number; reason: string }[]>(),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("idx_rate_ingest_started").on(t.startedAt.desc())],
);
