"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { validatedAction, type ActionState } from "@/lib/validated-action";
import { checkLimits, waitText } from "./limits";
import { deliverQueued, registerUser } from "./registration";
import { browserTheme, claimHistoryFromCookie, deliverAfterResponse, requestMeta } from "./request";
import { requestPasswordReset, resetPassword } from "./reset";
import { forgotPasswordSchema, resetPasswordSchema, signUpSchema } from "./schemas";
import { getSession } from "./session";
import { resendVerification } from "./verification";

const tooMany = (seconds: number) => `Too many attempts. Please try again in ${waitText(seconds)}.`;

/** Sign-up answers the same for a new address and a registered one (whose owner gets a notice). */
export const signUpAction = validatedAction(signUpSchema, async (data): Promise<ActionState> => {
  const meta = await requestMeta();
  const values = { name: data.name, email: data.email };
  const limited = await checkLimits("signUp", { ip: meta.ip, email: data.email });
  if (limited) return { ok: false, message: tooMany(limited.retryAfterSeconds), values };
  const result = await registerUser(data, meta, await browserTheme());
  deliverAfterResponse(result.emailIds);
  // This browser's calculator history becomes the new account's (kept in the cookie too, so the
  // response is the same whether or not an account was made; signing in claims anything newer).
  if (result.userId) await claimHistoryFromCookie(result.userId, { clear: false });
  return {
    ok: true,
    message: `We've sent a link to ${data.email}. Open it to confirm your address, then sign in.`,
    values,
  };
});

const SAME_ANSWER = "If an account uses that address, we've sent it a link to choose a new password. The link works for 1 hour.";

export const forgotPasswordAction = validatedAction(forgotPasswordSchema, async (data): Promise<ActionState> => {
  const meta = await requestMeta();
  const limited = await checkLimits("reset", { ip: meta.ip, email: data.email });
  if (limited) return { ok: false, message: tooMany(limited.retryAfterSeconds), values: { email: data.email } };
  // All of it after the response: a known address costs a token, a transaction and an email, an
  // unknown one a single lookup, and the response time must not tell them apart.
  after(async () => {
    try {
      await deliverQueued(await requestPasswordReset(data.email, meta));
    } catch (err) {
      console.error("Password reset request failed:", err);
    }
  });
  return { ok: true, message: SAME_ANSWER, values: { email: data.email } };
});

const RESET_REFUSED: Record<string, string> = {
  invalid: "This reset link is not valid. Please ask for a new one.",
  used: "This reset link was already used. If you need to, ask for a new one.",
  expired: "This reset link has expired (links work for 1 hour). Please ask for a new one.",
};

export const resetPasswordAction = validatedAction(resetPasswordSchema, async (data): Promise<ActionState> => {
  const result = await resetPassword(data.token, data.password, await requestMeta());
  if (result.status !== "reset") return { ok: false, message: RESET_REFUSED[result.status], values: { token: "" } };
  deliverAfterResponse(result.emailIds);
  redirect("/sign-in?reset=1");
});

export const resendVerificationAction = validatedAction(z.object({}), async (): Promise<ActionState> => {
  const user = await getSession();
  if (!user) redirect("/sign-in?next=/verify-email");
  const meta = await requestMeta();
  const limited = await checkLimits("resend", { ip: meta.ip, email: user.email });
  if (limited) return { ok: false, message: tooMany(limited.retryAfterSeconds) };
  const result = await resendVerification(user.id, meta);
  if (result.ok) {
    deliverAfterResponse(result.emailIds);
    return { ok: true, message: `A new link is on its way to ${user.email}. It works for 24 hours; earlier links no longer work.` };
  }
  switch (result.reason) {
    case "already_verified":
      return { ok: true, message: "Your email address is already verified." };
    case "cooldown":
      return { ok: false, message: `We just sent a link. You can ask for another in ${waitText(result.retryAfterSeconds ?? 60)}.` };
    case "daily_limit":
      return { ok: false, message: `You've asked for 5 links already. You can ask again in ${waitText(result.retryAfterSeconds ?? 3600)}.` };
    default:
      redirect("/sign-in");
  }
});
