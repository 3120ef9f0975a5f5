"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { deliverAfterResponse, requestMeta, setThemeCookie, syncDisplayCookie } from "@/lib/auth/request";
import { getSession, type SessionUser } from "@/lib/auth/session";
import { displayFormatOf } from "@/lib/format";
import { isNextControlFlow, validatedAction, type ActionState } from "@/lib/validated-action";
import { deleteAccount } from "./delete";
import { updatePreferences } from "./preferences";
import { changeName, changePassword, startEmailChange } from "./profile";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, preferencesSchema, profileNameSchema } from "./schemas";
import { signOutEverywhere } from "./sessions";

// Thin wrappers: each checks the session itself (server actions are public endpoints), then calls
// the plain function that takes the user id.

async function currentUser(): Promise<SessionUser> {
  const user = await getSession();
  if (!user) redirect("/sign-in?next=/settings");
  return user;
}

export const updatePreferencesAction = validatedAction(preferencesSchema, async (data): Promise<ActionState> => {
  const user = await currentUser();
  const saved = await updatePreferences(user.id, data);
  await setThemeCookie(saved.theme);
  await syncDisplayCookie(displayFormatOf(saved));
  revalidatePath("/", "layout");
  return { ok: true, message: "Preferences saved.", values: { theme: saved.theme } };
});

export const changeNameAction = validatedAction(profileNameSchema, async ({ name }): Promise<ActionState> => {
  const user = await currentUser();
  await changeName(user.id, name);
  revalidatePath("/", "layout");
  return { ok: true, message: "Name saved.", values: { name } };
});

export const changeEmailAction = validatedAction(changeEmailSchema, async ({ newEmail, emailPassword }): Promise<ActionState> => {
  const user = await currentUser();
  deliverAfterResponse(await startEmailChange(user.id, newEmail, emailPassword, await requestMeta()));
  revalidatePath("/settings");
  return {
    ok: true,
    message: `We've sent a link to ${newEmail}. Your address changes when you open it (within 24 hours); until then, keep using ${user.email}.`,
  };
});

export const changePasswordAction = validatedAction(changePasswordSchema, async ({ currentPassword, newPassword }): Promise<ActionState> => {
  const user = await currentUser();
  deliverAfterResponse(await changePassword(user.id, currentPassword, newPassword, await requestMeta()));
  // Every session ended with the change; sign this browser in again with the new password.
  try {
    await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/settings?saved=password" });
  } catch (err) {
    if (isNextControlFlow(err) || !(err instanceof AuthError)) throw err;
    redirect("/sign-in?next=/settings");
  }
  return { ok: true };
});

export const signOutEverywhereAction = validatedAction(z.object({}), async (): Promise<ActionState> => {
  const user = await currentUser();
  await signOutEverywhere(user.id, (await requestMeta()).ip);
  await syncDisplayCookie(null);
  await signOut({ redirectTo: "/sign-in?signedout=everywhere" });
  return { ok: true };
});

export const deleteAccountAction = validatedAction(deleteAccountSchema, async ({ deletePassword }): Promise<ActionState> => {
  const user = await currentUser();
  deliverAfterResponse(await deleteAccount(user.id, deletePassword, (await requestMeta()).ip));
  await syncDisplayCookie(null);
  await signOut({ redirectTo: "/sign-in?deleted=1" });
  return { ok: true };
});
