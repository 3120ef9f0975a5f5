"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { validatedAction } from "@/lib/validated-action";
import { todayIn } from "./dates";
import { createMortgage, restoreMortgage, softDeleteMortgage, updateMortgage } from "./queries";
import { mortgageFormSchema, mortgageUpdateSchema, snapshotFormSchema } from "./schemas";
import { addSnapshot } from "./tracking";

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
  await addSnapshot(user.id, data);
  revalidate(data.mortgageId);
  return { ok: true, message: "Balance recorded." };
});

export type DeleteResult = { ok: true; id: string; name: string } | { ok: false; message: string };

export async function deleteMortgageAction(id: string): Promise<DeleteResult> {
  const user = await requireUser("/mortgages");
  try {
    const row = await softDeleteMortgage(user.id, String(id));
    revalidate();
    return { ok: true, ...row };
  } catch (err) {
    return failure(err);
  }
}

export async function restoreMortgageAction(id: string): Promise<DeleteResult> {
  const user = await requireUser("/mortgages");
  try {
    const row = await restoreMortgage(user.id, String(id));
    revalidate(row.id);
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
