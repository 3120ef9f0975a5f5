// Checkout is serialized per alert, refuses an alert paid but not yet activated, and deleting an
// alert, a mortgage or an account expires its open Checkout sessions.
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, subscriptions, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError } from "@/lib/errors";
import { startAppStripe, type AppStripe } from "./app-harness";
import { payCheckout } from "./standin/testkit";
import { ensurePlans, homeownerWithAlert } from "./test-fixtures";

let harness: AppStripe;
let sdk: Stripe;
let app: typeof import("./checkout") & typeof import("@/lib/alerts/delete") & typeof import("@/lib/mortgages/delete") & typeof import("@/lib/account/delete");

beforeAll(async () => {
  harness = await startAppStripe({ secret: "whsec_checkout_lock_int_test", key: "sk_test_checkout_lock_int" });
  sdk = harness.sdk;
  app = { ...(await import("./checkout")), ...(await import("@/lib/alerts/delete")), ...(await import("@/lib/mortgages/delete")), ...(await import("@/lib/account/delete")) };
  await ensurePlans();
});
afterAll(async () => {
  await harness?.close();
});

const CARD = { number: "4242 4242 4242 4242" };
const sessionsFor = (alertId: string) => Object.values(harness.standin.state.checkoutSessions).filter((s) => s.metadata?.alert_id === alertId);
const statusOf = async (id: string) => (await sdk.checkout.sessions.retrieve(id)).status;

describe("starting a checkout", () => {
  it("two concurrent checkouts for one alert produce one session, and both go to it", async () => {
    const { user, alert } = await homeownerWithAlert();
    const started = await Promise.all([app.createAlertCheckout(user.id, alert.id), app.createAlertCheckout(user.id, alert.id), app.createAlertCheckout(user.id, alert.id)]);
    expect(new Set(started.map((s) => s.sessionId)).size).toBe(1);
    expect(sessionsFor(alert.id)).toHaveLength(1);
    expect(await statusOf(started[0]!.sessionId)).toBe("open");
  });

  it("a checkout paid but not yet activated (slow webhook) is not started again: the user is told it was received", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { url } = await app.createAlertCheckout(user.id, alert.id);
    harness.hold();
    await payCheckout(url, CARD);
    expect(await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id))).toEqual([]);

    const again = app.createAlertCheckout(user.id, alert.id);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(app.PAYMENT_RECEIVED_MESSAGE);
    expect(sessionsFor(alert.id).map((s) => s.status)).toEqual(["complete"]);

    // The webhooks arrive: the alert is active, and a checkout is refused as already paid for.
    const released = await harness.release();
    expect(released.map((d) => d.status).every((s) => s === 200)).toBe(true);
    expect((await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id)))[0]).toMatchObject({ status: "active" });
    await expect(app.createAlertCheckout(user.id, alert.id)).rejects.toThrow(/already has a subscription/);
  });

  it("after the paid subscription ended, the alert can be paid for again", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { url } = await app.createAlertCheckout(user.id, alert.id);
    await payCheckout(url, CARD);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.alertId, alert.id));
    await harness.standin.simulate("cancel", row!.stripeSubscriptionId);
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, row!.id)))[0]!.status).toBe("canceled");
    const next = await app.createAlertCheckout(user.id, alert.id);
    expect(await statusOf(next.sessionId)).toBe("open");
  });
});

describe("deleting expires open checkouts", () => {
  it("deleting an alert expires its open session, not the other alerts'", async () => {
    const { user, alert, mortgage } = await homeownerWithAlert();
    const [other] = await db.insert(alerts).values({ userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360 }).returning();
    const mine = await app.createAlertCheckout(user.id, alert.id);
    const kept = await app.createAlertCheckout(user.id, other!.id);
    await app.deleteAlert(user.id, alert.id);
    expect(await statusOf(mine.sessionId)).toBe("expired");
    expect(await statusOf(kept.sessionId)).toBe("open");
    await expect(app.createAlertCheckout(user.id, alert.id)).rejects.toThrow(/not found/i);
  });

  it("deleting a mortgage expires the open sessions of its alerts", async () => {
    const { user, alert, mortgage } = await homeownerWithAlert();
    const { sessionId } = await app.createAlertCheckout(user.id, alert.id);
    await app.deleteMortgage(user.id, mortgage.id);
    expect(await statusOf(sessionId)).toBe("expired");
  });

  it("deleting an account expires every open session of the user", async () => {
    const { user, alert, mortgage } = await homeownerWithAlert();
    await db.update(users).set({ passwordHash: await hashPassword("correct horse battery") }).where(eq(users.id, user.id));
    const [second] = await db.insert(alerts).values({ userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360 }).returning();
    const a = await app.createAlertCheckout(user.id, alert.id);
    const b = await app.createAlertCheckout(user.id, second!.id);
    await app.deleteAccount(user.id, "correct horse battery", null);
    expect([await statusOf(a.sessionId), await statusOf(b.sessionId)]).toEqual(["expired", "expired"]);
  });

  it("an admin deleting or purging the account expires its open sessions too", async () => {
    const { softDeleteUser, purgeUser } = await import("@/lib/admin/user-actions");
    const [admin] = await db.insert(users).values({ email: `admin-${Date.now()}@example.com`, name: "Admin", passwordHash: "x", role: "admin", emailVerified: true }).returning();
    const soft = await homeownerWithAlert();
    const a = await app.createAlertCheckout(soft.user.id, soft.alert.id);
    await softDeleteUser(admin!.id, { userId: soft.user.id });
    expect(await statusOf(a.sessionId)).toBe("expired");
    const purged = await homeownerWithAlert();
    const b = await app.createAlertCheckout(purged.user.id, purged.alert.id);
    await purgeUser(admin!.id, { userId: purged.user.id, confirmEmail: purged.user.email });
    expect(await statusOf(b.sessionId)).toBe("expired");
  });

  it("a Stripe failure while expiring does not undo the delete", async () => {
    const { user, alert } = await homeownerWithAlert();
    const { sessionId } = await app.createAlertCheckout(user.id, alert.id);
    const shared = globalThis as unknown as { __refiStripe?: { key: string; client: Stripe } };
    const real = shared.__refiStripe!;
    const failing = Object.create(real.client) as Stripe;
    Object.defineProperty(failing, "checkout", { value: { sessions: { list: () => Promise.reject(new Error("Stripe is down")) } } });
    shared.__refiStripe = { key: real.key, client: failing };
    const { vi } = await import("vitest");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await app.deleteAlert(user.id, alert.id)).deletedAt).not.toBeNull();
    } finally {
      shared.__refiStripe = real;
    }
    expect(error.mock.calls.flat().join(" ")).toContain("could not expire");
    error.mockRestore();
    expect(await statusOf(sessionId)).toBe("open"); // left for the webhook to refuse if ever paid
  });
});
