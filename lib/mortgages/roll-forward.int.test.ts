// The daily roll-forward: a mortgage's balance follows its schedule month by month between the
// homeowner's own records, and their records always win.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { mortgageTracking, mortgages } from "@/db/schema";
import { makeMortgage, makeUser } from "@/lib/alerts/test-fixtures";
import { balanceAfter, toCents } from "@/lib/calc";
import { dashboardRows } from "./dashboard";
import { addMonths, todayIso } from "./dates";
import { rollForwardBalances } from "./roll-forward";
import { addSnapshot, listSnapshots } from "./tracking";

const mortgageRow = async (id: string) => (await db.select().from(mortgages).where(eq(mortgages.id, id)))[0]!;
const projections = (id: string) => db.select().from(mortgageTracking).where(and(eq(mortgageTracking.mortgageId, id), eq(mortgageTracking.source, "projected")));

describe("rolling balances forward on the schedule", () => {
  it("a mortgage whose figures are three payment months old takes its three scheduled payments, once", async () => {
    const owner = await makeUser();
    const m = await makeMortgage(owner.id, { balanceCents: 30_000_000, rate: 6, monthsLeft: 360 });
    const setOn = addMonths(todayIso(), -3);
    await db.update(mortgages).set({ updatedAt: sql`${setOn}::date::timestamptz` }).where(eq(mortgages.id, m.id));

    await rollForwardBalances();
    const after = await mortgageRow(m.id);
    expect(after).toMatchObject({ remainingTerm: 357, remainingPrincipalCents: toCents(balanceAfter(300_000, 6, 360, 3)) });
    expect(after.remainingPrincipalCents).toBeLessThan(30_000_000);
    const [p] = await projections(m.id);
    expect(p).toMatchObject({ recordedOn: addMonths(setOn, 3), currentRate: 6, currentRemainingTerm: 357, currentRemainingPrincipalCents: after.remainingPrincipalCents });

    // Again the same day: nothing a month old, nothing moves.
    await rollForwardBalances();
    expect(await mortgageRow(m.id)).toMatchObject({ remainingTerm: 357, remainingPrincipalCents: after.remainingPrincipalCents });
    expect(await projections(m.id)).toHaveLength(1);

    // The dashboard says where the figure came from; the owner's list of balances has none of it.
    const [card] = (await dashboardRows(owner.id)).filter((r) => r.id === m.id);
    expect(card).toMatchObject({ balanceRecordedOn: null, balanceProjectedOn: addMonths(setOn, 3) });
    expect(await listSnapshots(owner.id, m.id)).toEqual([]);
  });

  it("rolls from the owner's newest record, and a record they add later replaces the projections after it", async () => {
    const owner = await makeUser();
    const m = await makeMortgage(owner.id, { balanceCents: 30_000_000, rate: 6, monthsLeft: 360 });
    const recorded = addMonths(todayIso(), -2);
    await addSnapshot(owner.id, { mortgageId: m.id, recordedOn: recorded, balance: 290_000, rate: 6.5, monthsLeft: 340 });

    await rollForwardBalances();
    expect(await mortgageRow(m.id)).toMatchObject({ remainingTerm: 338, remainingPrincipalCents: toCents(balanceAfter(290_000, 6.5, 340, 2)) });

    // Their statement of last month: it wins over the projection dated after it.
    const lastMonth = addMonths(todayIso(), -1);
    await addSnapshot(owner.id, { mortgageId: m.id, recordedOn: lastMonth, balance: 285_000, rate: 6.5, monthsLeft: 339 });
    expect(await mortgageRow(m.id)).toMatchObject({ remainingTerm: 339, remainingPrincipalCents: 28_500_000 });
    expect(await projections(m.id)).toEqual([]);
    expect((await listSnapshots(owner.id, m.id)).map((s) => s.recordedOn)).toEqual([lastMonth, recorded]);

    // And the next run goes on from it.
    await rollForwardBalances();
    expect(await mortgageRow(m.id)).toMatchObject({ remainingTerm: 338, remainingPrincipalCents: toCents(balanceAfter(285_000, 6.5, 339, 1)) });
  });

  it("a balance the owner edits later counts from the day of the edit, not from an older record", async () => {
    const owner = await makeUser();
    const m = await makeMortgage(owner.id, { balanceCents: 30_000_000, rate: 6, monthsLeft: 360 });
    await addSnapshot(owner.id, { mortgageId: m.id, recordedOn: addMonths(todayIso(), -4), balance: 295_000, rate: 6, monthsLeft: 350 });
    // Edited (the edit form) two months ago to figures of that day.
    await db.update(mortgages).set({ remainingPrincipalCents: 28_000_000, remainingTerm: 340 }).where(eq(mortgages.id, m.id));
    await db.update(mortgages).set({ updatedAt: sql`${addMonths(todayIso(), -2)}::date::timestamptz` }).where(eq(mortgages.id, m.id));
    await rollForwardBalances();
    expect(await mortgageRow(m.id)).toMatchObject({ remainingTerm: 338, remainingPrincipalCents: toCents(balanceAfter(280_000, 6, 340, 2)) });
  });

  it("leaves alone a mortgage set this month, a paid-off one and a deleted one", async () => {
    const owner = await makeUser();
    const fresh = await makeMortgage(owner.id, { balanceCents: 30_000_000, rate: 6, monthsLeft: 360 });
    const paidOff = await makeMortgage(owner.id, { balanceCents: 0, rate: 6, monthsLeft: 0 });
    const gone = await makeMortgage(owner.id, { balanceCents: 30_000_000, rate: 6, monthsLeft: 360 });
    const old = addMonths(todayIso(), -5);
    await db.update(mortgages).set({ updatedAt: sql`${old}::date::timestamptz` }).where(eq(mortgages.id, paidOff.id));
    await db.update(mortgages).set({ updatedAt: sql`${old}::date::timestamptz`, deletedAt: new Date() }).where(eq(mortgages.id, gone.id));
    await rollForwardBalances();
    expect(await mortgageRow(fresh.id)).toMatchObject({ remainingTerm: 360, remainingPrincipalCents: 30_000_000 });
    expect(await mortgageRow(paidOff.id)).toMatchObject({ remainingTerm: 0, remainingPrincipalCents: 0 });
    expect(await mortgageRow(gone.id)).toMatchObject({ remainingTerm: 360, remainingPrincipalCents: 30_000_000 });
  });
});
