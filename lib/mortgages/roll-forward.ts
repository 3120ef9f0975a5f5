import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { db as defaultDb, queryRows, type DbOrTx } from "@/db";
import { mortgageTracking, mortgages } from "@/db/schema";
import { balanceAfter, toCents } from "@/lib/calc";
import { addMonths, monthsBetween, todayIso } from "./dates";

type Candidate = {
  id: string;
  remaining_principal_cents: string;
  remaining_term: number;
  rate: string;
  as_of: string;
};

/**
 * The `mortgages.roll_forward` job (daily). A mortgage's remaining balance and term are what the
 * homeowner entered (or the schedule gave) on one day, and stood still after it: a year later
 * the dashboard, and the sweep's payment alerts, worked from a balance twelve payments too high.
 * For each live mortgage whose figures are a whole payment month old or more, this makes the
 * scheduled payments since (at its current rate, the payment that clears its balance over its
 * remaining term) and records the result as a `projected` balance, which the mortgage follows.
 * The homeowner's own records (source `manual`) always win: recording one removes projections
 * dated after it, and the next run projects from it. Idempotent: a second run the same day finds
 * nothing a month old.
 */
export async function rollForwardBalances(now = new Date(), db: DbOrTx = defaultDb): Promise<{ rolled: number }> {
  const today = todayIso(now);
  // As of: the newest balance on record when the mortgage still follows it (same figures),
  // else the day its figures were last set (an edit of the balance, or no record at all).
  const candidates = await queryRows<Candidate>(
    db,
    sql`WITH m AS (
          SELECT m.id, m.remaining_principal_cents, m.remaining_term,
                 coalesce(snap.current_rate, m.original_interest_rate) AS rate,
                 CASE WHEN snap.current_remaining_principal_cents = m.remaining_principal_cents AND snap.current_remaining_term = m.remaining_term
                      THEN snap.recorded_on ELSE (m.updated_at AT TIME ZONE 'UTC')::date END AS as_of
          FROM mortgages m
          LEFT JOIN LATERAL (
            SELECT recorded_on, current_rate, current_remaining_principal_cents, current_remaining_term FROM mortgage_tracking
            WHERE mortgage_id = m.id ORDER BY recorded_on DESC, created_at DESC LIMIT 1
          ) snap ON true
          WHERE m.deleted_at IS NULL AND m.remaining_term > 0 AND m.remaining_principal_cents > 0
        )
        SELECT id, remaining_principal_cents::text, remaining_term, rate::text, as_of::text FROM m WHERE as_of <= ${today}::date - 28`,
  );
  let rolled = 0;
  for (const c of candidates) {
    const n = Math.min(c.remaining_term, monthsBetween(c.as_of, today));
    if (n < 1) continue;
    const balance = Number(c.remaining_principal_cents) / 100;
    const rate = Number(c.rate);
    const cents = Math.max(0, toCents(balanceAfter(balance, rate, c.remaining_term, n)));
    const recordedOn = addMonths(c.as_of, n);
    await db.transaction(async (tx) => {
      // Only if nothing moved meanwhile (the owner recorded or edited): their figures win.
      const [still] = await tx
        .update(mortgages)
        .set({ remainingPrincipalCents: cents, remainingTerm: c.remaining_term - n })
        .where(and(eq(mortgages.id, c.id), eq(mortgages.remainingPrincipalCents, Number(c.remaining_principal_cents)), eq(mortgages.remainingTerm, c.remaining_term)))
        .returning({ id: mortgages.id });
      if (!still) return;
      await tx.insert(mortgageTracking).values({
        mortgageId: c.id,
        recordedOn,
        source: "projected",
        currentRate: rate,
        currentRemainingPrincipalCents: cents,
        currentRemainingTerm: c.remaining_term - n,
      });
      rolled++;
    });
  }
  return { rolled };
}

/** A homeowner's own record supersedes projections dated after it (called in its transaction). */
export async function dropProjectionsAfter(tx: DbOrTx, mortgageId: string, recordedOn: string): Promise<void> {
  await tx.delete(mortgageTracking).where(and(eq(mortgageTracking.mortgageId, mortgageId), eq(mortgageTracking.source, "projected"), gt(mortgageTracking.recordedOn, recordedOn)));
}
