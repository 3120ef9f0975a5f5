import { eq } from "drizzle-orm";
import { DEMO_BILLING } from "@/lib/billing/demo-billing";
import { runCalculator } from "@/lib/calc";
import type { Db } from "./client";
import {
  alerts,
  calculationHistory,
  invoices,
  mortgageTracking,
  mortgages,
  planPrices,
  subscriptions,
  userPreferences,
  users,
} from "./schema";

type Helpers = {
  hashPassword: (p: string) => Promise<string>;
  encryptLoanNumber: (n: string) => { encrypted: string; last4: string };
};
export type DemoAccount = { role: string; email: string; password: string };

export const DEMO_ACCOUNTS = {
  homeowner: { email: "homeowner@demo.refialert.test", password: "harbor-maple-lantern", name: "Dana Homeowner" },
  paid: { email: DEMO_BILLING.email, password: "copper-river-window", name: DEMO_BILLING.name },
  unverified: { email: "unverified@demo.refialert.test", password: "quiet-orchard-signal", name: "Uma Unverified" },
  admin: { email: "admin@demo.refialert.test", password: "granite-harbor-beacon", name: "Avery Admin" },
} as const;

/** First day of the month, `months` months before today, as yyyy-mm-dd. */
function monthsAgo(months: number): string {
  const d = new Date();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  return first.toISOString().slice(0, 10);
}

// Balance after m payments of a fixed-rate loan (calculators.md §2), in cents.
function balanceCents(principal: number, ratePct: number, n: number, m: number): number {
  const i = ratePct / 100 / 12;
  if (i === 0) return Math.round((principal - (principal / n) * m) * 100);
  const pmt = (principal * i * (1 + i) ** n) / ((1 + i) ** n - 1);
  return Math.round((principal * (1 + i) ** m - (pmt * ((1 + i) ** m - 1)) / i) * 100);
}

async function createUser(
  db: Db,
  h: Helpers,
  a: { email: string; password: string; name: string },
  extra: Partial<typeof users.$inferInsert>,
  fill: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], userId: string) => Promise<void> = async () => {},
): Promise<void> {
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, a.email)).limit(1);
  if (existing.length > 0) return; // idempotent: the demo account is already there
  const passwordHash = await h.hashPassword(a.password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: a.email, name: a.name, passwordHash, ...extra })
      .returning({ id: users.id });
    // "system", as a new sign-up from a browser without a theme cookie gets: a demo visitor
    // whose device is dark keeps a dark page after signing in (the column defaults to light).
    await tx.insert(userPreferences).values({ userId: user!.id, theme: "system" });
    await fill(tx, user!.id);
  });
}

export async function seedDemoAccounts(db: Db, h: Helpers): Promise<DemoAccount[]> {
  const verified = { emailVerified: true, emailVerifiedAt: new Date() };

  await createUser(db, h, DEMO_ACCOUNTS.homeowner, verified, async (tx, userId) => {
    // The original app's demo loan: 400,000 at 4.5 % for 30 years, five years in.
    const loan = h.encryptLoanNumber("004277812234");
    const [home] = await tx
      .insert(mortgages)
      .values({
        userId,
        name: "Maple Street home",
        zipCode: "94110",
        originalPrincipalCents: 40_000_000,
        originalTerm: 360,
        originalInterestRate: 4.5,
        originationDate: monthsAgo(60),
        remainingPrincipalCents: balanceCents(400_000, 4.5, 360, 60),
        remainingTerm: 300,
        creditScore: 760,
        estimatedPropertyValueCents: 65_000_000,
        propertyType: "single_family",
        occupancyType: "primary",
        lenderName: "Summit Bank",
        loanNumberEncrypted: loan.encrypted,
        loanNumberLast4: loan.last4,
        lastUpdatedBy: userId,
      })
      .returning({ id: mortgages.id });
    // Snapshots a little below the schedule: the owner paid some extra principal.
    await tx.insert(mortgageTracking).values(
      [36, 24, 12].map((m) => ({
        mortgageId: home!.id,
        currentRate: 4.5,
        currentRemainingTerm: 360 - m,
        currentRemainingPrincipalCents: balanceCents(400_000, 4.5, 360, m) - (60 - m) * 10_000,
        recordedOn: monthsAgo(60 - m),
        source: "manual" as const,
      })),
    );
    const [cabin] = await tx
      .insert(mortgages)
      .values({
        userId,
        name: "Lake cabin",
        zipCode: "49684",
        originalPrincipalCents: 18_000_000,
        originalTerm: 180,
        originalInterestRate: 7.125,
        originationDate: monthsAgo(30),
        remainingPrincipalCents: balanceCents(180_000, 7.125, 180, 30),
        remainingTerm: 150,
        estimatedPropertyValueCents: 26_000_000,
        propertyType: "single_family",
        occupancyType: "secondary",
        lenderName: "Northern Credit Union",
        lastUpdatedBy: userId,
      })
      .returning({ id: mortgages.id });
    // Saved exactly as the calculator pages save a run: validated input and runCalculator's output.
    const runs = [
      { mortgageId: home!.id, type: "monthly_payment" as const, input: { principal: 400_000, ratePercent: 4.5, termYears: 30 } },
      {
        mortgageId: home!.id,
        type: "break_even" as const,
        input: { balance: balanceCents(400_000, 4.5, 360, 60) / 100, currentRatePercent: 4.5, monthsLeft: 300, newRatePercent: 3.25, newTermYears: 30, costs: 5_000 },
      },
      {
        mortgageId: cabin!.id,
        type: "refinance_savings" as const,
        input: { balance: balanceCents(180_000, 7.125, 180, 30) / 100, currentRatePercent: 7.125, monthsLeft: 150, newRatePercent: 6, newTermYears: 15, costs: 4_000 },
      },
    ];
    await tx.insert(calculationHistory).values(
      runs.map((r) => ({
        userId,
        mortgageId: r.mortgageId,
        calculationType: r.type,
        inputParams: r.input as Record<string, unknown>,
        outputResults: runCalculator(r.type, r.input) as unknown as Record<string, unknown>,
      })),
    );
  });

  // The Stripe ids are the ones the local stand-in holds for this account (lib/billing/demo-billing.ts).
  await createUser(db, h, DEMO_ACCOUNTS.paid, { ...verified, stripeCustomerId: DEMO_BILLING.customerId }, async (tx, userId) => {
    const [m] = await tx
      .insert(mortgages)
      .values({
        userId,
        name: "Oak Avenue condo",
        zipCode: "60614",
        originalPrincipalCents: 32_000_000,
        originalTerm: 360,
        originalInterestRate: 7.25,
        originationDate: monthsAgo(24),
        remainingPrincipalCents: balanceCents(320_000, 7.25, 360, 24),
        remainingTerm: 336,
        propertyType: "condo",
        occupancyType: "primary",
        lastUpdatedBy: userId,
      })
      .returning({ id: mortgages.id });
    const [alert] = await tx
      .insert(alerts)
      .values({ userId, mortgageId: m!.id, alertType: "interest_rate", targetInterestRate: 5.5, targetTerm: 360, estimateRefinanceCostCents: 500_000 })
      .returning({ id: alerts.id });
    const [price] = await tx.select().from(planPrices).where(eq(planPrices.interval, "year")).limit(1);
    const start = new Date(Date.now() - DEMO_BILLING.daysIntoPeriod * 86_400_000);
    const end = new Date(start.getTime() + 365 * 86_400_000);
    const [sub] = await tx
      .insert(subscriptions)
      .values({
        userId,
        alertId: alert!.id,
        planPriceId: price?.id,
        stripeCustomerId: DEMO_BILLING.customerId,
        stripeSubscriptionId: DEMO_BILLING.subscriptionId,
        stripePriceId: price?.stripePriceId ?? DEMO_BILLING.priceId,
        status: "active",
        currentPeriodStart: start,
        currentPeriodEnd: end,
        amountCents: DEMO_BILLING.amountCents,
        interval: DEMO_BILLING.interval,
      })
      .returning({ id: subscriptions.id });
    await tx.insert(invoices).values({
      subscriptionId: sub!.id,
      userId,
      stripeInvoiceId: DEMO_BILLING.invoiceId,
      amountDueCents: DEMO_BILLING.amountCents,
      amountPaidCents: DEMO_BILLING.amountCents,
      status: "paid",
      invoiceDate: start,
      paidAt: start,
    });
  });

  await createUser(db, h, DEMO_ACCOUNTS.unverified, {});
  await createUser(db, h, DEMO_ACCOUNTS.admin, { ...verified, role: "admin" });

  return [
    { role: "homeowner (2 mortgages)", ...DEMO_ACCOUNTS.homeowner },
    { role: "homeowner on a paid alert", ...DEMO_ACCOUNTS.paid },
    { role: "unverified homeowner", ...DEMO_ACCOUNTS.unverified },
    { role: "admin", ...DEMO_ACCOUNTS.admin },
  ].map(({ role, email, password }) => ({ role, email, password }));
}
