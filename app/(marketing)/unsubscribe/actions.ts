"use server";

import { unsubscribeUser, verifyUnsubscribeToken } from "@/lib/alerts/unsubscribe";
import type { ActionState } from "@/lib/validated-action";

/** The confirm button of the unsubscribe page: the signed token is the credential. */
export async function confirmUnsubscribe(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const userId = verifyUnsubscribeToken(formData.get("token"));
  if (!userId || !(await unsubscribeUser(userId))) return { ok: false, message: "This unsubscribe link is not valid. Sign in and turn alert emails off in Settings." };
  return { ok: true, message: "Done: you won't get alert emails any more. You can turn them back on in Settings." };
}
