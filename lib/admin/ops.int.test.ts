import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { auditLog, emailLog, jobs, mortgageRates, planPrices, plans, rateIngestRuns } from "@/db/schema";
import { startStripeStandin, type StripeStandin } from "@/lib/billing/standin/server";
import { ConflictError, ValidationError } from "@/lib/errors";
import { startSmtpServer } from "@/tests/support/smtp";
import { emailLogPage, failedEmails, retryEmail } from "./emails";
import { createPrice, listPricing, setPriceActive } from "./pricing";
import { deleteRate, recordRate, uploadRates } from "./rates";
import { newPriceSchema, rateEntrySchema } from "./schemas";
import { makeUser } from "./test-fixtures";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let standin: StripeStandin;

beforeAll(async () => {
  // Set before the first env() call: env is parsed once, lazily.
  smtp = await startSmtpServer();
  standin = await startStripeStandin({ port: 0, webhookUrl: "http://127.0.0.1:9/none", webhookSecret: "whsec_test_admin", log: () => {} });
  process.env.SMTP_URL = smtp.url;
  process.env.STRIPE_SECRET_KEY = "sk_test_admin";
  process.env.STRIPE_API_URL = standin.url;
});
afterAll(async () => {
  await smtp.close();
  await standin.close();
});

async function rateRow(rateType: "30_year_fixed", date: string) {
  const [r] = await db.select().from(mortgageRates).where(and(eq(mortgageRates.rateType, rateType), eq(mortgageRates.date, date)));
  return r;
}

describe("rates", () => {
  it("records a week's rate with its change, fixes the next week's change, starts the sweep; delete restores the chain", async () => {
    const admin = await makeUser({ role: "admin" });
    const sweepsBefore = (await db.select().from(jobs).where(eq(jobs.name, "alerts.sweep"))).length;

    const entry = rateEntrySchema.parse({ date: "2025-01-09", rateType: "30_year_fixed", rate: "6.42", points: "0.6" });
    // a missing week between two recorded ones (the test database starts without rates)
    await db.insert(mortgageRates).values([
      { date: "2025-01-02", rateType: "30_year_fixed", rate: 6.5 },
      { date: "2025-01-16", rateType: "30_year_fixed", rate: 6.3, changeFromPrevious: -0.2 },
    ]);
    const result = await recordRate(admin.id, entry);
    expect(result.ok).toBe(true);
    const mid = await rateRow("30_year_fixed", "2025-01-09");
    const prevRate = 6.5;
    expect(mid).toMatchObject({ rate: 6.42, points: 0.6, source: "admin_manual" });
    expect(mid!.changeFromPrevious).toBeCloseTo(6.42 - prevRate, 3);
    expect((await rateRow("30_year_fixed", "2025-01-16"))!.changeFromPrevious).toBeCloseTo(6.3 - 6.42, 3);
    expect((await db.select().from(jobs).where(eq(jobs.name, "alerts.sweep"))).length).toBe(sweepsBefore + 1);
    const [created] = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.rate.create"), eq(auditLog.targetId, mid!.id)));
    expect(created!.before).toMatchObject({ rate: null, nextWeek: { changeFromPrevious: -0.2 } });
    expect(created!.after).toMatchObject({ rate: { rate: 6.42 }, nextWeek: { changeFromPrevious: -0.12 } });

    // correcting the same week updates it (one row), audited as an update
    await recordRate(admin.id, rateEntrySchema.parse({ date: "2025-01-09", rateType: "30_year_fixed", rate: "6.45" }));
    expect((await rateRow("30_year_fixed", "2025-01-09"))!.rate).toBe(6.45);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, "admin.rate.update"))).length).toBe(1);

    await deleteRate(admin.id, { rateId: mid!.id });
    expect(await rateRow("30_year_fixed", "2025-01-09")).toBeUndefined();
    expect((await rateRow("30_year_fixed", "2025-01-16"))!.changeFromPrevious).toBeCloseTo(6.3 - prevRate, 3);
    const [del] = await db.select().from(auditLog).where(eq(auditLog.action, "admin.rate.delete"));
    expect(del!.before).toMatchObject({ rate: { date: "2025-01-09", rate: 6.45 } });
  });

  it("refuses a type with no data, a typo-sized jump and bad input, changing nothing", async () => {
    const admin = await makeUser({ role: "admin" });
    await expect(recordRate(admin.id, rateEntrySchema.parse({ date: "2025-02-06", rateType: "VA_30", rate: "6" }))).rejects.toBeInstanceOf(ValidationError);
    await db.insert(mortgageRates).values({ date: "2025-02-13", rateType: "30_year_fixed", rate: 6.4 }).onConflictDoNothing();
    await expect(recordRate(admin.id, rateEntrySchema.parse({ date: "2025-02-20", rateType: "30_year_fixed", rate: "24" }))).rejects.toThrow(/too far/);
    expect(await rateRow("30_year_fixed", "2025-02-20")).toBeUndefined();
    // The week of 2025-02-13 again, dated a day later (or earlier): one row per survey week.
    for (const date of ["2025-02-14", "2025-02-12"]) {
      const err = await recordRate(admin.id, rateEntrySchema.parse({ date, rateType: "30_year_fixed", rate: "6.41" })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors).toEqual({ date: ["This week is recorded as 2025-02-13: enter that date to correct it."] });
      expect(await rateRow("30_year_fixed", date)).toBeUndefined();
    }
    for (const bad of [
      { date: "2025-02-30", rateType: "30_year_fixed", rate: "6" },
      { date: "2999-01-01", rateType: "30_year_fixed", rate: "6" },
      { date: "2025-02-27", rateType: "30_year_fixed", rate: "0" },
      { date: "2025-02-27", rateType: "30_year_fixed", rate: "25.5" },
      { date: "2025-02-27", rateType: "30_year_fixed", rate: "6.1234" },
      { date: "2025-02-27", rateType: "30_year_fixed", rate: "6", points: "-1" },
    ]) {
      expect(rateEntrySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("a CSV upload goes through the importer: run recorded, rows written, sweep started", async () => {
    const admin = await makeUser({ role: "admin" });
    const csv = "date,rate_type,rate,points\n2025-03-06,30_year_fixed,6.63,0.7\n2025-03-13,30_year_fixed,6.65,0.7\n";
    const before = (await db.select().from(jobs).where(eq(jobs.name, "alerts.sweep"))).length;
    const result = await uploadRates(admin.id, { file: new File([csv], "march.csv", { type: "text/csv" }), partial: false });
    expect(result.ok, result.message).toBe(true);
    expect((await rateRow("30_year_fixed", "2025-03-13"))!.rate).toBe(6.65);
    const [run] = await db.select().from(rateIngestRuns).orderBy(desc(rateIngestRuns.startedAt)).limit(1);
    expect(run!.source).toContain("march.csv");
    expect((await db.select().from(jobs).where(eq(jobs.name, "alerts.sweep"))).length).toBe(before + 1);
    const bad = await uploadRates(admin.id, { file: new File(["date,rate_type,rate\n2025-03-20,30_year_fixed,99\n"], "bad.csv"), partial: false });
    expect(bad.ok).toBe(false);
    expect(await rateRow("30_year_fixed", "2025-03-20")).toBeUndefined();

    // Good rows only, when there is none: refused in words, with the lines and the valid rate types.
    const none = await uploadRates(admin.id, { file: new File(["date,rate_type,rate\n2025-03-20,30yr,6.7\n"], "typo.csv"), partial: true });
    expect(none).toMatchObject({ ok: false });
    expect(none.message).toContain("No rate was imported: the one line was rejected.");
    expect(none.message).toContain('line 2: unknown rate type "30yr" (expected one of 30_year_fixed, 15_year_fixed');

    // A binary file renamed .csv: a clear message, and its run is finished (failed), not left running.
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])], "photo.csv");
    const binary = await uploadRates(admin.id, { file: png, partial: false });
    expect(binary).toMatchObject({ ok: false, message: expect.stringContaining("This is not a text CSV file") });
    const [binaryRun] = await db.select().from(rateIngestRuns).orderBy(desc(rateIngestRuns.startedAt)).limit(1);
    expect(binaryRun).toMatchObject({ source: "upload: photo.csv", error: expect.stringContaining("binary data") });
    expect(binaryRun!.finishedAt).not.toBeNull();
  });
});

describe("pricing", () => {
  it("a new price is a new row created at Stripe; the old one is kept (retired) with its subscribers", async () => {
    const admin = await makeUser({ role: "admin" });
    const [plan] = await db.insert(plans).values({ code: "test-plan", name: "Test monitoring" }).returning();
    const [old] = await db.insert(planPrices).values({ planId: plan!.id, amountCents: 12_000, interval: "year" }).returning();

    await createPrice(admin.id, newPriceSchema.parse({ planId: plan!.id, amount: "144", interval: "year", replaceCurrent: "on" }));
    const prices = await db.select().from(planPrices).where(eq(planPrices.planId, plan!.id));
    expect(prices).toHaveLength(2);
    const fresh = prices.find((p) => p.id !== old!.id)!;
    expect(fresh).toMatchObject({ amountCents: 14_400, interval: "year", isActive: true, createdBy: admin.id });
    expect(prices.find((p) => p.id === old!.id)).toMatchObject({ amountCents: 12_000, isActive: false });

    // Stripe has the product and a recurring price with the same amount
    const [savedPlan] = await db.select().from(plans).where(eq(plans.id, plan!.id));
    expect(savedPlan!.stripeProductId).toMatch(/^prod_/);
    const stripePrice = standin.state.prices[fresh.stripePriceId!];
    expect(stripePrice).toMatchObject({ unit_amount: 14_400, currency: "usd", product: savedPlan!.stripeProductId, recurring: expect.objectContaining({ interval: "year" }) });

    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.price.create"), eq(auditLog.targetId, fresh.id)));
    expect(entry!.before).toMatchObject({ replaced: [{ id: old!.id, amountCents: 12_000, isActive: true }] });
    expect(entry!.after).toMatchObject({ price: { amountCents: 14_400 }, replaced: [{ id: old!.id, isActive: false }] });

    // a monthly price beside it, without replacing anything
    await createPrice(admin.id, newPriceSchema.parse({ planId: plan!.id, amount: "12.5", interval: "month" }));
    const listed = (await listPricing(admin.id)).find((p) => p.id === plan!.id)!;
    expect(listed.prices.map((p) => [p.amountCents, p.interval, p.isActive])).toEqual(
      expect.arrayContaining([[12_000, "year", false], [14_400, "year", true], [1_250, "month", true]]),
    );

    // retire the monthly; the yearly is then the only offered price and can't be retired
    const monthly = listed.prices.find((p) => p.interval === "month")!;
    await setPriceActive(admin.id, { priceId: monthly.id, active: false });
    await expect(setPriceActive(admin.id, { priceId: fresh.id, active: false })).rejects.toBeInstanceOf(ConflictError);
    expect(standin.state.prices[monthly.stripePriceId!]!.active).toBe(false);
    expect(newPriceSchema.safeParse({ planId: plan!.id, amount: "0.10", interval: "year" }).success).toBe(false);
    // Too large says so (not "enter an amount in dollars"); Stripe's largest amount is still fine.
    expect(newPriceSchema.safeParse({ planId: plan!.id, amount: "1000000", interval: "year" }).error?.issues[0]?.message).toBe("The amount can be at most $999,999.99 (Stripe's maximum).");
    expect(newPriceSchema.safeParse({ planId: plan!.id, amount: "999999.99", interval: "year" }).success).toBe(true);

    // Offering the old yearly price again makes it THE yearly price: the newer one is retired, so
    // the admin's choice is what checkout sells.
    const again = await setPriceActive(admin.id, { priceId: old!.id, active: true });
    expect(again.message).toBe("Price is offered again; the other yearly price is no longer offered.");
    const after = await db.select().from(planPrices).where(eq(planPrices.planId, plan!.id));
    expect(after.filter((p) => p.isActive).map((p) => p.id)).toEqual([old!.id]);
  });

  it("the pricing page shows per interval the one price checkout sells, the newest active one", async () => {
    const { activePlansUncached: activePlans } = await import("@/lib/billing/plans");
    const [plan] = await db.insert(plans).values({ code: "two-yearly", name: "Two yearly prices" }).returning();
    // Two active yearly prices (added without "replace current"), and one monthly.
    await db.insert(planPrices).values({ planId: plan!.id, amountCents: 12_000, interval: "year", createdAt: new Date(Date.now() - 60_000) });
    await db.insert(planPrices).values({ planId: plan!.id, amountCents: 9_900, interval: "year" });
    await db.insert(planPrices).values({ planId: plan!.id, amountCents: 1_500, interval: "month" });
    const shown = (await activePlans()).find((p) => p.code === "two-yearly")!;
    expect(shown.prices.map((p) => [p.amountCents, p.interval])).toEqual([
      [1_500, "month"],
      [9_900, "year"],
    ]);
  });
});

describe("email log", () => {
  it("lists failed and bounced first, newest first, keyset-paged; retry sends now and audits", async () => {
    const admin = await makeUser({ role: "admin" });
    const base = Date.now() - 3600_000;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [row] = await db
        .insert(emailLog)
        .values({
          recipientEmail: `f${i}@example.com`,
          emailType: i === 4 ? "alert_notification" : "welcome",
          subject: "Confirm your email address",
          template: "email-verification",
          templateParams: { name: "F", token: "t" },
          status: i % 2 ? "bounced" : "failed",
          attempts: 3,
          errorMessage: "451 try later",
          createdAt: new Date(base + i * 1000),
        })
        .returning();
      ids.push(row!.id);
    }
    await db.insert(emailLog).values({ recipientEmail: "ok@example.com", emailType: "welcome", subject: "s", template: "t", status: "sent", createdAt: new Date() });

    const first = await failedEmails({ limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    const second = await failedEmails({ limit: 2, cursor: first.nextCursor });
    expect(second.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect((await failedEmails({ type: "alert_notification" })).rows.map((r) => r.id)).toEqual([ids[4]]);
    expect((await emailLogPage(admin.id, { status: "bounced" })).rows.every((r) => r.status === "bounced")).toBe(true);
    expect((await emailLogPage(admin.id, { status: "all" })).rows[0]!.recipientEmail).toBe("ok@example.com");

    const result = await retryEmail(admin.id, { emailId: ids[0]! });
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(emailLog).where(eq(emailLog.id, ids[0]!));
    expect(row).toMatchObject({ status: "sent", attempts: 1, errorMessage: null });
    expect(smtp.to("f0@example.com")).toHaveLength(1);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.email.retry"), eq(auditLog.targetId, ids[0]!)));
    expect(entry).toMatchObject({ before: { status: "failed", attempts: 3 }, after: { status: "sent", attempts: 1 } });
    await expect(retryEmail(admin.id, { emailId: ids[0]! })).rejects.toBeInstanceOf(ConflictError);
  });

  it("the failed-email page uses the partial index (no scan of the whole log)", async () => {
    // A test table is tiny, so the planner would scan it whatever the indexes: forbid that to see
    // which index the query can use.
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return queryRows<{ "QUERY PLAN": string }>(tx, sql`EXPLAIN SELECT id FROM email_log e WHERE e.status IN ('failed', 'bounced') ORDER BY e.created_at DESC LIMIT 51`);
    });
    expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/idx_email_failed_created|idx_email_status/);
  });
});
