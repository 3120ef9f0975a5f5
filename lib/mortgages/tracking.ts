import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db";
import { mortgageTracking, mortgages, type MortgageTracking } from "@/db/schema";
import { roundRatePercent, toCents } from "@/lib/calc";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isUuid, type SnapshotForm } from "./schemas";

/**
 * Balance snapshots ("today my balance is X, rate Y, Z months left"). The mortgage's
 * remaining principal and term follow the newest snapshot by date, in the same transaction,
 * so the two never disagree. An older snapshot added later leaves the mortgage as it is.
 */
export async function addSnapshot(userId: string, form: SnapshotForm, db: DbOrTx = defaultDb): Promise<MortgageTracking & { corrected: boolean }> {
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

/** The owner's snapshots of one mortgage, newest first; none for anyone else's (pages 404 via getMortgage first). */
export async function listSnapshots(userId: string, mortgageId: string, db: DbOrTx = defaultDb): Promise<MortgageTracking[]> {
  if (!isUuid(mortgageId)) throw new NotFoundError("That mortgage doesn't exist.");
  const rows = await db
    .select({ snapshot: mortgageTracking })
    .from(mortgageTracking)
    .innerJoin(mortgages, eq(mortgages.id, mortgageTracking.mortgageId))
    .where(and(eq(mortgageTracking.mortgageId, mortgageId), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .orderBy(desc(mortgageTracking.recordedOn), desc(mortgageTracking.createdAt));
  return rows.map((r) => r.snapshot);
}
