import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { calculationHistory, mortgages, users } from "@/db/schema";
import { NotFoundError, RateLimitError, ValidationError } from "@/lib/errors";
import {
  HISTORY_LIMITS,
  claimAnonymousHistory,
  deleteAllHistory,
  deleteHistoryEntry,
  historyForExport,
  listHistory,
  mortgagesForCalculators,
  recordCalculation,
} from "./queries";
import { newAnonymousSessionId } from "./session-cookie";

const info = { ip: "203.0.113.7", userAgent: "vitest" };
let counter = 0;

async function makeUser() {
  counter += 1;
  const [u] = await db
    .insert(users)
    .values({ email: `history-${counter}-${Date.now()}@example.com`, name: `User ${counter}`, passwordHash: "x" })
    .returning({ id: users.id });
  return u!.id;
}

async function makeMortgage(userId: string, name = "Home") {
  const [m] = await db
    .insert(mortgages)
    .values({
      userId,
      name,
      zipCode: "12345",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: 4.5,
      remainingPrincipalCents: 36_463_166,
      remainingTerm: 300,
    })
    .returning({ id: mortgages.id });
  return m!.id;
}

const payment = { principal: "400000", ratePercent: "4.5", termYears: "30" };

describe("recordCalculation", () => {
  it("saves a signed-in user's calculation with its inputs, result, mortgage, address and browser", async () => {
    const userId = await makeUser();
    const mortgageId = await makeMortgage(userId);
    const saved = await recordCalculation({ userId }, "monthly_payment", payment, info, mortgageId);
    // 400,000 at 4.5 % over 360 months: the textbook payment is $2,026.74.
    expect(saved.output.summary.monthlyPayment).toBe(2026.74);
    const [row] = await db.select().from(calculationHistory).where(eq(calculationHistory.id, saved.id));
    expect(row).toMatchObject({
      userId,
      sessionId: null,
      mortgageId,
      calculationType: "monthly_payment",
      inputParams: { principal: 400000, ratePercent: 4.5, termYears: 30 },
      ipAddress: "203.0.113.7",
      userAgent: "vitest",
    });
    expect((row!.outputResults as { summary: { monthlyPayment: number } }).summary.monthlyPayment).toBe(2026.74);
  });

  it("saves an anonymous session's calculation under its session id only", async () => {
    const sessionId = newAnonymousSessionId();
    const saved = await recordCalculation({ sessionId }, "break_even", { balance: "364631.66", currentRatePercent: "4.5", monthsLeft: "300", newRatePercent: "2", newTermYears: "30", costs: "5000" }, info);
    const [row] = await db.select().from(calculationHistory).where(eq(calculationHistory.id, saved.id));
    expect(row).toMatchObject({ userId: null, sessionId, calculationType: "break_even" });
  });

  it("answers NaN, Infinity, negative, huge and blank values with field messages and saves nothing", async () => {
    const userId = await makeUser();
    const bad = [
      { ...payment, principal: "NaN" },
      { ...payment, ratePercent: "Infinity" },
      { ...payment, principal: "-400000" },
      { ...payment, principal: "1e300" },
      { ...payment, termYears: "" },
      { ...payment, principal: "9".repeat(60) },
    ];
    for (const input of bad) {
      const err = await recordCalculation({ userId }, "monthly_payment", input, info).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(Object.keys((err as ValidationError).fieldErrors).length).toBeGreaterThan(0);
    }
    expect((await listHistory(userId)).total).toBe(0);
  });

  it("refuses another user's (or a deleted) mortgage and saves nothing", async () => {
    const owner = await makeUser();
    const intruder = await makeUser();
    const theirs = await makeMortgage(owner);
    await expect(recordCalculation({ userId: intruder }, "monthly_payment", payment, info, theirs)).rejects.toThrow(ValidationError);
    await expect(recordCalculation({ sessionId: newAnonymousSessionId() }, "monthly_payment", payment, info, theirs)).rejects.toThrow(ValidationError);
    await expect(recordCalculation({ userId: intruder }, "monthly_payment", payment, info, "not-a-uuid")).rejects.toThrow(ValidationError);
    await db.update(mortgages).set({ deletedAt: new Date() }).where(eq(mortgages.id, theirs));
    await expect(recordCalculation({ userId: owner }, "monthly_payment", payment, info, theirs)).rejects.toThrow(ValidationError);
    expect((await listHistory(intruder)).total).toBe(0);
    expect((await listHistory(owner)).total).toBe(0);
  });

  it("rate-limits anonymous saves per session, and per address across sessions", async () => {
    const sessionId = newAnonymousSessionId();
    const ipInfo = { ip: "198.51.100.1", userAgent: null };
    const { limit } = HISTORY_LIMITS.anonymousPerSession;
    for (let n = 0; n < limit; n++) await recordCalculation({ sessionId }, "monthly_payment", payment, ipInfo);
    const err = await recordCalculation({ sessionId }, "monthly_payment", payment, ipInfo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.$count(calculationHistory, eq(calculationHistory.sessionId, sessionId))).toBe(limit);

    // A script that drops its cookie gets a new session each time, but the address limit holds.
    const ipLimit = HISTORY_LIMITS.anonymousPerIp.limit;
    const fromAddress = { ip: "198.51.100.2", userAgent: null };
    let saved = 0;
    let refused = 0;
    for (let n = 0; n < ipLimit + 5; n++) {
      try {
        await recordCalculation({ sessionId: newAnonymousSessionId() }, "monthly_payment", payment, fromAddress);
        saved++;
      } catch (e) {
        expect(e).toBeInstanceOf(RateLimitError);
        refused++;
      }
    }
    expect([saved, refused]).toEqual([ipLimit, 5]);
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it does not reset the limit", async () => {
    const ipLimit = HISTORY_LIMITS.anonymousPerIp.limit;
    let refused = 0;
    for (let n = 0; n < ipLimit + 3; n++) {
      const rotating = { ip: `2001:db8:77:1::${(n + 1).toString(16)}`, userAgent: null };
      await recordCalculation({ sessionId: newAnonymousSessionId() }, "monthly_payment", payment, rotating).catch((e: unknown) => {
        expect(e).toBeInstanceOf(RateLimitError);
        refused++;
      });
    }
    expect(refused).toBe(3);
    // The next /64 is someone else.
    await expect(recordCalculation({ sessionId: newAnonymousSessionId() }, "monthly_payment", payment, { ip: "2001:db8:77:2::1", userAgent: null })).resolves.toBeTruthy();
  });
});

describe("claimAnonymousHistory", () => {
  it("hands a session's runs to the user who signs up, once, and no one else", async () => {
    const sessionId = newAnonymousSessionId();
    const other = newAnonymousSessionId();
    await recordCalculation({ sessionId }, "monthly_payment", payment, info);
    await recordCalculation({ sessionId }, "target_rate", { balance: "364631.66", newTermYears: "30", targetPayment: "1500" }, info);
    await recordCalculation({ sessionId: other }, "monthly_payment", payment, info);

    const newUser = await makeUser();
    expect(await claimAnonymousHistory(sessionId, newUser)).toBe(2);
    const mine = await listHistory(newUser);
    expect(mine.entries.map((e) => e.type).sort()).toEqual(["monthly_payment", "target_rate"]);

    // The same cookie cannot hand them to a second account, nor claim someone else's session.
    const second = await makeUser();
    expect(await claimAnonymousHistory(sessionId, second)).toBe(0);
    expect((await listHistory(second)).total).toBe(0);
    expect(await db.$count(calculationHistory, eq(calculationHistory.sessionId, other))).toBe(1);
    expect(await claimAnonymousHistory("", second)).toBe(0);
  });
});

describe("listHistory, delete and export", () => {
  it("lists only the user's own runs, newest first, filtered by type and paginated", async () => {
    const userId = await makeUser();
    const stranger = await makeUser();
    await recordCalculation({ userId: stranger }, "monthly_payment", payment, info);
    for (let n = 1; n <= 5; n++) {
      await recordCalculation({ userId }, "monthly_payment", { ...payment, principal: String(100_000 * n) }, info);
    }
    await recordCalculation({ userId }, "amortization", { ...payment, extraMonthlyPrincipal: "200" }, info);

    const all = await listHistory(userId, { pageSize: 4 });
    expect(all.total).toBe(6);
    expect(all.pageCount).toBe(2);
    expect(all.entries.map((e) => e.type)).toEqual(["amortization", "monthly_payment", "monthly_payment", "monthly_payment"]);
    expect(all.entries[1]!.input.principal).toBe(500_000);
    expect(all.entries[0]!.summary.monthsSaved).toBeGreaterThan(0);
    const page2 = await listHistory(userId, { pageSize: 4, page: 2 });
    expect(page2.entries.map((e) => e.input.principal)).toEqual([200_000, 100_000]);
    // A page past the end shows the last page rather than nothing.
    expect((await listHistory(userId, { pageSize: 4, page: 99 })).page).toBe(2);

    const payments = await listHistory(userId, { type: "monthly_payment" });
    expect(payments.total).toBe(5);
    expect(payments.entries.every((e) => e.type === "monthly_payment")).toBe(true);

    const exported = await historyForExport(userId);
    expect(exported).toHaveLength(6);
  });

  it("deletes one of the user's own runs; another user's id is NotFound and stays", async () => {
    const userId = await makeUser();
    const stranger = await makeUser();
    const mine = await recordCalculation({ userId }, "monthly_payment", payment, info);
    const theirs = await recordCalculation({ userId: stranger }, "monthly_payment", payment, info);

    await expect(deleteHistoryEntry(userId, theirs.id)).rejects.toThrow(NotFoundError);
    await expect(deleteHistoryEntry(userId, "nonsense")).rejects.toThrow(NotFoundError);
    expect((await listHistory(stranger)).total).toBe(1);

    await deleteHistoryEntry(userId, mine.id);
    expect((await listHistory(userId)).total).toBe(0);
    await expect(deleteHistoryEntry(userId, mine.id)).rejects.toThrow(NotFoundError);
  });

  it("deletes all of the user's runs (or all of one type) and nobody else's", async () => {
    const userId = await makeUser();
    const stranger = await makeUser();
    const sessionId = newAnonymousSessionId();
    await recordCalculation({ userId }, "monthly_payment", payment, info);
    await recordCalculation({ userId }, "amortization", payment, info);
    await recordCalculation({ userId }, "amortization", payment, info);
    await recordCalculation({ userId: stranger }, "amortization", payment, info);
    await recordCalculation({ sessionId }, "amortization", payment, info);

    expect(await deleteAllHistory(userId, "amortization")).toBe(2);
    expect((await listHistory(userId)).entries.map((e) => e.type)).toEqual(["monthly_payment"]);
    expect(await deleteAllHistory(userId)).toBe(1);
    expect((await listHistory(userId)).total).toBe(0);
    expect((await listHistory(stranger)).total).toBe(1);
    expect(await db.$count(calculationHistory, eq(calculationHistory.sessionId, sessionId))).toBe(1);
  });

  it("offers only the user's live mortgages for pre-filling", async () => {
    const userId = await makeUser();
    const stranger = await makeUser();
    await makeMortgage(userId, "Home");
    const gone = await makeMortgage(userId, "Sold");
    await makeMortgage(stranger, "Theirs");
    await db.update(mortgages).set({ deletedAt: new Date() }).where(eq(mortgages.id, gone));
    const list = await mortgagesForCalculators(userId);
    expect(list.map((m) => m.name)).toEqual(["Home"]);
    expect(list[0]).toMatchObject({ originalPrincipalCents: 40_000_000, originalTerm: 360, originalInterestRate: 4.5, remainingTerm: 300 });
  });
});
