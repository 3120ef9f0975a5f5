import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, subscriptions } from "@/db/schema";
import { alertsAwaitingPayment } from "./queries";
import { homeownerWithAlert } from "./test-fixtures";

const sub = (userId: string, alertId: string, status: "active" | "canceled" | "incomplete", n: number) => ({
  userId,
  alertId,
  stripeCustomerId: "cus_q",
  stripeSubscriptionId: `sub_q_${alertId}_${n}`,
  stripePriceId: "price_q",
  status,
  amountCents: 12_000,
});

describe("alerts offered for activation on the billing page", () => {
  it("lists the unpaid alerts, says which had a subscription that ended, and leaves out paid ones", async () => {
    const { user, mortgage, alert: fresh } = await homeownerWithAlert();
    const [lapsed, paid] = await db
      .insert(alerts)
      .values([
        { userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360 },
        { userId: user.id, mortgageId: mortgage.id, alertType: "interest_rate", targetInterestRate: 4.5, targetTerm: 360 },
      ])
      .returning();
    await db.insert(subscriptions).values([sub(user.id, lapsed!.id, "canceled", 1), sub(user.id, paid!.id, "active", 1), sub(user.id, fresh.id, "incomplete", 1)]);

    const offered = await alertsAwaitingPayment(user.id);
    expect(offered.map((a) => [a.id, a.lapsed]).sort()).toEqual(
      [
        [fresh.id, false], // a checkout started and not finished is not a lapse
        [lapsed!.id, true],
      ].sort(),
    );
  });
});
