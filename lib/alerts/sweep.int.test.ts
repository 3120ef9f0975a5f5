import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, mortgages, triggers, userPreferences } from "@/db/schema";
import { monthlyPayment } from "@/lib/calc";
import { expireTriggers, sweepAlerts } from "./sweep";
import { makeAlert, makeMortgage, makeUser, publishRate, resetMarket } from "./test-fixtures";

const cents = (dollars: number) => Math.round(dollars * 100);

beforeEach(async () => {
  await resetMarket();
  await db.delete(alerts);
});

async function triggerRows(alertIds: string[]) {
  return db.select().from(triggers).where(inArray(triggers.alertId, alertIds));
}

describe("the alert sweep", () => {
  it("creates exactly the expected triggers for a mix of alerts, and none on a second run", async () => {
    await publishRate("30_year_fixed", "2026-01-08", 6.5);
    await publishRate("15_year_fixed", "2026-01-08", 5.8);
    // An older, lower week must not count: only the newest published rate does.
    await publishRate("30_year_fixed", "2026-01-01", 4.0);
    const u = await makeUser();
    const m = await makeMortgage(u.id, { balanceCents: 36_000_000 });
    const gone = await makeMortgage(u.id);
    await db.update(mortgages).set({ deletedAt: new Date() }).where(eq(mortgages.id, gone.id));

    const rate = (target: number, term = 360) => ({ alertType: "interest_rate" as const, targetInterestRate: target, targetTerm: term });
    // Payment on balance + $5,000 costs at 6.5 % over 360 months, computed independently of the SQL.
    const pay360 = monthlyPayment(365_000, 6.5, 360);
    const expected = {
      rateMet: await makeAlert(u.id, m.id, rate(6.75)),
      rateExactlyMet: await makeAlert(u.id, m.id, rate(6.5)),
      trialing: await makeAlert(u.id, m.id, rate(6.75), "trialing"),
      graceMet: await makeAlert(u.id, m.id, rate(7), "past_due"),
      paymentMet: await makeAlert(u.id, m.id, { alertType: "monthly_payment", targetMonthlyPaymentCents: cents(pay360 + 1), estimateRefinanceCostCents: 500_000 }),
      // 180 months watches the 15-year rate (5.8 %): met at the payment for 6.0 % over 180 months.
      fifteenPayment: await makeAlert(u.id, m.id, {
        alertType: "monthly_payment",
        targetTerm: 180,
        targetMonthlyPaymentCents: cents(monthlyPayment(360_000, 6.0, 180)),
        estimateRefinanceCostCents: 0,
      }),
      // 240 months: nearest product is the 15-year rate (5.8 % <= 6 %; the 30-year 6.5 % is not).
      nearestProduct: await makeAlert(u.id, m.id, rate(6.0, 240)),
    };
    const notExpected = {
      rateUnmet: await makeAlert(u.id, m.id, rate(6.25)),
      paymentUnmet: await makeAlert(u.id, m.id, { alertType: "monthly_payment", targetMonthlyPaymentCents: cents(pay360 - 1), estimateRefinanceCostCents: 500_000 }),
      // Met on the balance alone, but not once the calculated $7,200 of costs is added.
      calculatedCost: await makeAlert(u.id, m.id, {
        alertType: "monthly_payment",
        targetMonthlyPaymentCents: cents(monthlyPayment(360_000, 6.5, 360) + 1),
        calculatedRefinanceCostCents: 720_000,
      }),
      paused: await makeAlert(u.id, m.id, { ...rate(6.75), isActive: false, pausedAt: new Date() }),
      dismissed: await makeAlert(u.id, m.id, { ...rate(6.75), userDismissed: true, dismissedAt: new Date() }),
      deleted: await makeAlert(u.id, m.id, { ...rate(6.75), deletedAt: new Date() }),
      unpaid: await makeAlert(u.id, m.id, rate(6.75), null),
      incomplete: await makeAlert(u.id, m.id, rate(6.75), "incomplete"),
      canceled: await makeAlert(u.id, m.id, rate(6.75), "canceled"),
      graceOver: await makeAlert(u.id, m.id, rate(7), "past_due_ended"),
      deletedMortgage: await makeAlert(u.id, gone.id, rate(6.75)),
    };

    const first = await sweepAlerts();
    const fired = new Set(first.created.map((c) => c.alertId));
    expect([...fired].sort()).toEqual(Object.values(expected).map((a) => a.id).sort());
    for (const a of Object.values(notExpected)) expect(fired.has(a.id)).toBe(false);

    const [t] = await triggerRows([expected.rateMet.id]);
    expect(t).toMatchObject({ status: "triggered", rateType: "30_year_fixed", marketDate: "2026-01-08", marketRate: 6.5, thresholdValue: 6.75, currentValue: 6.5 });
    // Rates read as on every page (formatPercent): two decimals, a third only when it has one.
    expect(t!.reason).toMatch(/^The 30-year fixed rate was 6\.50% in the week of .*, at or below your target of 6\.75%\.$/);
    expect(t!.expiresAt!.getTime() - t!.triggeredAt.getTime()).toBe(14 * 86_400_000);
    const [p] = await triggerRows([expected.paymentMet.id]);
    // Money in cents: the payment alert's target and the market payment it fired on.
    expect(p).toMatchObject({ thresholdValue: cents(pay360 + 1), currentValue: cents(pay360) });
    expect(p!.reason).toMatch(/costs \$[\d,]+\.\d\d a month/);
    const [nearest] = await triggerRows([expected.nearestProduct.id]);
    expect(nearest).toMatchObject({ rateType: "15_year_fixed", marketRate: 5.8 });

    const [counted] = await db.select().from(alerts).where(eq(alerts.id, expected.rateMet.id));
    expect(counted).toMatchObject({ totalTriggers: 1 });
    expect(counted!.firstTriggeredAt).toEqual(t!.triggeredAt);
    expect(counted!.lastTriggeredAt).toEqual(t!.triggeredAt);

    const second = await sweepAlerts();
    expect(second.created).toHaveLength(0);
    const [unchanged] = await db.select().from(alerts).where(eq(alerts.id, expected.rateMet.id));
    expect(unchanged!.totalTriggers).toBe(1);
  });

  it("two sweeps at once never create a trigger twice", async () => {
    await publishRate("30_year_fixed", "2026-02-05", 6.0);
    const u = await makeUser();
    const m = await makeMortgage(u.id);
    const made = [];
    for (let i = 0; i < 40; i++) made.push(await makeAlert(u.id, m.id, { alertType: "interest_rate", targetInterestRate: 6.5 }));
    const [a, b] = await Promise.all([sweepAlerts(), sweepAlerts()]);
    expect(a.created.length + b.created.length).toBe(40);
    const rows = await triggerRows(made.map((x) => x.id));
    expect(rows).toHaveLength(40);
    const counters = await db.select({ total: alerts.totalTriggers }).from(alerts).where(inArray(alerts.id, made.map((x) => x.id)));
    expect(counters.every((c) => c.total === 1)).toBe(true);
  });

  it("an open trigger holds back the next one until the rate drops by the user's threshold", async () => {
    const u = await makeUser({ prefs: { minRateDropThreshold: 0.125 } });
    const picky = await makeUser({ prefs: { minRateDropThreshold: 0.25 } });
    const m = await makeMortgage(u.id);
    const pm = await makeMortgage(picky.id);
    const alert = await makeAlert(u.id, m.id, { alertType: "interest_rate", targetInterestRate: 6.75 });
    const pickyAlert = await makeAlert(picky.id, pm.id, { alertType: "interest_rate", targetInterestRate: 6.75 });

    await publishRate("30_year_fixed", "2026-03-05", 6.5);
    expect((await sweepAlerts()).created).toHaveLength(2);
    await publishRate("30_year_fixed", "2026-03-12", 6.4); // 0.1 lower: not enough
    expect((await sweepAlerts()).created).toHaveLength(0);
    await publishRate("30_year_fixed", "2026-03-19", 6.375); // 0.125 lower: enough for the first user only
    const third = await sweepAlerts();
    expect(third.created.map((c) => c.alertId)).toEqual([alert.id]);
    expect((await triggerRows([pickyAlert.id])).length).toBe(1);
    const [a] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
    expect(a!.totalTriggers).toBe(2);
  });

  it("expired and past-snooze triggers do not hold back a new week; a live snooze and a dismissal (until the rate falls further) do", async () => {
    const u = await makeUser();
    const m = await makeMortgage(u.id);
    const alert = await makeAlert(u.id, m.id, { alertType: "interest_rate", targetInterestRate: 6.75 });
    await publishRate("30_year_fixed", "2026-04-02", 6.5);
    await sweepAlerts();

    await db.update(triggers).set({ snoozedUntil: new Date(Date.now() + 86_400_000) }).where(eq(triggers.alertId, alert.id));
    await publishRate("30_year_fixed", "2026-04-09", 6.5);
    expect((await sweepAlerts()).created).toHaveLength(0);

    await db.update(triggers).set({ snoozedUntil: new Date(Date.now() - 1000) }).where(eq(triggers.alertId, alert.id));
    expect((await sweepAlerts()).created).toHaveLength(1);

    // Dismissed (or the owner contacted a lender): the same rate next week stays quiet; a fall by
    // the owner's threshold (the default 0.125) speaks again.
    await db.update(triggers).set({ status: "acknowledged" }).where(eq(triggers.alertId, alert.id));
    await publishRate("30_year_fixed", "2026-04-16", 6.5);
    expect((await sweepAlerts()).created).toHaveLength(0);
    await publishRate("30_year_fixed", "2026-04-16", 6.375);
    expect((await sweepAlerts()).created).toHaveLength(1);

    await db.update(triggers).set({ expiresAt: new Date(Date.now() - 1000) }).where(sql`${triggers.alertId} = ${alert.id} AND ${triggers.marketDate} = '2026-04-16'`);
    expect(await expireTriggers()).toBe(1);
    const statuses = (await triggerRows([alert.id])).map((t) => t.status).sort();
    expect(statuses).toEqual(["acknowledged", "acknowledged", "expired"]);
    // The expired 6.375 no longer holds back 6.375 (open, it would until 6.25).
    await publishRate("30_year_fixed", "2026-04-23", 6.375);
    expect((await sweepAlerts()).created).toHaveLength(1);
  });

  it("a user without a preferences row gets the default threshold", async () => {
    const u = await makeUser({ prefs: null });
    const m = await makeMortgage(u.id);
    await makeAlert(u.id, m.id, { alertType: "interest_rate", targetInterestRate: 6.75 });
    await publishRate("30_year_fixed", "2026-05-07", 6.5);
    expect((await sweepAlerts()).created).toHaveLength(1);
    await publishRate("30_year_fixed", "2026-05-14", 6.4);
    expect((await sweepAlerts()).created).toHaveLength(0);
    await db.delete(userPreferences).where(eq(userPreferences.userId, u.id));
  });

  it("a rate with a third decimal keeps it in the trigger's reason", async () => {
    const u = await makeUser();
    const m = await makeMortgage(u.id);
    const alert = await makeAlert(u.id, m.id, { alertType: "interest_rate", targetInterestRate: 6.875 });
    await publishRate("30_year_fixed", "2026-05-21", 6.625);
    await sweepAlerts();
    const [t] = await triggerRows([alert.id]);
    expect(t!.reason).toMatch(/was 6\.625% in the week of .*, at or below your target of 6\.875%\.$/);
  });
});
