// Fixtures for the alerts integration tests: rows inserted directly (as the billing webhook and
// the mortgages pages would leave them). Not imported by the app.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { alerts, mortgageRates, mortgages, subscriptions, userPreferences, users, type Alert } from "@/db/schema";

const hex = () => randomBytes(5).toString("hex");

export async function makeUser(opts: { verified?: boolean; prefs?: Partial<typeof userPreferences.$inferInsert> | null } = {}) {
  const [u] = await db
    .insert(users)
    .values({ name: "Test Owner", email: `alerts-${hex()}@example.com`, passwordHash: "x", emailVerified: opts.verified ?? true })
    .returning();
  if (opts.prefs !== null) await db.insert(userPreferences).values({ userId: u!.id, ...(opts.prefs ?? {}) });
  return u!;
}

export async function makeMortgage(userId: string, opts: { balanceCents?: number; rate?: number; monthsLeft?: number } = {}) {
  const [m] = await db
    .insert(mortgages)
    .values({
      userId,
      name: `Home ${hex()}`,
      zipCode: "60614",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: opts.rate ?? 7,
      remainingPrincipalCents: opts.balanceCents ?? 36_000_000,
      remainingTerm: opts.monthsLeft ?? 300,
    })
    .returning();
  return m!;
}

export async function makeAlert(
  userId: string,
  mortgageId: string,
  values: Partial<typeof alerts.$inferInsert> & Pick<typeof alerts.$inferInsert, "alertType">,
  subscription: "active" | "trialing" | "past_due" | "past_due_ended" | "canceled" | "incomplete" | null = "active",
): Promise<Alert> {
  const [a] = await db.insert(alerts).values({ targetTerm: 360, ...values, userId, mortgageId }).returning();
  if (subscription) {
    const ended = subscription === "past_due_ended";
    await db.insert(subscriptions).values({
      userId,
      alertId: a!.id,
      stripeCustomerId: `cus_${hex()}`,
      stripeSubscriptionId: `sub_${hex()}`,
      stripePriceId: "price_test",
      status: ended ? "past_due" : subscription,
      currentPeriodStart: new Date(Date.now() - 30 * 86_400_000),
      currentPeriodEnd: new Date(Date.now() + (ended ? -86_400_000 : 335 * 86_400_000)),
      amountCents: 12_000,
    });
  }
  return a!;
}

export async function publishRate(rateType: "30_year_fixed" | "15_year_fixed", date: string, rate: number) {
  await db
    .insert(mortgageRates)
    .values({ rateType, date, rate })
    .onConflictDoUpdate({ target: [mortgageRates.date, mortgageRates.rateType], set: { rate } });
}

/** Clears rates and triggers so each test starts from a known market. */
export async function resetMarket() {
  await db.execute(sql`DELETE FROM email_log`);
  await db.execute(sql`DELETE FROM triggers`);
  await db.execute(sql`DELETE FROM mortgage_rates`);
}
