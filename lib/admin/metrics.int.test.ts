import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { calculationHistory, dailyMetrics, emailLog, rateIngestRuns, subscriptions, triggers, users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { BACKFILL_DAYS, metricsSeries, overviewStats, runDailyMetrics } from "./metrics";
import { makePayingCustomer, makeUser } from "./test-fixtures";

const DAY = 86400_000;
const now = new Date();
const today = now.toISOString().slice(0, 10);
const daysAgo = (n: number, hour = 12) => {
  const d = new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY);
  d.setUTCHours(hour);
  return d;
};
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

describe("daily metrics and the overview", () => {
  it("backfills 90 days on the first run, then refreshes recent days; numbers match the data", async () => {
    const admin = await makeUser({ role: "admin" });
    // three sign-ups 5 days ago (one verified then), one 200 days ago (outside the window)
    for (let i = 0; i < 3; i++) {
      const u = await makeUser({ verified: false });
      await db.update(users).set({ createdAt: daysAgo(5), ...(i === 0 ? { emailVerified: true, emailVerifiedAt: daysAgo(5, 13) } : {}) }).where(eq(users.id, u.id));
    }
    const old = await makeUser();
    await db.update(users).set({ createdAt: daysAgo(200) }).where(eq(users.id, old.id));

    // a yearly $120 subscription since 40 days ago, a monthly $9.99 one since 10 days ago,
    // and one canceled 3 days ago after running since 60 days ago
    const owner = await makeUser();
    const yearly = await makePayingCustomer(owner.id, { amountCents: 12_000, interval: "year" });
    const monthly = await makePayingCustomer(owner.id, { amountCents: 999, interval: "month" });
    const gone = await makePayingCustomer(owner.id, { amountCents: 12_000, interval: "year", status: "canceled" });
    await db.update(subscriptions).set({ createdAt: daysAgo(40) }).where(eq(subscriptions.id, yearly.subscription.id));
    await db.update(subscriptions).set({ createdAt: daysAgo(10) }).where(eq(subscriptions.id, monthly.subscription.id));
    await db.update(subscriptions).set({ createdAt: daysAgo(60), canceledAt: daysAgo(3), endedAt: daysAgo(3) }).where(eq(subscriptions.id, gone.subscription.id));

    // two triggers 2 days ago; emails 1 day ago: one failed, one bounced, one sent
    for (const date of ["2020-01-02", "2020-01-09"]) {
      await db.insert(triggers).values({ alertId: yearly.alert.id, reason: "rate below target", triggeredAt: daysAgo(2), rateType: "30_year_fixed", marketDate: date, marketRate: 5.4 });
    }
    for (const status of ["failed", "bounced", "sent"] as const) {
      await db.insert(emailLog).values({ recipientEmail: "x@example.com", emailType: "welcome", subject: "s", template: "t", status, createdAt: daysAgo(1) });
    }
    // calculations today: 2 monthly_payment, 1 break_even
    for (const type of ["monthly_payment", "monthly_payment", "break_even"] as const) {
      await db.insert(calculationHistory).values({ sessionId: "s1", calculationType: type, inputParams: {}, outputResults: {} });
    }

    const first = await runDailyMetrics(now);
    expect(first.days).toBe(BACKFILL_DAYS);
    const series = await metricsSeries(admin.id);
    expect(series).toHaveLength(BACKFILL_DAYS);
    const at = (n: number) => series.find((d) => d.day === dayOf(daysAgo(n)))!;

    expect(at(5)).toMatchObject({ signups: 3, verifiedUsers: 1 });
    expect(at(0).signups).toBe(2); // the admin and the subscription owner, made today
    expect(series.reduce((s, d) => s + d.signups, 0)).toBe(5); // the 200-day-old account is outside the window
    expect(at(2).triggers).toBe(2);
    expect(at(1).emailsFailed).toBe(2);
    expect(at(0).calculationsByType).toEqual({ monthly_payment: 2, break_even: 1 });
    expect(at(3).churned).toBe(1);
    // 50 days ago only the later-canceled yearly one was paying ($120/12 = $10.00 a month); 20 days
    // ago both yearly ones; 5 days ago all three (+ $9.99); today the canceled one is gone.
    expect(at(50)).toMatchObject({ activeSubscriptions: 1, mrrCents: 1000 });
    expect(at(20)).toMatchObject({ activeSubscriptions: 2, mrrCents: 2000 });
    expect(at(5)).toMatchObject({ activeSubscriptions: 3, mrrCents: 2999 });
    expect(at(0)).toMatchObject({ activeSubscriptions: 2, mrrCents: 1999 });

    // A second run only recomputes from the day before the newest row.
    await db.insert(triggers).values({ alertId: monthly.alert.id, reason: "again", triggeredAt: now, rateType: "30_year_fixed", marketDate: "2020-01-16", marketRate: 5.3 });
    const second = await runDailyMetrics(now);
    expect(second.days).toBe(2);
    expect((await db.select().from(dailyMetrics).where(eq(dailyMetrics.day, today)))[0]!.triggers).toBe(1);

    const o = await overviewStats(admin.id);
    expect(o.subscriptions).toMatchObject({ active: 2, mrrCents: 1999, arrCents: 1999 * 12, churned30d: 1 });
    expect(o.subscriptions.churnRate30d).toBeCloseTo(1 / 2); // 2 paying 30 days ago (yearly + the canceled one), 1 churned
    // The MRR card agrees with today's point on the chart.
    expect(o.subscriptions.mrrCents).toBe(at(0).mrrCents);

    // A past-due subscription is still billed: in the MRR card as in the chart. One started and
    // cancelled within the 30 days is churn, but not of the base paying 30 days ago.
    const late = await makePayingCustomer(owner.id, { amountCents: 1_200, interval: "month", status: "past_due" });
    await db.update(subscriptions).set({ createdAt: daysAgo(45) }).where(eq(subscriptions.id, late.subscription.id));
    const brief = await makePayingCustomer(owner.id, { amountCents: 999, interval: "month", status: "canceled" });
    await db.update(subscriptions).set({ createdAt: daysAgo(8), canceledAt: daysAgo(2), endedAt: daysAgo(2) }).where(eq(subscriptions.id, brief.subscription.id));
    await runDailyMetrics(now);
    const withLate = await overviewStats(admin.id);
    const today2 = (await metricsSeries(admin.id)).find((d) => d.day === dayOf(now))!;
    expect(withLate.subscriptions).toMatchObject({ mrrCents: 1999 + 1200, churned30d: 2 });
    expect(today2.mrrCents).toBe(withLate.subscriptions.mrrCents);
    expect(withLate.subscriptions.churnRate30d).toBeCloseTo(1 / 3); // 3 paying 30 days ago (+ the past-due one), 1 of them churned
    expect(o.triggers7d).toBe(3);
    expect(o.emails7d).toEqual({ total: 3, failed: 2 });
    expect(o.users.new7d).toBeGreaterThanOrEqual(3);
  });

  it("the overview says how current the rates are and how the newest import went", async () => {
    const admin = await makeUser({ role: "admin" });
    const [newest] = await queryRows<{ d: string | null }>(db, sql`SELECT max(date)::text AS d FROM mortgage_rates WHERE rate_type = '30_year_fixed'`);
    const good = new Date(Date.now() - 3 * DAY);
    const failed = new Date(Date.now() - 60_000);
    await db.insert(rateIngestRuns).values([
      { source: "https://www.freddiemac.com/pmms/docs/PMMS_history.csv", startedAt: good, finishedAt: good, inserted: 1 },
      { source: "https://www.freddiemac.com/pmms/docs/PMMS_history.csv", startedAt: failed, finishedAt: failed, error: "Could not fetch: ENOTFOUND" },
    ]);
    const o = await overviewStats(admin.id);
    expect(o.rates.newestWeek).toBe(newest!.d);
    expect(o.rates.lastImport).toEqual({ at: failed, source: "https://www.freddiemac.com/pmms/docs/PMMS_history.csv", error: "Could not fetch: ENOTFOUND" });
    expect(o.rates.lastGoodImportAt).toEqual(good);

    // A later good import clears the failure.
    const later = new Date(Date.now() - 1000);
    await db.insert(rateIngestRuns).values({ source: "upload.csv", startedAt: later, finishedAt: later, unchanged: 5 });
    const after = await overviewStats(admin.id);
    expect(after.rates.lastImport).toEqual({ at: later, source: "upload.csv", error: null });
    expect(after.rates.lastGoodImportAt).toEqual(later);

    // A run that started and never finished (its process stopped) is not a success.
    const stuck = new Date(Date.now() - 20 * 60_000 + 500);
    await db.update(rateIngestRuns).set({ startedAt: new Date(Date.now() - 40 * 60_000) }); // the runs above, earlier
    await db.insert(rateIngestRuns).values({ source: "https://www.freddiemac.com/pmms/docs/PMMS_history.csv", startedAt: stuck });
    const crashed = await overviewStats(admin.id);
    expect(crashed.rates.lastImport).toMatchObject({ at: stuck, error: "The import did not finish: its process stopped." });
  });

  it("the overview and series refuse non-admins", async () => {
    const u = await makeUser();
    await expect(overviewStats(u.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(metricsSeries(u.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the backfill fills every day of its window from scratch", async () => {
    await db.execute(sql`DELETE FROM daily_metrics`);
    await runDailyMetrics(now);
    const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM daily_metrics`);
    expect(c!.n).toBe(BACKFILL_DAYS);
  });
});
