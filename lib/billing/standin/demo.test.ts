import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_BILLING } from "../demo-billing";
import { startHarness, type Harness } from "./testkit";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("the stand-in's demo subscription", () => {
  it("is absent unless asked for", async () => {
    harness = await startHarness();
    await expect(harness.stripe.subscriptions.retrieve(DEMO_BILLING.subscriptionId)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("is an active yearly subscription with its paid first invoice, and survives a restart unchanged", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "standin-demo-")), "state.json");
    harness = await startHarness({ demo: true, stateFile });
    const sub = await harness.stripe.subscriptions.retrieve(DEMO_BILLING.subscriptionId);
    expect(sub).toMatchObject({ status: "active", customer: DEMO_BILLING.customerId, latest_invoice: DEMO_BILLING.invoiceId });
    const item = sub.items.data[0]!;
    expect(item.price).toMatchObject({ id: DEMO_BILLING.priceId, unit_amount: DEMO_BILLING.amountCents, recurring: { interval: "year" } });
    const daysIn = (Date.now() / 1000 - item.current_period_start) / 86_400;
    expect(daysIn).toBeCloseTo(DEMO_BILLING.daysIntoPeriod, 0);
    const invoice = await harness.stripe.invoices.retrieve(DEMO_BILLING.invoiceId);
    expect(invoice).toMatchObject({ status: "paid", amount_paid: DEMO_BILLING.amountCents, customer: DEMO_BILLING.customerId });

    // A change made through the API is kept; a second start does not put the demo back over it.
    await harness.stripe.subscriptions.update(DEMO_BILLING.subscriptionId, { cancel_at_period_end: true });
    await harness.close();
    harness = await startHarness({ demo: true, stateFile });
    const again = await harness.stripe.subscriptions.retrieve(DEMO_BILLING.subscriptionId);
    expect(again.cancel_at_period_end).toBe(true);
    expect(again.items.data[0]!.current_period_start).toBe(item.current_period_start);
  });
});
