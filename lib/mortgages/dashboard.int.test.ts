import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Db } from "@/db";
import * as schema from "@/db/schema";
import { alerts, mortgageTracking, planPrices, plans, subscriptions, triggers, users } from "@/db/schema";
import { loadDashboard } from "./dashboard";
import { createMortgage, softDeleteMortgage } from "./queries";
import { mortgageFormSchema } from "./schemas";

// A second connection to the same test database that counts every statement it sends.
let statements = 0;
const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {}, debug: () => void statements++ });
const countingDb = drizzle(client, { schema }) as unknown as Db;
// postgres.js reads the server's types on a connection's first query: not the dashboard's doing.
beforeAll(async () => void (await client`SELECT 1`));
afterAll(() => client.end());

async function makeUser(): Promise<string> {
  const [u] = await db.insert(users).values({ email: `d-${randomBytes(5).toString("hex")}@example.com`, name: "Owner", passwordHash: "x" }).returning({ id: users.id });
  return u!.id;
}

const mortgageForm = (name: string, extra: Record<string, string> = {}) =>
  mortgageFormSchema.parse({ name, zipCode: "94110", originalPrincipal: "400000", termYears: "30", originalRate: "6.5", remainingPrincipal: "300000", remainingTerm: "300", ...extra });

const rates = [
  { rateType: "30_year_fixed", date: "2026-01-08", rate: 5.5 },
  { rateType: "15_year_fixed", date: "2026-01-08", rate: 4.75 },
];

async function countedLoad(userId: string) {
  let rateCalls = 0;
  statements = 0;
  const result = await loadDashboard(userId, { db: countingDb, rates: async () => (rateCalls++, rates) });
  return { result, statements, rateCalls };
}

describe("dashboard loading", () => {
  it("loads every card in one query, however many mortgages, plus one rates call", async () => {
    const owner = await makeUser();
    await createMortgage(owner, mortgageForm("One"));
    const one = await countedLoad(owner);
    expect(one.result.cards).toHaveLength(1);

    for (const name of ["Two", "Three", "Four", "Five", "Six"]) await createMortgage(owner, mortgageForm(name, { remainingTerm: "120", remainingPrincipal: "90000" }));
    const six = await countedLoad(owner);
    expect(six.result.cards.map((c) => c.name)).toEqual(["One", "Two", "Three", "Four", "Five", "Six"]);
    expect(one.statements).toBe(1);
    expect(six.statements).toBe(1);
    expect(six.rateCalls).toBe(1);
    expect(six.result.cards[1]!.market?.rateType).toBe("15_year_fixed");
  });

  it("shows the newest live alert's status, its last trigger and the owner's cost estimate; nothing of other users or deleted mortgages", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const home = await createMortgage(owner, mortgageForm("Home"));
    const gone = await createMortgage(owner, mortgageForm("Gone"));
    await softDeleteMortgage(owner, gone.id);
    await createMortgage(other, mortgageForm("Not mine"));

    // An older alert, deleted; then the live one with a paid subscription and two triggers.
    await db.insert(alerts).values({ userId: owner, mortgageId: home.id, alertType: "interest_rate", targetInterestRate: 4, targetTerm: 360, deletedAt: new Date() });
    const [alert] = await db
      .insert(alerts)
      .values({ userId: owner, mortgageId: home.id, alertType: "interest_rate", targetInterestRate: 5, targetTerm: 360, estimateRefinanceCostCents: 450_000 })
      .returning();
    const [plan] = await db.insert(plans).values({ code: `p-${randomBytes(3).toString("hex")}`, name: "Plan" }).returning();
    const [price] = await db.insert(planPrices).values({ planId: plan!.id, amountCents: 12_000, interval: "year" }).returning();
    await db.insert(subscriptions).values({
      userId: owner,
      alertId: alert!.id,
      planPriceId: price!.id,
      stripeCustomerId: "cus_x",
      stripeSubscriptionId: `sub_${randomBytes(4).toString("hex")}`,
      stripePriceId: "price_x",
      status: "active",
      amountCents: 12_000,
    });
    const last = new Date("2026-01-09T12:00:00Z");
    await db.insert(triggers).values([
      { alertId: alert!.id, reason: "r", rateType: "30_year_fixed", marketDate: "2026-01-01", marketRate: 5.1, triggeredAt: new Date("2026-01-02T12:00:00Z") },
      { alertId: alert!.id, reason: "r", rateType: "30_year_fixed", marketDate: "2026-01-08", marketRate: 4.9, triggeredAt: last },
    ]);
    await db.insert(mortgageTracking).values({ mortgageId: home.id, currentRate: 6.25, currentRemainingTerm: 300, currentRemainingPrincipalCents: 30_000_000, recordedOn: "2026-01-05" });

    const { result, statements } = await countedLoad(owner);
    expect(statements).toBe(1);
    expect(result.cards).toHaveLength(1);
    const [card] = result.cards;
    expect(card).toMatchObject({ name: "Home", currentRate: 6.25, balanceRecordedOn: "2026-01-05" });
    expect(card!.alert).toEqual({ id: alert!.id, status: "monitoring", lastTriggeredAt: last });
    expect(card!.refinance).toMatchObject({ costSource: "alert", costCents: 450_000 });
  });

  it("a new user gets no cards but still today's rates (for the empty state)", async () => {
    const owner = await makeUser();
    const { result, statements } = await countedLoad(owner);
    expect(result).toEqual({ cards: [], rates });
    expect(statements).toBe(1);
  });
});
