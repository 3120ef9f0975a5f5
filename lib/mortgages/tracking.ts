import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db";
import { mortgageTracking, mortgages, type MortgageTracking } from "@/db/schema";
import { dropProjectionsAfter } from "./roll-forward";
import { roundRatePercent, toCents } from "@/lib/calc";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isUuid, type SnapshotForm } from "./schemas";

/**
 * Balance snapshots ("today my balance is X, rate Y, Z months left"). The mortgage's
 * remaining principal and term follow the newest snapshot by date, in the same transaction,
 * so the two never disagree. An older snapshot added later leaves the mortgage as it is.
 */
export async function addSnapshot(
  userId: string,
  form: SnapshotForm,
  db: DbOrTx = defaultDb,
  // The owner's today (their time zone): the schema can only refuse dates past the world's latest today.
  opts: { today?: string } = {},
): Promise<MortgageTracking & { corrected: boolean }> {
  if (!isUuid(form.mortgageId)) throw new NotFoundError("That mortgage doesn't exist.");
  return db.transaction(async (tx) => {
    const [mortgage] = await tx
      .select({ id: mortgages.id, originalPrincipalCents: mortgages.originalPrincipalCents, originalTerm: mortgages.originalTerm, originationDate: mortgages.originationDate })
      .from(mortgages)
      .where(and(eq(mortgages.id, form.mortgageId), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
      .for("update")
      .limit(1);
    if (!mortgage) throw new NotFoundError("That mortgage doesn't exist.");

    const balanceCents = toCents(form.balance);
    const errors: Record<string, string[]> = {};
    if (balanceCents > mortgage.originalPrincipalCents) errors.balance = ["The balance can't be more than the original principal."];
    if (form.monthsLeft > mortgage.originalTerm) errors.monthsLeft = [`The months left can't be more than the original term (${mortgage.originalTerm} months).`];
    if (mortgage.originationDate && form.recordedOn < mortgage.originationDate) errors.recordedOn = ["The date can't be before the loan's origination date."];
    if (opts.today && form.recordedOn > opts.today) errors.recordedOn = ["The date can't be in the future."];
    if (Object.keys(errors).length) throw new ValidationError("Please correct the highlighted fields.", errors);

    // One balance a day from the owner: recording a date again corrects it (a second click, or a
    // typo fixed), instead of leaving two figures for one day.
    const values = {
      currentRemainingPrincipalCents: balanceCents,
      currentRate: roundRatePercent(form.rate),
      currentRemainingTerm: form.monthsLeft,
    };
    const [sameDay] = await tx
      .select({ id: mortgageTracking.id })
      .from(mortgageTracking)
      .where(and(eq(mortgageTracking.mortgageId, mortgage.id), eq(mortgageTracking.recordedOn, form.recordedOn), eq(mortgageTracking.source, "manual")))
      .orderBy(desc(mortgageTracking.createdAt))
      .limit(1);
    const [snapshot] = sameDay
      ? await tx.update(mortgageTracking).set(values).where(eq(mortgageTracking.id, sameDay.id)).returning()
      : await tx
          .insert(mortgageTracking)
          .values({ mortgageId: mortgage.id, recordedOn: form.recordedOn, source: "manual", ...values })
          .returning();

    // The owner's figure wins over the schedule's guesses made after that day (roll-forward.ts
    // projects again from it).
    await dropProjectionsAfter(tx, mortgage.id, form.recordedOn);
    const [newest] = await tx
      .select()
      .from(mortgageTracking)
      .where(eq(mortgageTracking.mortgageId, mortgage.id))
      .orderBy(desc(mortgageTracking.recordedOn), desc(mortgageTracking.createdAt), desc(mortgageTracking.id))
      .limit(1);
    if (newest!.id === snapshot!.id) {
      await tx
        .update(mortgages)
        .set({ remainingPrincipalCents: balanceCents, remainingTerm: form.monthsLeft, lastUpdatedBy: userId })
        .where(eq(mortgages.id, mortgage.id));
    }
    return { ...snapshot!, corrected: Boolean(sameDay) };
  });
}

export type SnapshotRemoved = {
  mortgageId: string;
  recordedOn: string;
  /** The mortgage's figures now follow this (older) record; null when they did not change. */
  nowFollows: { recordedOn: string } | null;
  /** It was the newest and no record is left: the mortgage keeps the figures it had. */
  keptFigures: boolean;
};

/**
 * Removes one of the owner's recorded balances (a mistaken entry), in one transaction with the
 * mortgage locked: if it was the newest, the mortgage's remaining principal and term follow the
 * newest record left, as addSnapshot keeps them; with none left they stay as they are (the
 * mortgage has no older figures to go back to; editing it changes them).
 */
export async function removeSnapshot(userId: string, snapshotId: string, db: DbOrTx = defaultDb): Promise<SnapshotRemoved> {
  if (!isUuid(snapshotId)) throw new NotFoundError("That balance doesn't exist.");
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ mortgageId: mortgages.id, recordedOn: mortgageTracking.recordedOn })
      .from(mortgageTracking)
      .innerJoin(mortgages, eq(mortgages.id, mortgageTracking.mortgageId))
      .where(and(eq(mortgageTracking.id, snapshotId), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
      .for("update", { of: mortgages })
      .limit(1);
    if (!found) throw new NotFoundError("That balance doesn't exist.");
    const newestFirst = [desc(mortgageTracking.recordedOn), desc(mortgageTracking.createdAt), desc(mortgageTracking.id)];
    const newest = async () =>
      (await tx.select().from(mortgageTracking).where(eq(mortgageTracking.mortgageId, found.mortgageId)).orderBy(...newestFirst).limit(1))[0];
    const wasNewest = (await newest())?.id === snapshotId;
    await tx.delete(mortgageTracking).where(eq(mortgageTracking.id, snapshotId));
    if (!wasNewest) return { ...found, nowFollows: null, keptFigures: false };
    const next = await newest();
    if (!next) return { ...found, nowFollows: null, keptFigures: true };
    await tx
      .update(mortgages)
      .set({ remainingPrincipalCents: next.currentRemainingPrincipalCents, remainingTerm: next.currentRemainingTerm, lastUpdatedBy: userId })
      .where(eq(mortgages.id, found.mortgageId));
    return { ...found, nowFollows: { recordedOn: next.recordedOn }, keptFigures: false };
  });
}

/**
 * The owner's recorded balances of one mortgage, newest first; none for anyone else's (pages 404
 * via getMortgage first). The monthly projections (roll-forward.ts) are not theirs to list or
 * remove: the schedule line already draws them.
 */
export async function listSnapshots(userId: string, mortgageId: string, db: DbOrTx = defaultDb): Promise<MortgageTracking[]> {
  if (!isUuid(mortgageId)) throw new NotFoundError("That mortgage doesn't exist.");
  const rows = await db
    .select({ snapshot: mortgageTracking })
    .from(mortgageTracking)
    .innerJoin(mortgages, eq(mortgages.id, mortgageTracking.mortgageId))
    .where(and(eq(mortgageTracking.mortgageId, mortgageId), eq(mortgageTracking.source, "manual"), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .orderBy(desc(mortgageTracking.recordedOn), desc(mortgageTracking.createdAt));
  return rows.map((r) => r.snapshot);
}
