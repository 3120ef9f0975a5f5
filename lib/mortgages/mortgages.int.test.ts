import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { mortgageTracking, mortgages, users } from "@/db/schema";
import { amortizationSchedule } from "@/lib/calc";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { decryptLoanNumber } from "./crypto";
import { addMonths, todayIso } from "./dates";
import { createMortgage, getMortgage, listMortgages, restoreMortgage, softDeleteMortgage, updateMortgage } from "./queries";
import { mortgageFormSchema, type MortgageForm } from "./schemas";
import { addSnapshot, listSnapshots, removeSnapshot } from "./tracking";

async function makeUser(): Promise<string> {
  const [u] = await db
    .insert(users)
    .values({ email: `m-${randomBytes(5).toString("hex")}@example.com`, name: "Owner", passwordHash: "x" })
    .returning({ id: users.id });
  return u!.id;
}

/** A form as the browser sends it (strings), parsed by the real schema. */
function form(overrides: Record<string, string> = {}): MortgageForm {
  return mortgageFormSchema.parse({
    name: "Maple Street home",
    zipCode: "94110",
    originalPrincipal: "400,000",
    termYears: "30",
    originalRate: "4.5",
    originationDate: "",
    remainingPrincipal: "",
    remainingTerm: "",
    creditScore: "760",
    propertyType: "single_family",
    occupancyType: "primary",
    estimatedPropertyValue: "650000",
    lenderName: "Summit Bank",
    loanNumber: "0042-7781-2234",
    ...overrides,
  });
}

async function rowOf(id: string) {
  const [row] = await db.select().from(mortgages).where(eq(mortgages.id, id));
  return row!;
}

describe("mortgages: create, read, update", () => {
  it("stores every field in cents and months, records who changed it, and lists only the owner's", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const m = await createMortgage(owner, form());
    const row = await rowOf(m.id);
    expect(row).toMatchObject({
      userId: owner,
      name: "Maple Street home",
      zipCode: "94110",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: 4.5,
      remainingPrincipalCents: 40_000_000, // no origination date: a new loan
      remainingTerm: 360,
      creditScore: 760,
      propertyType: "single_family",
      occupancyType: "primary",
      estimatedPropertyValueCents: 65_000_000,
      lenderName: "Summit Bank",
      loanNumberLast4: "2234",
      lastUpdatedBy: owner,
    });
    expect((await listMortgages(owner)).map((x) => x.id)).toEqual([m.id]);
    expect(await listMortgages(other)).toEqual([]);
  });

  it("pre-fills remaining principal and term from the amortization schedule as of today", async () => {
    const owner = await makeUser();
    const originated = addMonths(todayIso(), -60);
    const m = await createMortgage(owner, form({ originationDate: originated }));
    const schedule = amortizationSchedule({ principal: 400_000, annualRatePercent: 4.5, termMonths: 360 });
    expect(m.remainingTerm).toBe(300);
    expect(m.remainingPrincipalCents).toBe(Math.round(schedule.rows[59]!.balance * 100));
    // The original app's demo figure for this loan, five years in.
    expect(m.remainingPrincipalCents / 100).toBeCloseTo(364_631.66, 0);
  });

  it("an edit saves exactly what was submitted", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form());
    const updated = await updateMortgage(
      owner,
      m.id,
      form({ name: "Renamed", zipCode: "10001", originalRate: "3.875", termYears: "15", remainingPrincipal: "123,456.78", remainingTerm: "100", lenderName: "", creditScore: "" }),
    );
    const row = await rowOf(m.id);
    expect(updated.id).toBe(m.id);
    expect(row).toMatchObject({
      name: "Renamed",
      zipCode: "10001",
      originalInterestRate: 3.875,
      originalTerm: 180,
      remainingPrincipalCents: 12_345_678,
      remainingTerm: 100,
      lenderName: null,
      creditScore: null,
    });
  });

  it("names are unique per owner, case-insensitively, with a field message; other owners may reuse them", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    await createMortgage(owner, form({ name: "Lake cabin" }));
    const second = await createMortgage(owner, form({ name: "Home" }));
    const clash = await createMortgage(owner, form({ name: "LAKE CABIN" })).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(ValidationError);
    expect((clash as ValidationError).fieldErrors.name?.[0]).toMatch(/already have a mortgage named/);
    const renameClash = await updateMortgage(owner, second.id, form({ name: "lake cabin" })).catch((e: unknown) => e);
    expect(renameClash).toBeInstanceOf(ValidationError);
    expect((await rowOf(second.id)).name).toBe("Home");
    await expect(createMortgage(other, form({ name: "Lake cabin" }))).resolves.toMatchObject({ name: "Lake cabin" });
    expect(await listMortgages(owner)).toHaveLength(2);
  });
});

describe("mortgages: loan number encryption", () => {
  it("never stores the plain number; the ciphertext decrypts with the environment's key; blank keeps it; clear removes it", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form({ loanNumber: "LN-99887766" }));
    const [raw] = await queryRows<{ loan_number_encrypted: string; loan_number_last4: string }>(
      db,
      sql`SELECT loan_number_encrypted, loan_number_last4 FROM mortgages WHERE id = ${m.id}`,
    );
    expect(raw!.loan_number_encrypted).not.toContain("99887766");
    expect(raw!.loan_number_encrypted.startsWith("v1:")).toBe(true);
    expect(decryptLoanNumber(raw!.loan_number_encrypted, env().LOAN_NUMBER_KEY)).toBe("LN-99887766");
    expect(raw!.loan_number_last4).toBe("7766");

    await updateMortgage(owner, m.id, form({ loanNumber: "" }));
    expect(decryptLoanNumber((await rowOf(m.id)).loanNumberEncrypted!, env().LOAN_NUMBER_KEY)).toBe("LN-99887766");
    await updateMortgage(owner, m.id, form({ loanNumber: "", clearLoanNumber: "on" }));
    expect(await rowOf(m.id)).toMatchObject({ loanNumberEncrypted: null, loanNumberLast4: null });
  });
});

describe("mortgages: soft delete and undo", () => {
  it("hides a deleted mortgage, restores it within the window, and frees its name meanwhile", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form({ name: "Cabin" }));
    await expect(softDeleteMortgage(owner, m.id)).resolves.toEqual({ id: m.id, name: "Cabin", alerts: 0 });
    expect(await listMortgages(owner)).toEqual([]);
    await expect(getMortgage(owner, m.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowOf(m.id)).deletedAt).toBeInstanceOf(Date);

    await restoreMortgage(owner, m.id);
    expect((await listMortgages(owner)).map((x) => x.id)).toEqual([m.id]);
    await expect(restoreMortgage(owner, m.id)).rejects.toBeInstanceOf(NotFoundError); // not deleted any more
  });

  it("refuses to restore after the window, or over a mortgage that took the name", async () => {
    const owner = await makeUser();
    const old = await createMortgage(owner, form({ name: "Old" }));
    await softDeleteMortgage(owner, old.id);
    await db.update(mortgages).set({ deletedAt: sql`now() - interval '2 minutes'` }).where(eq(mortgages.id, old.id));
    await expect(restoreMortgage(owner, old.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowOf(old.id)).deletedAt).not.toBeNull();

    const first = await createMortgage(owner, form({ name: "Twin" }));
    await softDeleteMortgage(owner, first.id);
    await createMortgage(owner, form({ name: "twin" }));
    await expect(restoreMortgage(owner, first.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await rowOf(first.id)).deletedAt).not.toBeNull();
  });
});

describe("mortgages: owner scoping", () => {
  it("every action with another user's mortgage id is NotFound and changes nothing", async () => {
    const owner = await makeUser();
    const intruder = await makeUser();
    const m = await createMortgage(owner, form({ originationDate: addMonths(todayIso(), -12) }));
    const before = await rowOf(m.id);

    await expect(getMortgage(intruder, m.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMortgage(intruder, m.id, form({ name: "Stolen" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(softDeleteMortgage(intruder, m.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addSnapshot(intruder, { mortgageId: m.id, recordedOn: todayIso(), balance: 1_000, rate: 4.5, monthsLeft: 10 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listSnapshots(intruder, m.id)).toEqual([]);

    await softDeleteMortgage(owner, m.id);
    await expect(restoreMortgage(intruder, m.id)).rejects.toBeInstanceOf(NotFoundError);
    await restoreMortgage(owner, m.id);

    const after = await rowOf(m.id);
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null, lastUpdatedBy: owner });
    expect(await db.select().from(mortgageTracking).where(eq(mortgageTracking.mortgageId, m.id))).toEqual([]);
  });

  it("ids that are not UUIDs are NotFound, not database errors", async () => {
    const owner = await makeUser();
    await expect(getMortgage(owner, "1 OR 1=1")).rejects.toBeInstanceOf(NotFoundError);
    await expect(softDeleteMortgage(owner, "abc")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("balance snapshots", () => {
  it("the mortgage follows the newest snapshot by date, in the same transaction; an older one leaves it", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form({ originationDate: addMonths(todayIso(), -60) }));
    await addSnapshot(owner, { mortgageId: m.id, recordedOn: addMonths(todayIso(), -1), balance: 350_000, rate: 4.5, monthsLeft: 290 });
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 35_000_000, remainingTerm: 290, lastUpdatedBy: owner });

    await addSnapshot(owner, { mortgageId: m.id, recordedOn: addMonths(todayIso(), -6), balance: 360_000, rate: 4.5, monthsLeft: 295 });
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 35_000_000, remainingTerm: 290 });

    const list = await listSnapshots(owner, m.id);
    expect(list.map((s) => s.currentRemainingPrincipalCents)).toEqual([35_000_000, 36_000_000]);
  });

  it("recording a date again corrects that day's balance instead of adding a second one", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form({ originationDate: addMonths(todayIso(), -60) }));
    const day = addMonths(todayIso(), -1);
    const first = await addSnapshot(owner, { mortgageId: m.id, recordedOn: day, balance: 350_000, rate: 4.5, monthsLeft: 290 });
    expect(first.corrected).toBe(false);
    const again = await addSnapshot(owner, { mortgageId: m.id, recordedOn: day, balance: 349_500, rate: 4.5, monthsLeft: 289 });
    expect(again).toMatchObject({ id: first.id, corrected: true, currentRemainingPrincipalCents: 34_950_000, currentRemainingTerm: 289 });
    expect((await listSnapshots(owner, m.id)).map((s) => s.recordedOn)).toEqual([day]);
    // It is the newest, so the mortgage follows the correction.
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 34_950_000, remainingTerm: 289 });
  });

  it("rejects a balance above the original principal or a date before origination, and changes nothing", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form({ originationDate: "2020-01-15" }));
    const err = await addSnapshot(owner, { mortgageId: m.id, recordedOn: "2019-12-01", balance: 500_000, rate: 4.5, monthsLeft: 400 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors).sort()).toEqual(["balance", "monthsLeft", "recordedOn"]);
    expect(await listSnapshots(owner, m.id)).toEqual([]);
    expect((await rowOf(m.id)).remainingTerm).toBe(m.remainingTerm);
    // Tomorrow where the owner is (already today east of them, so the form's schema lets it by).
    const tomorrow = await addSnapshot(owner, { mortgageId: m.id, recordedOn: "2026-05-02", balance: 300_000, rate: 4.5, monthsLeft: 300 }, undefined, { today: "2026-05-01" }).catch((e: unknown) => e);
    expect((tomorrow as ValidationError).fieldErrors).toEqual({ recordedOn: ["The date can't be in the future."] });
    expect(await listSnapshots(owner, m.id)).toEqual([]);
  });

  it("removing the newest balance puts the mortgage back on the one before; an older one leaves it; the last keeps the figures", async () => {
    const owner = await makeUser();
    const m = await createMortgage(owner, form({ originationDate: addMonths(todayIso(), -60) }));
    const older = await addSnapshot(owner, { mortgageId: m.id, recordedOn: addMonths(todayIso(), -6), balance: 360_000, rate: 4.5, monthsLeft: 295 });
    const middle = await addSnapshot(owner, { mortgageId: m.id, recordedOn: addMonths(todayIso(), -3), balance: 355_000, rate: 4.5, monthsLeft: 292 });
    const newest = await addSnapshot(owner, { mortgageId: m.id, recordedOn: addMonths(todayIso(), -1), balance: 35_000, rate: 4.5, monthsLeft: 290 }); // a typo
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 3_500_000 });

    expect(await removeSnapshot(owner, newest.id)).toEqual({ mortgageId: m.id, recordedOn: newest.recordedOn, nowFollows: { recordedOn: middle.recordedOn }, keptFigures: false });
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 35_500_000, remainingTerm: 292 });

    expect(await removeSnapshot(owner, older.id)).toMatchObject({ nowFollows: null, keptFigures: false });
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 35_500_000, remainingTerm: 292 });

    expect(await removeSnapshot(owner, middle.id)).toMatchObject({ nowFollows: null, keptFigures: true });
    expect(await rowOf(m.id)).toMatchObject({ remainingPrincipalCents: 35_500_000, remainingTerm: 292 });
    expect(await listSnapshots(owner, m.id)).toEqual([]);
    await expect(removeSnapshot(owner, middle.id)).rejects.toBeInstanceOf(NotFoundError); // gone, and said so
  });

  it("another user's balance, or one of a deleted mortgage, can't be removed, and stays", async () => {
    const owner = await makeUser();
    const intruder = await makeUser();
    const m = await createMortgage(owner, form());
    const snap = await addSnapshot(owner, { mortgageId: m.id, recordedOn: todayIso(), balance: 350_000, rate: 4.5, monthsLeft: 290 });
    await expect(removeSnapshot(intruder, snap.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeSnapshot(owner, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await softDeleteMortgage(owner, m.id);
    await expect(removeSnapshot(owner, snap.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.select().from(mortgageTracking).where(eq(mortgageTracking.id, snap.id))).toHaveLength(1);
  });
});
