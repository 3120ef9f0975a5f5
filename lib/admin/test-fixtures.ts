// Fixtures for the admin integration tests: rows inserted directly, as another domain would have
// made them (the admin dashboard reads and manages them; it does not create them).
import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { alerts, invoices, mortgages, subscriptions, userPreferences, users } from "@/db/schema";

export async function makeUser(opts: { role?: "user" | "admin"; name?: string; email?: string; verified?: boolean } = {}) {
  const [u] = await db
    .insert(users)
    .values({
      email: opts.email ?? `a-${randomBytes(5).toString("hex")}@example.com`,
      name: opts.name ?? "Pat Example",
      passwordHash: "not-a-real-hash",
      role: opts.role ?? "user",
      emailVerified: opts.verified ?? true,
    })
    .returning();
  await db.insert(userPreferences).values({ userId: u!.id });
  return u!;
}

/** A mortgage with a paid alert: subscription and one invoice. */
export async function makePayingCustomer(userId: string, opts: { amountCents?: number; interval?: "month" | "year"; status?: "active" | "past_due" | "canceled" } = {}) {
  const [m] = await db
    .insert(mortgages)
    .values({
      userId,
      name: `Home ${randomBytes(3).toString("hex")}`,
      zipCode: "94110",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: 6.5,
      remainingPrincipalCents: 38_000_000,
      remainingTerm: 340,
    })
    .returning();
  const [a] = await db
    .insert(alerts)
    .values({ userId, mortgageId: m!.id, alertType: "interest_rate", targetInterestRate: 5.5, targetTerm: 360 })
    .returning();
  const suffix = randomBytes(6).toString("hex");
  const [s] = await db
    .insert(subscriptions)
    .values({
      userId,
      alertId: a!.id,
      stripeCustomerId: `cus_${suffix}`,
      stripeSubscriptionId: `sub_${suffix}`,
      stripePriceId: `price_${suffix}`,
      status: opts.status ?? "active",
      amountCents: opts.amountCents ?? 12_000,
      interval: opts.interval ?? "year",
      currentPeriodStart: new Date(),
      currentPeriodEnd: new Date(Date.now() + 365 * 86400_000),
      ...(opts.status === "canceled" ? { canceledAt: new Date(), endedAt: new Date() } : {}),
    })
    .returning();
  const [inv] = await db
    .insert(invoices)
    .values({
      subscriptionId: s!.id,
      userId,
      stripeInvoiceId: `in_${suffix}`,
      amountDueCents: s!.amountCents,
      amountPaidCents: s!.amountCents,
      status: "paid",
      invoiceDate: new Date(),
      paidAt: new Date(),
    })
    .returning();
  return { mortgage: m!, alert: a!, subscription: s!, invoice: inv! };
}
