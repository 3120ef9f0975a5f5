"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatterFor } from "@/lib/format";
import { validatedAction } from "@/lib/validated-action";
import { todayIn } from "./dates";
import { deleteMortgage, undoDeleteMortgage } from "./delete";
import { createMortgage, updateMortgage } from "./queries";
import { mortgageFormSchema, mortgageUpdateSchema, snapshotFormSchema, snapshotIdSchema } from "./schemas";
import { addSnapshot, removeSnapshot } from "./tracking";

// Thin wrappers: session, then the plain functions in queries.ts / tracking.ts, which scope
// every statement to the signed-in owner (another user's id is a 404 there).

function revalidate(id?: string) {
  revalidatePath("/dashboard");
  revalidatePath("/mortgages");
  if (id) revalidatePath(`/mortgages/${id}`);
}

export const createMortgageAction = validatedAction(mortgageFormSchema, async (data) => {
  const user = await requireUser("/mortgages/new");
  const mortgage = await createMortgage(user.id, data, { today: todayIn(user.display.timeZone) });
  revalidate(mortgage.id);
  redirect(`/mortgages/${mortgage.id}?saved=created`);
});

export const updateMortgageAction = validatedAction(mortgageUpdateSchema, async ({ id, ...data }) => {
  const user = await requireUser("/mortgages");
  await updateMortgage(user.id, id, data, { today: todayIn(user.display.timeZone) });
  revalidate(id);
  redirect(`/mortgages/${id}?saved=updated`);
});

export const addSnapshotAction = validatedAction(snapshotFormSchema, async (data) => {
  const user = await requireUser("/mortgages");
  const snapshot = await addSnapshot(user.id, data, undefined, { today: todayIn(user.display.timeZone) });
  revalidate(data.mortgageId);
  return { ok: true, message: snapshot.corrected ? `Balance for ${formatterFor(user.display).date(data.recordedOn)} updated.` : "Balance recorded." };
});

export const removeSnapshotAction = validatedAction(snapshotIdSchema, async ({ id }) => {
  const user = await requireUser("/mortgages");
  const removed = await removeSnapshot(user.id, id);
  revalidate(removed.mortgageId);
  const date = formatterFor(user.display).date;
  const after = removed.nowFollows
    ? ` The mortgage now follows your balance of ${date(removed.nowFollows.recordedOn)}.`
    : removed.keptFigures
      ? " No balance is left on record: the mortgage keeps its figures (edit it to change them)."
      : "";
  return { ok: true, message: `Balance of ${date(removed.recordedOn)} removed.${after}` };
});

export type DeleteResult =
  | {
      ok: true;
      id: string;
      name: string;
      /** Alerts deleted with the mortgage. */
      alerts: number;
      /** Subscriptions set to end with their paid period (ids for Undo, end dates as "yyyy-mm-dd"). */
      stopped: { id: string; endsOn: string | null; resumable: boolean }[];
    }
  | { ok: false; message: string };

export type RestoreResult = { ok: true; id: string; name: string; alerts: number; resumed: number; notResumed: number } | { ok: false; message: string };

const subscriptionIds = z.array(z.string().max(64)).max(100);

export async function deleteMortgageAction(id: string): Promise<DeleteResult> {
  const user = await requireUser("/mortgages");
  try {
    const row = await deleteMortgage(user.id, String(id));
    revalidate();
    revalidatePath("/alerts");
    revalidatePath("/billing");
    // The day it ends where the homeowner is (03:00 UTC on the 29th is the 28th in Los Angeles).
    return { ...row, ok: true, stopped: row.stopped.map((s) => ({ id: s.id, resumable: s.resumable, endsOn: s.endsOn ? todayIn(user.display.timeZone, s.endsOn) : null })) };
  } catch (err) {
    return failure(err);
  }
}

/** Undo of a delete; `resume`: the subscriptions that delete set to end (checked against the owner and the mortgage). */
export async function restoreMortgageAction(id: string, resume: unknown = []): Promise<RestoreResult> {
  const user = await requireUser("/mortgages");
  const ids = subscriptionIds.safeParse(resume);
  if (!ids.success) return { ok: false, message: "That undo request was not valid. Nothing was changed." };
  try {
    const row = await undoDeleteMortgage(user.id, String(id), ids.data);
    revalidate(row.id);
    revalidatePath("/alerts");
    revalidatePath("/billing");
    return { ok: true, ...row };
  } catch (err) {
    return failure(err);
  }
}

function failure(err: unknown): { ok: false; message: string } {
  if (err instanceof AppError && err.expose) return { ok: false, message: err.message };
  console.error(err);
  return { ok: false, message: "Something went wrong. Nothing was changed; please try again." };
}
