import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { subscriptions } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { listSubscriptions } from "./billing";
import { makePayingCustomer, makeUser } from "./test-fixtures";

describe("admin subscriptions list", () => {
  it("gives an ended subscription the time it ended, beside the period it had paid for", async () => {
    const admin = await makeUser({ role: "admin" });
    const owner = await makeUser();
    const live = await makePayingCustomer(owner.id);
    const gone = await makePayingCustomer(owner.id, { status: "canceled" });
    // Canceled at once ("Cancel now" in the portal): the period end is still a year away.
    const endedAt = new Date(Date.now() - 3_600_000);
    endedAt.setMilliseconds(0);
    await db.update(subscriptions).set({ canceledAt: endedAt, endedAt, currentPeriodEnd: new Date(Date.now() + 365 * 86_400_000) }).where(eq(subscriptions.id, gone.subscription.id));

    const { rows } = await listSubscriptions(admin.id, { limit: 200 });
    const liveRow = rows.find((r) => r.id === live.subscription.id)!;
    const goneRow = rows.find((r) => r.id === gone.subscription.id)!;
    expect(liveRow).toMatchObject({ status: "active", ended_at: null });
    expect(goneRow.status).toBe("canceled");
    expect(new Date(goneRow.ended_at!)).toEqual(endedAt);

    const canceledOnly = await listSubscriptions(admin.id, { status: "canceled", limit: 200 });
    expect(canceledOnly.rows.every((r) => r.status === "canceled")).toBe(true);
    expect(canceledOnly.rows.map((r) => r.id)).toContain(gone.subscription.id);
  });

  it("refuses non-admins", async () => {
    const user = await makeUser();
    await expect(listSubscriptions(user.id, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
