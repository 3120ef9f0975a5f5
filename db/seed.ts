import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { encryptLoanNumber, lastFour } from "@/lib/mortgages/crypto";
import type { Db } from "./client";
import { seedDemoAccounts } from "./seed-demo";
import { seedRates } from "./seed-rates";
import { planPrices, plans } from "./schema";

export const DEFAULT_PLAN = {
  code: "refi_alert_monitoring",
  name: "Refi Alert monitoring",
  description: "We watch the market every week and email you the moment refinancing reaches your target.",
  features: [
    "Weekly check against Freddie Mac's survey rates",
    "Email the moment your target payment or rate is reached",
    "Break-even and savings worked out for your loan",
    "Pause, resume or cancel any time",
  ],
};
export const DEFAULT_PRICES = [
  { amountCents: 12_000, interval: "year" as const },
  { amountCents: 1_200, interval: "month" as const },
];

/** The default offer: $120.00 a year per alert, with a monthly price beside it. Idempotent. */
export async function seedPlans(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(plans).values(DEFAULT_PLAN).onConflictDoNothing({ target: plans.code });
    const [plan] = await tx.select().from(plans).where(eq(plans.code, DEFAULT_PLAN.code));
    for (const price of DEFAULT_PRICES) {
      const existing = await tx
        .select({ id: planPrices.id })
        .from(planPrices)
        .where(and(eq(planPrices.planId, plan!.id), eq(planPrices.interval, price.interval)))
        .limit(1);
      if (existing.length === 0) await tx.insert(planPrices).values({ planId: plan!.id, ...price, currency: "usd" });
    }
  });
}

export type SeedOptions = { demo: boolean; loanNumberKey: string; log?: (line: string) => void };

/** Plans, all shipped rates and (in development) the demo accounts. Safe to run again. */
export async function seed(db: Db, opts: SeedOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  await seedPlans(db);
  log("plans and prices: ok");
  const rates = await seedRates(db);
  log(`rates: ${rates} Freddie Mac PMMS rows`);
  if (opts.demo) {
    const accounts = await seedDemoAccounts(db, {
      hashPassword,
      encryptLoanNumber: (n) => ({ encrypted: encryptLoanNumber(n, opts.loanNumberKey), last4: lastFour(n) }),
    });
    log("demo accounts (development only):");
    for (const a of accounts) log(`  ${a.role.padEnd(26)} ${a.email.padEnd(34)} password: ${a.password}`);
  }
}
