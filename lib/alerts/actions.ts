"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { ConflictError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { validatedAction, type ActionState } from "@/lib/validated-action";
import { deleteAlert } from "./delete";
import { changeAlert, createAlert, updateAlert, type AlertChange } from "./queries";
import { alertFormSchema, createAlertSchema, isUuid } from "./schemas";
import { actOnTrigger, markTriggerViewed, type TriggerAction } from "./triggers";

// Thin wrappers: session, then the owner-scoped plain function (which 404s another user's id).

async function userId(): Promise<string> {
  const user = await getSession();
  if (!user) throw new UnauthorizedError();
  return user.id;
}

export const createAlertAction = validatedAction(createAlertSchema, async (data) => {
  const alert = await createAlert(await userId(), data);
  revalidatePath("/alerts");
  redirect(`/alerts/${alert.id}?created=1`);
});

export const updateAlertAction = validatedAction(alertFormSchema, async (data, formData) => {
  const id = formData.get("alertId");
  if (!isUuid(id)) throw new NotFoundError("That alert doesn't exist.");
  await updateAlert(await userId(), id, data);
  revalidatePath("/alerts");
  redirect(`/alerts/${id}?saved=1`);
});

const CHANGES: AlertChange[] = ["pause", "resume", "dismiss", "restore", "delete"];

/** Pause/resume, dismiss/restore, delete: one button each, from the alert page or list. */
export async function changeAlertAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = formData.get("alertId");
  const change = formData.get("change") as AlertChange;
  if (!isUuid(id) || !CHANGES.includes(change)) return { ok: false, message: "That alert doesn't exist." };
  try {
    if (change === "delete") await deleteAlert(await userId(), id);
    else await changeAlert(await userId(), id, change);
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof UnauthorizedError || err instanceof ConflictError) return { ok: false, message: err.message };
    console.error(err);
    return { ok: false, message: "Something went wrong. Nothing was changed; please try again." };
  }
  revalidatePath("/alerts");
  if (change === "delete") redirect("/alerts?deleted=1");
  revalidatePath(`/alerts/${id}`);
  const done = { pause: "Alert paused.", resume: "Alert resumed: watching the market again.", dismiss: "Alert dismissed.", restore: "Alert restored." }[change];
  return { ok: true, message: done };
}

const TRIGGER_ACTIONS: TriggerAction[] = ["dismiss", "snooze", "contacted"];

export async function triggerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = formData.get("triggerId");
  const action = formData.get("action") as TriggerAction;
  if (!isUuid(id) || !TRIGGER_ACTIONS.includes(action)) return { ok: false, message: "That alert notification doesn't exist." };
  try {
    await actOnTrigger(await userId(), id, action);
  } catch (err) {
    if (err instanceof Error && "expose" in err && (err as { expose: boolean }).expose) return { ok: false, message: err.message };
    console.error(err);
    return { ok: false, message: "Something went wrong. Nothing was changed; please try again." };
  }
  revalidatePath(`/triggers/${id}`);
  revalidatePath("/alerts", "layout");
  const done = { dismiss: "Dismissed. We'll alert you again if the rate falls further, or in two weeks if it holds.", snooze: "Snoozed for 7 days.", contacted: "Noted: you contacted a lender. Good luck!" }[action];
  return { ok: true, message: done };
}

/** Called by the trigger page when it opens. */
export async function markViewed(triggerId: string): Promise<void> {
  if (!isUuid(triggerId)) return;
  await markTriggerViewed(await userId(), triggerId);
}
