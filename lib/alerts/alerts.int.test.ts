import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, triggers } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { changeAlert, createAlert, getAlert, listAlerts, updateAlert } from "./queries";
import { paymentCents } from "./evaluate";
import { alertStatus } from "./status";
import { sweepAlerts } from "./sweep";
import { makeMortgage, makeUser, publishRate } from "./test-fixtures";
import { actOnTrigger, getTrigger, markTriggerViewed } from "./triggers";

const rateForm = { alertType: "interest_rate" as const, targetRate: 6.75, targetTerm: 360 };

describe("alerts owned by a homeowner", () => {
  it("requires a verified email and one of the user's own mortgages; waits for payment once created", async () => {
    const unverified = await makeUser({ verified: false });
    const um = await makeMortgage(unverified.id);
    await expect(createAlert(unverified.id, { ...rateForm, mortgageId: um.id })).rejects.toThrow(/verify your email/);

    const owner = await makeUser();
    const stranger = await makeUser();
    const theirs = await makeMortgage(stranger.id);
    const err = await createAlert(owner.id, { ...rateForm, mortgageId: theirs.id }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.mortgageId).toBeDefined();
    expect(await db.select().from(alerts).where(eq(alerts.mortgageId, theirs.id))).toHaveLength(0);

    const m = await makeMortgage(owner.id, { balanceCents: 30_000_000 });
    const alert = await createAlert(owner.id, { ...rateForm, mortgageId: m.id });
    // No estimate given: our 2 % of the balance is recorded as the calculated cost.
    expect(alert).toMatchObject({ targetInterestRate: 6.75, targetMonthlyPaymentCents: null, estimateRefinanceCostCents: null, calculatedRefinanceCostCents: 600_000 });
    const row = await getAlert(owner.id, alert.id);
    expect(alertStatus(row, row.subscription)).toBe("awaiting_payment");
    await expect(getAlert(stranger.id, alert.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAlerts(owner.id)).map((a) => a.id)).toEqual([alert.id]);
    expect(await listAlerts(stranger.id)).toHaveLength(0);
  });

  it("pause, dismiss and delete change only the owner's alert; another user's id is not found", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const m = await makeMortgage(owner.id);
    const alert = await createAlert(owner.id, { ...rateForm, mortgageId: m.id });
    await expect(changeAlert(stranger.id, alert.id, "pause")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getAlert(owner.id, alert.id)).isActive).toBe(true);

    const paused = await changeAlert(owner.id, alert.id, "pause");
    expect(paused.isActive).toBe(false);
    expect(paused.pausedAt).not.toBeNull();
    const resumed = await changeAlert(owner.id, alert.id, "resume");
    expect(resumed).toMatchObject({ isActive: true, pausedAt: null });
    const dismissed = await changeAlert(owner.id, alert.id, "dismiss");
    expect(dismissed.userDismissed).toBe(true);
    await changeAlert(owner.id, alert.id, "delete");
    await expect(getAlert(owner.id, alert.id)).rejects.toBeInstanceOf(NotFoundError);
    const [kept] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
    expect(kept!.deletedAt).not.toBeNull();
  });

  it("a dismissal keeps quiet until the rate falls further; editing the target retires triggers and lets the same week fire for the new one", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const m = await makeMortgage(owner.id);
    const alert = await createAlert(owner.id, { ...rateForm, mortgageId: m.id });
    const { subscriptions } = await import("@/db/schema");
    await db.insert(subscriptions).values({ userId: owner.id, alertId: alert.id, stripeCustomerId: "cus_x", stripeSubscriptionId: `sub_${alert.id}`, stripePriceId: "p", status: "active", amountCents: 12_000 });
    await publishRate("30_year_fixed", "2026-07-02", 6.5);
    const [created] = (await sweepAlerts()).created.filter((c) => c.alertId === alert.id);
    expect(created).toBeDefined();

    await expect(getTrigger(stranger.id, created!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(actOnTrigger(stranger.id, created!.id, "dismiss")).rejects.toBeInstanceOf(NotFoundError);
    await markTriggerViewed(owner.id, created!.id);
    const view = await getTrigger(owner.id, created!.id);
    expect(view.userViewed).toBe(true);
    expect(view.numbers?.newPaymentCents).toBeGreaterThan(0);

    const snoozed = await actOnTrigger(owner.id, created!.id, "snooze");
    expect(snoozed.userAction).toBe("snoozed");
    expect(snoozed.snoozedUntil!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const dismissed = await actOnTrigger(owner.id, created!.id, "dismiss");
    expect(dismissed).toMatchObject({ status: "acknowledged", userAction: "dismissed" });
    expect(dismissed.actionTakenAt).not.toBeNull();
    expect((await getAlert(owner.id, alert.id)).lastTrigger).toMatchObject({ id: created!.id, status: "acknowledged" });

    // Dismissed at 6.5 %: the same rate next week stays quiet; 0.125 lower speaks again.
    await publishRate("30_year_fixed", "2026-07-09", 6.5);
    expect((await sweepAlerts()).created.filter((c) => c.alertId === alert.id)).toHaveLength(0);
    await publishRate("30_year_fixed", "2026-07-16", 6.375);
    const [second] = (await sweepAlerts()).created.filter((c) => c.alertId === alert.id);
    expect(second).toBeDefined();

    // A new target, before the second was emailed: the dismissed one is closed, the unsent one
    // removed, and the very same week can fire for the new target.
    await updateAlert(owner.id, alert.id, { alertType: "interest_rate", targetRate: 6.4, targetTerm: 360 });
    const after = await db.select().from(triggers).where(eq(triggers.alertId, alert.id));
    expect(after.map((t) => [t.id, t.status])).toEqual([[created!.id, "expired"]]);
    const [refired] = (await sweepAlerts()).created.filter((c) => c.alertId === alert.id);
    expect(refired).toBeDefined();
    const [row] = await db.select().from(triggers).where(eq(triggers.id, refired!.id));
    expect(row).toMatchObject({ status: "triggered", marketDate: "2026-07-16", thresholdValue: 6.4 });
    await expect(updateAlert(stranger.id, alert.id, { alertType: "interest_rate", targetRate: 1, targetTerm: 360 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getAlert(owner.id, alert.id)).targetInterestRate).toBe(6.4);
  });
});

describe("the new-alert form's data", () => {
  it("starts at the owner's default refinance term and knows what each mortgage costs a month now", async () => {
    const { alertFormChoices: alertFormData } = await import("./page-data");
    const owner = await makeUser({ prefs: { defaultRefiTerm: 180 } });
    const m = await makeMortgage(owner.id, { balanceCents: 30_000_000, rate: 7, monthsLeft: 300 });
    const data = await alertFormData(owner.id);
    expect(data.defaultTerm).toBe(180);
    const choice = data.mortgages.find((x) => x.id === m.id)!;
    expect(choice.currentPaymentCents).toBe(paymentCents(30_000_000, 7, 300));
    expect(choice.currentRate).toBe(7);

    // An adjustable loan reset to 7.75 %, recorded with its balance: the form (like the
    // dashboard) compares with the rate it pays now, not the original.
    const { mortgageTracking } = await import("@/db/schema");
    await db.insert(mortgageTracking).values({ mortgageId: m.id, recordedOn: "2026-06-01", currentRemainingPrincipalCents: 30_000_000, currentRate: 7.75, currentRemainingTerm: 300 });
    const after = (await alertFormData(owner.id)).mortgages.find((x) => x.id === m.id)!;
    expect(after).toMatchObject({ currentRate: 7.75, currentPaymentCents: paymentCents(30_000_000, 7.75, 300) });

    const plain = await makeUser({ prefs: null });
    expect((await alertFormData(plain.id)).defaultTerm).toBe(360);
  });
});
