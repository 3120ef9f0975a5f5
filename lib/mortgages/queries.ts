import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db";
import { alerts, mortgages, type Mortgage } from "@/db/schema";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { encryptLoanNumber, lastFour } from "./crypto";
import { todayIso } from "./dates";
import { isUuid, type MortgageForm } from "./schemas";
import { mortgageColumns } from "./values";

/** How long after a delete the owner may still undo it (server-checked). */
export const RESTORE_WINDOW_SECONDS = 30;

const live = (userId: string, id: string) => and(eq(mortgages.id, id), eq(mortgages.userId, userId), isNull(mortgages.deletedAt));

/** A unique violation (the partial index on (user_id, name)) raised by a concurrent insert. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}

const nameTaken = (name: string) =>
  new ValidationError("Please correct the highlighted fields.", { name: [`You already have a mortgage named “${name}”. Choose another name.`] });

/** Case-insensitive, among the owner's live mortgages (the index is case-sensitive; we are stricter). */
async function assertNameFree(tx: DbOrTx, userId: string, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: mortgages.id })
    .from(mortgages)
    .where(
      and(
        eq(mortgages.userId, userId),
        isNull(mortgages.deletedAt),
        sql`lower(${mortgages.name}) = lower(${name})`,
        exceptId ? ne(mortgages.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw nameTaken(name);
}

function loanNumberColumns(form: MortgageForm): { loanNumberEncrypted: string | null; loanNumberLast4: string | null } | Record<string, never> {
  if (form.loanNumber) {
    return { loanNumberEncrypted: encryptLoanNumber(form.loanNumber, env().LOAN_NUMBER_KEY), loanNumberLast4: lastFour(form.loanNumber) };
  }
  if (form.clearLoanNumber) return { loanNumberEncrypted: null, loanNumberLast4: null };
  return {};
}

/** `today` is the homeowner's (todayIn their zone): blank remaining figures are derived as of it. */
export async function createMortgage(userId: string, form: MortgageForm, { db = defaultDb, today = todayIso() }: { db?: DbOrTx; today?: string } = {}): Promise<Mortgage> {
  const values = mortgageColumns(form, today);
  try {
    return await db.transaction(async (tx) => {
      await assertNameFree(tx, userId, values.name);
      const [row] = await tx
        .insert(mortgages)
        .values({ ...values, ...loanNumberColumns(form), userId, lastUpdatedBy: userId })
        .returning();
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(values.name);
    throw err;
  }
}

/** Saves exactly what was submitted; blank remaining fields are re-derived as on create. */
export async function updateMortgage(
  userId: string,
  id: string,
  form: MortgageForm,
  { db = defaultDb, today = todayIso() }: { db?: DbOrTx; today?: string } = {},
): Promise<Mortgage> {
  if (!isUuid(id)) throw new NotFoundError("That mortgage doesn't exist.");
  const values = mortgageColumns(form, today);
  try {
    return await db.transaction(async (tx) => {
      await assertNameFree(tx, userId, values.name, id);
      const [row] = await tx
        .update(mortgages)
        .set({ ...values, ...loanNumberColumns(form), lastUpdatedBy: userId })
        .where(live(userId, id))
        .returning();
      if (!row) throw new NotFoundError("That mortgage doesn't exist.");
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(values.name);
    throw err;
  }
}

export async function getMortgage(userId: string, id: string, db: DbOrTx = defaultDb): Promise<Mortgage> {
  if (!isUuid(id)) throw new NotFoundError("That mortgage doesn't exist.");
  const [row] = await db.select().from(mortgages).where(live(userId, id)).limit(1);
  if (!row) throw new NotFoundError("That mortgage doesn't exist.");
  return row;
}

export async function listMortgages(userId: string, db: DbOrTx = defaultDb): Promise<Mortgage[]> {
  return db
    .select()
    .from(mortgages)
    .where(and(eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .orderBy(asc(mortgages.createdAt), asc(mortgages.name));
}

/** How many alerts (not deleted) watch each of the user's mortgages, for a delete that should ask first. */
export async function alertCountsByMortgage(userId: string, db: DbOrTx = defaultDb): Promise<Map<string, number>> {
  const rows = await db
    .select({ mortgageId: alerts.mortgageId, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.userId, userId), isNull(alerts.deletedAt)))
    .groupBy(alerts.mortgageId);
  return new Map(rows.map((r) => [r.mortgageId, r.n]));
}

/**
 * Deletes a mortgage and its alerts together (one transaction, one `now()`: restoreMortgage
 * brings back exactly the alerts deleted with it). Paying for those alerts is stopped first, by
 * lib/mortgages/delete.ts.
 */
export async function softDeleteMortgage(userId: string, id: string, db: DbOrTx = defaultDb): Promise<{ id: string; name: string; alerts: number }> {
  if (!isUuid(id)) throw new NotFoundError("That mortgage doesn't exist.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(mortgages)
      .set({ deletedAt: sql`now()`, lastUpdatedBy: userId })
      .where(live(userId, id))
      .returning({ id: mortgages.id, name: mortgages.name });
    if (!row) throw new NotFoundError("That mortgage doesn't exist.");
    const gone = await tx
      .update(alerts)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(alerts.mortgageId, id), eq(alerts.userId, userId), isNull(alerts.deletedAt)))
      .returning({ id: alerts.id });
    return { ...row, alerts: gone.length };
  });
}

/** Undo of a delete: only the owner, only within RESTORE_WINDOW_SECONDS, only if the name is still free. */
export async function restoreMortgage(userId: string, id: string, db: DbOrTx = defaultDb): Promise<{ id: string; name: string; alerts: number }> {
  if (!isUuid(id)) throw new NotFoundError("That mortgage doesn't exist.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: mortgages.id, name: mortgages.name })
      .from(mortgages)
      .where(
        and(
          eq(mortgages.id, id),
          eq(mortgages.userId, userId),
          isNotNull(mortgages.deletedAt),
          gt(mortgages.deletedAt, sql`now() - make_interval(secs => ${RESTORE_WINDOW_SECONDS})`),
        ),
      )
      .for("update")
      .limit(1);
    if (!row) throw new NotFoundError("This mortgage can no longer be restored.");
    try {
      await assertNameFree(tx, userId, row.name);
    } catch {
      throw new ConflictError(`You have another mortgage named “${row.name}” now, so this one can't be restored.`);
    }
    // The alerts deleted with it (the same instant, compared in SQL: microseconds), not ones the
    // owner had deleted before; then the mortgage.
    const back = await tx
      .update(alerts)
      .set({ deletedAt: null })
      .where(and(eq(alerts.mortgageId, id), eq(alerts.userId, userId), sql`${alerts.deletedAt} = (SELECT m.deleted_at FROM mortgages m WHERE m.id = ${id})`))
      .returning({ id: alerts.id });
    await tx.update(mortgages).set({ deletedAt: null, lastUpdatedBy: userId }).where(eq(mortgages.id, id));
    return { id: row.id, name: row.name, alerts: back.length };
  });
}
